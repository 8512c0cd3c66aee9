package org.commentarywatch.enrich.service.actors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The curated actors (states, blocs, organisations, people, companies, projects, places) with their aliases,
 * kept as data in {@code src/main/resources/knowledge-base/}: {@code actors.jsonl} (one entry a line) and
 * {@code compounds.jsonl} (Chinese contractions such as 中俄 that name several actors at once).
 * Loading checks the entries; a broken file stops the service at start-up with the line that is wrong.
 */
public final class KnowledgeBase {

    public static final String ACTORS_RESOURCE = "knowledge-base/actors.jsonl";
    public static final String COMPOUNDS_RESOURCE = "knowledge-base/compounds.jsonl";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern QID = Pattern.compile("Q[0-9]+");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** An alias that names several actors at once (中俄: China and Russia). */
    public record Compound(String alias, List<String> actors) {
    }

    private final Map<String, KnowledgeBaseEntry> entries;
    private final List<Compound> compounds;

    KnowledgeBase(List<KnowledgeBaseEntry> entries, List<Compound> compounds) {
        Map<String, KnowledgeBaseEntry> byId = new LinkedHashMap<>();
        for (KnowledgeBaseEntry entry : entries) {
            if (byId.put(entry.id(), entry) != null) {
                throw new IllegalStateException("knowledge base: id " + entry.id() + " appears twice");
            }
        }
        this.entries = Collections.unmodifiableMap(byId);
        this.compounds = List.copyOf(compounds);
        validate();
    }

    /** The knowledge base shipped with the service. */
    public static KnowledgeBase load() {
        return new KnowledgeBase(readLines(ACTORS_RESOURCE, KnowledgeBaseEntry.class),
                readLines(COMPOUNDS_RESOURCE, Compound.class));
    }

    public Map<String, KnowledgeBaseEntry> entries() {
        return entries;
    }

    public List<Compound> compounds() {
        return compounds;
    }

    public KnowledgeBaseEntry get(String id) {
        return entries.get(id);
    }

    private void validate() {
        Set<String> problems = new HashSet<>();
        for (KnowledgeBaseEntry e : entries.values()) {
            String at = "entry " + e.id() + ": ";
            if (e.id() == null || !ID.matcher(e.id()).matches()) {
                problems.add(at + "id must be a lower-case slug");
            }
            if (!KnowledgeBaseEntry.TYPES.contains(e.type())) {
                problems.add(at + "type " + e.type() + " is not one of " + KnowledgeBaseEntry.TYPES);
            }
            if (e.name() == null || e.name().isBlank()) {
                problems.add(at + "no name");
            }
            if (e.wikidata() != null && !QID.matcher(e.wikidata()).matches()) {
                problems.add(at + "wikidata " + e.wikidata() + " is not a QID");
            }
            if (e.country() != null && (get(e.country()) == null || !"state".equals(get(e.country()).type()))) {
                problems.add(at + "country " + e.country() + " is not a state of the knowledge base");
            }
            if ((e.lat() == null) != (e.lon() == null)) {
                problems.add(at + "lat and lon go together");
            }
            if (e.lat() != null && (e.lat() < -90 || e.lat() > 90 || e.lon() < -180 || e.lon() > 180)) {
                problems.add(at + "coordinates out of range");
            }
            if (("state".equals(e.type()) || "place".equals(e.type())) && e.lat() == null) {
                problems.add(at + "states and places need coordinates");
            }
            if (e.aliases("en").isEmpty()) {
                problems.add(at + "no English alias");
            }
            if (e.aliases() != null) {
                e.aliases().forEach((language, aliases) -> aliases.forEach(alias -> {
                    String problem = AliasPattern.problemWith(alias);
                    if (problem != null) {
                        problems.add(at + language + " alias '" + alias + "': " + problem);
                    }
                }));
            }
        }
        for (Compound c : compounds) {
            if (c.actors() == null || c.actors().isEmpty() || c.actors().stream().anyMatch(id -> get(id) == null)) {
                problems.add("compound " + c.alias() + ": names an actor the knowledge base does not have");
            }
            String problem = AliasPattern.problemWith(c.alias());
            if (problem != null) {
                problems.add("compound " + c.alias() + ": " + problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("knowledge base is invalid: " + String.join("; ", problems));
        }
    }

    private static <T> List<T> readLines(String resource, Class<T> type) {
        InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("knowledge base resource " + resource + " is missing from the classpath");
        }
        List<T> result = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    result.add(MAPPER.readValue(line, type));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(resource + " line " + number + ": " + e.getOriginalMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
