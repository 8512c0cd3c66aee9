package org.commentarywatch.enrich.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.enrich.Contracts;
import org.commentarywatch.enrich.Fixtures;
import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** POST /api/analyze returns the knowledge-base actors and the facts of a text, as the stage writes them. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ActorsAndFactsApiIT {

    private static final String TEXT = "Sergey Lavrov met Wang Yi in Beijing on 12 March 2024. “Our cooperation is "
            + "aimed at no third country,” said Wang Yi. Trade grew 26% to $240 billion, and Gazprom plans to ship "
            + "50 bcm a year through Power of Siberia 2.";

    @Test
    void returnsActorsMostMentionedFirstAndFactsWithOffsets() throws Exception {
        String body = given().contentType(ContentType.JSON)
                .body(Map.of("title", "Talks in Beijing", "text", TEXT))
                .when().post("/api/analyze")
                .then().statusCode(200)
                .body("actors[0].id", equalTo("wang-yi"))
                .body("actors[0].mentions", equalTo(2))
                .body("actors.id", hasItems("sergey-lavrov", "china", "gazprom", "power-of-siberia-2"))
                .body("facts.kind", hasItems("date", "quote", "percent", "money", "quantity"))
                .body("facts.find { it.kind == 'quote' }.speaker", equalTo("Wang Yi"))
                .body("facts.find { it.kind == 'money' }.currency", equalTo("USD"))
                .body("facts.find { it.kind == 'date' }.normalized", equalTo("2024-03-12"))
                .extract().asString();

        ObjectNode document = Fixtures.rawDocument(Fixtures.newId(), "Talks in Beijing", TEXT);
        document.set("enrichment", Fixtures.MAPPER.readTree(body));
        Contracts.assertValid(Contracts.ENRICHED_DOCUMENT, document.toString());
    }
}
