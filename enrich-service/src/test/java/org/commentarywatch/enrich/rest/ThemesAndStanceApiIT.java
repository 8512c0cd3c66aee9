package org.commentarywatch.enrich.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.enrich.Contracts;
import org.commentarywatch.enrich.Fixtures;
import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** POST /api/analyze returns the themes and the stance of a text, as the stage writes them. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ThemesAndStanceApiIT {

    /** Written for this test. */
    private static final String TEXT = "For all their summits, Russia and China remain wary partners. Beijing will not "
            + "risk its access to European markets for Moscow, and Russian officials resent the role of junior partner "
            + "that trade figures assign them. Old mistrust along the border has not faded. The relationship is a "
            + "marriage of convenience with clear limits, not an alliance.";

    @Test
    void returnsThemesAndAStanceWithItsEvidence() throws Exception {
        String body = given().contentType(ContentType.JSON)
                .body(Map.of("title", "Wary partners", "text", TEXT))
                .when().post("/api/analyze")
                .then().statusCode(200)
                .body("stance.label", equalTo("divergence"))
                .body("stance.decided_by", containsString("co-mentions"))
                .body("stance.evidence", hasSize(greaterThanOrEqualTo(3)))
                .body("stance.evidence.leaning", hasItems("divergence"))
                .body("themes.label", hasItems("trade_finance"))
                .extract().asString();

        ObjectNode document = Fixtures.rawDocument(Fixtures.newId(), "Wary partners", TEXT);
        document.set("enrichment", Fixtures.MAPPER.readTree(body));
        Contracts.assertValid(Contracts.ENRICHED_DOCUMENT, document.toString());
    }
}
