package org.commentarywatch.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** An index mapping flattened to dotted field paths (multi-fields included: {@code title.keyword}) and their types. */
final class IndexMapping {

    /**
     * Indices the dashboards read whose writer does not ship a mapping yet, with the fields (and types) the
     * dashboards expect of them. The tests check against the live mapping when the index exists, else against the
     * mapping a service ships ({@link #shipped}), else against this list.
     */
    static final Map<String, Map<String, String>> EXPECTED_NOT_YET_CREATED = Map.of(
            // search-service ships elasticsearch/commentary-alerts.json: this list is only the fallback.
            "commentary-alerts", ordered(
                    "rule_id", "keyword",
                    "rule_name", "keyword",
                    "document_id", "keyword",
                    "matched_at", "date"),
            "commentary-feeds", ordered(
                    "feed_id", "keyword",
                    "url", "keyword",
                    "last_fetch", "date",
                    "last_success", "date",
                    "http_status", "integer",
                    "consecutive_failures", "integer",
                    "items_seen", "long",
                    "items_new", "long",
                    "last_error", "keyword"));

    private IndexMapping() {
    }

    /**
     * The fields of an index as a service ships its mapping ({@code <service>/src/main/resources/elasticsearch/}:
     * {@code <index>.json}, or the highest {@code <index>-v<N>.json} for a versioned alias such as {@code commentary}), else the
     * documented expected list, else null.
     */
    static Map<String, String> shipped(String index) {
        Pattern versioned = Pattern.compile(Pattern.quote(index) + "-v(\\d+)\\.json");
        for (String service : RunningSystem.SERVICES) {
            Path dir = RunningSystem.repository().resolve(service).resolve("src/main/resources/elasticsearch");
            if (!Files.isDirectory(dir)) {
                continue;
            }
            Path file = dir.resolve(index + ".json");
            if (!Files.isRegularFile(file)) {
                // the highest mapping version: the one a fresh installation creates
                try (var files = Files.list(dir)) {
                    file = files.filter(f -> versioned.matcher(f.getFileName().toString()).matches())
                            .max(Comparator.comparingInt(f -> {
                                Matcher m = versioned.matcher(f.getFileName().toString());
                                m.matches();
                                return Integer.parseInt(m.group(1));
                            })).orElse(null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (file != null) {
                try {
                    return fields(KibanaSavedObjects.JSON.readTree(file.toFile()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return EXPECTED_NOT_YET_CREATED.get(index);
    }

    /**
     * Fields of a {@code GET /<index>/_mapping} answer (one or more indices, e.g. through an alias), or of a
     * {@code {"mappings": ...}} document such as an index template or {@code commentary-v1.json}.
     */
    static Map<String, String> fields(JsonNode mappingResponse) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (mappingResponse.has("mappings")) {
            collect("", mappingResponse.path("mappings").path("properties"), fields);
            return fields;
        }
        Iterator<JsonNode> indices = mappingResponse.elements();
        while (indices.hasNext()) {
            collect("", indices.next().path("mappings").path("properties"), fields);
        }
        return fields;
    }

    private static void collect(String prefix, JsonNode properties, Map<String, String> into) {
        properties.fields().forEachRemaining(entry -> {
            String path = prefix + entry.getKey();
            JsonNode field = entry.getValue();
            if (field.has("properties")) {
                into.put(path, field.path("type").asText("object"));
                collect(path + ".", field.path("properties"), into);
            } else {
                into.put(path, field.path("type").asText("object"));
            }
            field.path("fields").fields().forEachRemaining(sub -> into.put(path + "." + sub.getKey(), sub.getValue().path("type").asText()));
        });
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
