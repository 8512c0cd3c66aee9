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

    /** 32 lower-case hex digits, like the ids ingest-service assigns. */
    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A word no other document contains. */
    public static String newMarker() {
        return "marker" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
