package org.commentarywatch.enrich.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.enrich.Contracts;
import org.commentarywatch.enrich.Fixtures;
import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class AnalyzeResourceIT {

    @Test
    void returnsTheEnrichmentOfATextAsTheStageWritesIt() throws Exception {
        String body = given().contentType(ContentType.JSON)
                .body(Map.of("title", "Gas talks", "text", Fixtures.PIECES.get("de")))
                .when().post("/api/analyze")
                .then().statusCode(200)
                .body("language", equalTo("de"))
                .body("sentence_count", equalTo(3))
                .body("word_count", greaterThan(30))
                .extract().asString();

        ObjectNode document = Fixtures.rawDocument(Fixtures.newId(), "Gas talks", Fixtures.PIECES.get("de"));
        document.set("enrichment", Fixtures.MAPPER.readTree(body));
        Contracts.assertValid(Contracts.ENRICHED_DOCUMENT, document.toString());
    }

    @Test
    void takesTheLanguageTheCallerGives() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "Short.", "language", "uk-UA"))
                .when().post("/api/analyze")
                .then().statusCode(200)
                .body("language", equalTo("uk"))
                .body("language_confidence", equalTo(1.0f));
    }

    @Test
    void refusesBlankTextWithAJsonMessage() {
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Only a title", "text", "  "))
                .when().post("/api/analyze")
                .then().statusCode(400)
                .body("error", equalTo("empty_text"))
                .body("message", not(emptyOrNullString()));
    }

    @Test
    void refusesARequestWithoutTextWithAJsonMessage() {
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Only a title"))
                .when().post("/api/analyze")
                .then().statusCode(400)
                .body("error", equalTo("empty_text"));
    }

    @Test
    void refusesMalformedJsonWithAJsonMessage() {
        given().contentType(ContentType.JSON)
                .body("{\"text\": \"unterminated")
                .when().post("/api/analyze")
                .then().statusCode(400)
                .body("error", equalTo("malformed_json"))
                .body("message", not(emptyOrNullString()));
    }

    @Test
    void refusesJsonOfTheWrongShapeWithAJsonMessage() {
        given().contentType(ContentType.JSON)
                .body("{\"text\": {\"nested\": true}}")
                .when().post("/api/analyze")
                .then().statusCode(400)
                .body("error", equalTo("invalid_request"))
                .body("message", not(emptyOrNullString()));
    }

    @Test
    void refusesAnEmptyBodyWithAJsonMessage() {
        given().contentType(ContentType.JSON)
                .when().post("/api/analyze")
                .then().statusCode(400)
                .body("error", equalTo("missing_body"));
    }

    @Test
    void refusesALanguageThatNamesNone() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "Some text to analyse.", "language", "Klingon!"))
                .when().post("/api/analyze")
                .then().statusCode(400)
                .body("error", equalTo("invalid_language"));
    }
}
