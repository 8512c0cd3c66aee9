package org.commentarywatch.search.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.commentarywatch.localstack.LocalStackTestResource;
import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.Schemas;
import org.commentarywatch.search.config.CommentaryConfig;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class IndexingIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    CommentaryConfig config;

    @Test
    void anEnrichedRecordBecomesSearchableWithASnippetAndCanBeFetchedById() {
        String id = Fixtures.newId();
        String marker = Fixtures.newMarker();
        StackClients.produce(config.topics().enriched(), id, Fixtures.enrichedDocument(id, marker).toString());

        await().atMost(WAIT).untilAsserted(() -> given().queryParam("q", marker).get("/api/search")
                .then().statusCode(200).body("total", equalTo(1)));

        given().queryParam("q", marker).get("/api/search").then()
                .body("hits[0].id", equalTo(id))
                .body("hits[0].title", equalTo("Pipelines before partnership: why the gas talks keep stalling"))
                .body("hits[0].snippet", containsString("<em>" + marker + "</em>"))
                .body("hits[0].score", notNullValue())
                .body("hits[0].published", equalTo("2026-10-14"))
                .body("hits[0].source", equalTo("Example Analysis Notes"))
                .body("hits[0].language", equalTo("en"))
                .body("hits[0].reference", equalTo(false));

        given().get("/api/documents/{id}", id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("labels.stance", equalTo("divergence"))
                .body("enrichment.word_count", equalTo(92))
                .body("indexed_at", notNullValue());
    }

    @Test
    void theSameRecordDeliveredTwiceLeavesExactlyOneDocument() {
        String id = Fixtures.newId();
        ObjectNode document = Fixtures.enrichedDocument(id, Fixtures.newMarker());
        StackClients.produce(config.topics().enriched(), id, document.toString());
        StackClients.produce(config.topics().enriched(), id, document.toString());
        // Same key, same partition: once this third copy shows, the two before it have been indexed too.
        StackClients.produce(config.topics().enriched(), id, document.put("title", "Revised title").toString());

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/documents/{id}", id)
                .then().statusCode(200).body("title", equalTo("Revised title")));
        StackClients.refresh(config.index().alias());
        assertEquals(1, StackClients.countById(config.index().alias(), id));
    }

    @Test
    void refusedAndMalformedRecordsBecomeDeadLettersWithTheirCauseAndTheRecordsAfterThemAreStillIndexed() {
        String topic = config.topics().enriched();
        String refusedId = Fixtures.newId();
        String refused = Fixtures.enrichedDocument(refusedId, Fixtures.newMarker()).put("published", "not a date").toString();
        String malformed = "{\"id\": \"" + Fixtures.newId() + "\", \"title\": \"cut off";
        String goodId = Fixtures.newId();
        String good = Fixtures.enrichedDocument(goodId, Fixtures.newMarker()).toString();
        StackClients.produce(topic, 0, refusedId, refused);
        StackClients.produce(topic, 0, null, malformed);
        StackClients.produce(topic, 0, goodId, good);

        ConsumerRecord<String, String> refusedRecord = deadLetter(letter -> refusedId.equals(letter.path("document_id").asText()));
        assertEquals(refusedId, refusedRecord.key(), "dead letters are keyed by the document id");
        JsonNode refusedLetter = json(refusedRecord.value());
        assertEquals("[]", Schemas.validate(Schemas.DLQ_RECORD, refusedLetter).toString());
        assertEquals("mapping_rejected", refusedLetter.path("cause").path("type").asText());
        String reason = refusedLetter.path("cause").path("message").asText();
        assertTrue(reason.contains("published") && reason.contains("not a date"), reason);
        assertEquals(refused, refusedLetter.path("payload").asText());
        assertEquals("index", refusedLetter.path("stage").asText());
        assertEquals(topic, refusedLetter.path("source").path("topic").asText());
        assertEquals(0, refusedLetter.path("source").path("partition").asInt());
        assertEquals(refusedId, refusedLetter.path("source").path("key").asText());

        JsonNode malformedLetter = json(deadLetter(letter -> malformed.equals(letter.path("payload").asText())).value());
        assertEquals("[]", Schemas.validate(Schemas.DLQ_RECORD, malformedLetter).toString());
        assertEquals("malformed_json", malformedLetter.path("cause").path("type").asText());
        assertFalse(malformedLetter.has("document_id"));
        assertFalse(malformedLetter.path("source").has("key"));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/documents/{id}", goodId).then().statusCode(200));
        given().get("/api/documents/{id}", refusedId).then().statusCode(404);
    }

    private ConsumerRecord<String, String> deadLetter(Predicate<JsonNode> match) {
        return StackClients.awaitRecord(config.topics().dlq(), record -> match.test(json(record.value())), WAIT)
                .orElseThrow(() -> new AssertionError("no dead letter within " + WAIT));
    }

    private static JsonNode json(String value) {
        try {
            return Fixtures.JSON.readTree(value);
        } catch (Exception notJson) {
            return Fixtures.JSON.createObjectNode();
        }
    }
}
