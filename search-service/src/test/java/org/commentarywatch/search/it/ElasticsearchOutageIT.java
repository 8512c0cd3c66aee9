package org.commentarywatch.search.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.commentarywatch.localstack.ElasticsearchNode;
import org.commentarywatch.localstack.LocalStackTestResource;
import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.config.CommentaryConfig;

/** Kills the test JVM's Elasticsearch node and brings it back; the other tests find it running again. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ElasticsearchOutageIT {

    private static final Pattern RETRIED = Pattern.compile(
            "commentary_documents_total\\{[^}]*outcome=\"retried\"[^}]*} ([0-9.E]+)");

    @Inject
    CommentaryConfig config;

    @Test
    void whileElasticsearchIsDownRecordsWaitAndReadinessIsDownThenTheyAreIndexedOnceItIsBack() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        double retriedBefore = retried();
        String id = Fixtures.newId();

        ElasticsearchNode node = LocalStackTestResource.stack().elasticsearch();
        node.kill();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .statusCode(503).body("status", equalTo("DOWN")));
            StackClients.produce(config.topics().enriched(), id, Fixtures.enrichedDocument(id, Fixtures.newMarker()).toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> retried() > retriedBefore);
            given().get("/q/health/live").then().statusCode(200);
            given().get("/api/documents/{id}", id).then().statusCode(503).body("error", equalTo("elasticsearch_unavailable"));
        } finally {
            node.start();
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/api/documents/{id}", id).then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    private static double retried() {
        Matcher matcher = RETRIED.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        assertTrue(matcher.find(), "no retried counter in /q/metrics");
        return Double.parseDouble(matcher.group(1));
    }
}
