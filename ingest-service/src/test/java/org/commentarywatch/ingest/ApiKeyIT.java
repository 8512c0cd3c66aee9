package org.commentarywatch.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With commentary.api-key set, writes need the key; reading health and metrics does not. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@TestProfile(ApiKeyIT.WithApiKey.class)
class ApiKeyIT {

    private static final String KEY = "a-test-key-of-no-value";

    private static final String DOCUMENT = "{\"title\": \"Keyed\", \"text\": \"An invented note sent with a key.\"}";

    public static class WithApiKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("commentary.api-key", KEY);
        }
    }

    @Test
    void aPostWithoutTheKeyIsRefused() {
        given().contentType(ContentType.JSON).body(DOCUMENT)
                .when().post("/api/documents")
                .then().statusCode(401)
                .body("error", equalTo("unauthorized"));
    }

    @Test
    void rawDocumentsAndUploadsNeedTheKeyToo() {
        given().contentType("text/plain").body("An invented line of text.")
                .when().post("/api/documents")
                .then().statusCode(401)
                .body("error", equalTo("unauthorized"));
        given().multiPart("file", "note.txt", "An invented line of text.".getBytes(), "text/plain")
                .when().post("/api/documents")
                .then().statusCode(401)
                .body("error", equalTo("unauthorized"));
    }

    @Test
    void aCorpusImportNeedsTheKey() {
        given().contentType(ContentType.JSON).body("{\"path\": \"/nowhere\"}")
                .when().post("/api/corpus/import")
                .then().statusCode(401)
                .body("error", equalTo("unauthorized"));
    }

    @Test
    void aPostWithAWrongKeyIsRefusedWithoutEchoingEitherKey() {
        given().contentType(ContentType.JSON).header("X-API-Key", "a-guess").body(DOCUMENT)
                .when().post("/api/documents")
                .then().statusCode(401)
                .body(not(containsString("a-guess")))
                .body(not(containsString(KEY)));
    }

    @Test
    void aPostWithTheKeyIsAccepted() {
        given().contentType(ContentType.JSON).header("X-API-Key", KEY).body(DOCUMENT)
                .when().post("/api/documents")
                .then().statusCode(202)
                .body("id", matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void feedSubscriptionsNeedTheKeyToWriteButNotToRead() {
        String feed = "{\"url\": \"https://keyed.example.org/feed.xml\"}";
        given().contentType(ContentType.JSON).body(feed)
                .when().post("/api/feeds")
                .then().statusCode(401)
                .body("error", equalTo("unauthorized"));
        String id = given().contentType(ContentType.JSON).header("X-API-Key", KEY).body(feed)
                .when().post("/api/feeds")
                .then().statusCode(201)
                .extract().path("feed_id");
        given().when().get("/api/feeds/" + id).then().statusCode(200);
        given().when().delete("/api/feeds/" + id).then().statusCode(401);
        given().header("X-API-Key", KEY).when().delete("/api/feeds/" + id).then().statusCode(204);
    }

    @Test
    void healthAndMetricsNeedNoKey() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
