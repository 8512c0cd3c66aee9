package org.commentarywatch.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commentarywatch.ingest.model.RawDocument;
import org.commentarywatch.ingest.service.DocumentIds;
import org.commentarywatch.ingest.service.SeenContentStore;
import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Exact duplicates under other URLs against the real commentary.raw and the compacted fingerprint topic. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class DuplicateContentIT extends RawTopicTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ObjectMapper mapper;

    private static String post(String title, String text, String url) {
        String body = "{\"title\": \"" + title + "\", \"text\": \"" + text + "\""
                + (url == null ? "" : ", \"url\": \"" + url + "\"") + "}";
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/documents")
                .then().statusCode(202).body("id", matchesPattern(ID))
                .extract().path("id");
    }

    @Test
    void theSameTextUnderAnotherUrlIsEmittedOnceWithTheOtherUrlRecordedAndRemembersItAfterARestart()
            throws Exception {
        String run = UUID.randomUUID().toString();
        String text = "An invented wire story, " + run + ", about a new ferry line across a northern sea.";
        String original = "https://wire.example.org/ferry/" + run;
        String mirror = "https://mirror.example.net/copies/" + run;

        String first = post("Ferry line opens", text, original);
        String second = post("Ferry line opens (syndicated)", text, mirror);

        assertEquals(first, second, "the duplicate answers with the document that holds the content");
        List<ConsumerRecord<String, String>> records = raw.awaitKey(first, 2);
        assertEquals(2, records.size());
        JsonNode updated = JSON.readTree(records.get(1).value());
        assertEquals(original, updated.path("url").asText());
        assertEquals("Ferry line opens", updated.path("title").asText(), "the first document's metadata is kept");
        assertEquals(List.of(mirror), List.of(updated.path("also_seen_at").get(0).asText()));
        assertTrue(Schemas.validate(Schemas.RAW_DOCUMENT, records.get(1).value()).isEmpty());
        String mirrorId = DocumentIds.of(Optional.of(mirror), text);
        assertTrue(raw.awaitMatching(value -> value.contains("\"id\":\"" + mirrorId + "\""), 0).isEmpty(),
                "no document of its own for the duplicate");

        // Known URL again, or the text with no URL: nothing new to record, nothing emitted.
        assertEquals(first, post("Ferry line opens (syndicated)", text, mirror));
        assertEquals(first, post("Ferry line opens", text, null));
        assertEquals(2, raw.awaitKey(first, 2).size());

        // The page itself submitted again (an update) is emitted and keeps the URL it was also seen at.
        assertEquals(first, post("Ferry line opens", text, original));
        JsonNode resubmitted = JSON.readTree(raw.awaitKey(first, 3).get(2).value());
        assertEquals(mirror, resubmitted.path("also_seen_at").get(0).asText());

        // A restarted service reads the memory back from the compacted topic.
        try (SeenContentStore restarted = new SeenContentStore(LocalStackTestResource.stack().kafkaBootstrapServers(),
                config.topics().fingerprints(), mapper)) {
            restarted.load();
            RawDocument remembered = restarted.get(DocumentIds.fingerprint(updated.path("text").asText()))
                    .orElseThrow();
            assertEquals(first, remembered.id());
            assertEquals(List.of(mirror), remembered.alsoSeenAt());
            assertFalse(remembered.text().length() > 0, "the memory keeps no text");
        }
    }

    @Test
    void anEditedPageUnderTheSameUrlIsAnUpdateAndIsEmitted() {
        String url = "https://wire.example.org/edited/" + UUID.randomUUID();

        String first = post("Draft", "A first invented version of a short report on river ice.", url);
        String second = post("Draft", "A corrected invented version of the short report on river ice.", url);

        assertEquals(first, second);
        assertEquals(2, raw.awaitKey(first, 2).size());
    }
}
