package org.commentarywatch.search.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.commentarywatch.localstack.LocalStackTestResource;
import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.config.CommentaryConfig;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class SearchApiIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    CommentaryConfig config;

    @Test
    void withoutAQueryTheMostRecentlyIngestedDocumentsComeFirst() {
        // Ingested far in the future, so that no other test's document can come between them.
        String older = index(Fixtures.enrichedDocument(Fixtures.newId(), Fixtures.newMarker()).put("ingested_at", "2099-01-01T00:00:00Z"));
        String newer = index(Fixtures.enrichedDocument(Fixtures.newId(), Fixtures.newMarker()).put("ingested_at", "2099-01-02T00:00:00Z"));

        given().queryParam("size", 2).get("/api/search").then()
                .statusCode(200)
                .body("hits.size()", equalTo(2))
                .body("hits[0].id", equalTo(newer))
                .body("hits[1].id", equalTo(older));
    }

    @Test
    void aMatchInTheTitleOnlyGetsTheOpeningOfTheTextAsSnippet() {
        String marker = Fixtures.newMarker();
        ObjectNode document = Fixtures.enrichedDocument(Fixtures.newId(), Fixtures.newMarker());
        document.put("title", "Notes on " + marker);
        index(document);

        given().queryParam("q", marker).get("/api/search").then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("hits[0].snippet", startsWith("Every few months a new round of gas negotiations"));
    }

    @Test
    void aQueryThatDoesNotParseIsABadRequestWithTheReasonAndThePosition() {
        given().queryParam("q", "gas AND ) pipeline").get("/api/search").then()
                .statusCode(400)
                .body("error", equalTo("invalid_query"))
                .body("field", equalTo("q"))
                .body("position", equalTo(8))
                .body("message", containsString("cannot parse"));
        given().queryParam("q", "\"unbalanced (quote AND -| ~~ *").get("/api/search").then()
                .statusCode(400)
                .body("error", equalTo("invalid_query"));
        given().queryParam("q", "China: allies").get("/api/search").then()
                .statusCode(400)
                .body("message", containsString("no field China"));
        given().queryParam("q", "gas AND ) pipeline").get("/api/search/feed.atom").then().statusCode(400);
    }

    @Test
    void aPageSizeAboveOneHundredIsABadRequestWithAReason() {
        given().queryParam("size", 101).get("/api/search").then()
                .statusCode(400)
                .body("error", equalTo("invalid_parameter"))
                .body("field", equalTo("size"))
                .body("message", containsString("size"));
        given().queryParam("size", "ten").get("/api/search").then().statusCode(400).body("field", equalTo("size"));
        given().queryParam("stance", "allies").get("/api/search").then().statusCode(400).body("field", equalTo("stance"));
        given().queryParam("to", "yesterday").get("/api/search").then().statusCode(400).body("field", equalTo("to"));
        given().queryParam("page", 0).get("/api/search").then().statusCode(400).body("field", equalTo("page"));
    }

    @Test
    void anUnknownDocumentIsNotFoundWithAJsonBody() {
        given().get("/api/documents/{id}", Fixtures.newId()).then()
                .statusCode(404)
                .body("error", equalTo("not_found"))
                .body("message", containsString("no document"));
    }

    /** Produces the document and waits until it can be read back; returns its id. */
    private String index(ObjectNode document) {
        String id = document.get("id").asText();
        StackClients.produce(config.topics().enriched(), id, document.toString());
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/documents/{id}", id).then().statusCode(200));
        // GET by id is real-time; search sees the document only after a refresh.
        StackClients.refresh(config.index().alias());
        return id;
    }
}
