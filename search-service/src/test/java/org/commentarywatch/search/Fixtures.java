package org.commentarywatch.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Test documents, written for this project. */
public final class Fixtures {

    /** Configured like the application's ObjectMapper where it matters: Optional and java.time as ISO text. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Fixtures() {
    }

    /** The sample enriched document of src/test/resources/fixtures. */
    public static ObjectNode enrichedDocument() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/enriched-document.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample with a fresh id and a word of its own in the text, so that a test finds exactly its document. */
    public static ObjectNode enrichedDocument(String id, String marker) {
        ObjectNode document = enrichedDocument();
        document.put("id", id);
        document.put("text", document.get("text").asText() + " Filed under " + marker + ".");
        return document;
    }

    /**
     * The sample with the analysis enrich-service is about to produce: a stance with evidence, themes, actors and
     * a novelty score (written here for the tests; the contract already describes them).
     */
    public static ObjectNode analysedDocument(String id, String marker, String stance, double novelty, String... themes) {
        ObjectNode document = enrichedDocument(id, marker);
        ObjectNode enrichment = (ObjectNode) document.get("enrichment");
        ObjectNode stanceNode = enrichment.putObject("stance");
        stanceNode.put("label", stance);
        stanceNode.put("score", 0.82);
        stanceNode.put("decided_by", "two sentences on a joint gas route outweigh one on price disputes");
        stanceNode.putArray("evidence").addObject()
                .put("text", "Moscow and Beijing agreed on volumes for a new gas route.")
                .put("start", 0).put("end", 57).put("score", 0.9).put("leaning", stance.equals("off_topic") ? "neutral" : stance);
        com.fasterxml.jackson.databind.node.ArrayNode themeArray = enrichment.putArray("themes");
        for (String theme : themes) {
            themeArray.addObject().put("label", theme).put("score", 0.7).putArray("evidence").add("gas negotiations");
        }
        com.fasterxml.jackson.databind.node.ArrayNode actors = enrichment.putArray("actors");
        actors.addObject().put("id", "russia").put("name", "Russia").put("type", "state").put("mentions", 2);
        actors.addObject().put("id", "china").put("name", "China").put("type", "state").put("mentions", 2);
        enrichment.put("novelty", novelty);
        return document;
    }

    /** 32 lower-case hex digits, like the ids ingest-service assigns. */
    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A word no other document contains. */
    public static String newMarker() {
        return "marker" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
