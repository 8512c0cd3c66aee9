package org.commentarywatch.search.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.commentarywatch.localstack.LocalStackTestResource;
import org.commentarywatch.search.config.CommentaryConfig;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ReadinessIT {

    @Inject
    CommentaryConfig config;

    @Test
    void readinessIsUpOnceKafkaElasticsearchAndTheIndexAreThere() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP")));
        given().get("/q/health/ready").then()
                .body("checks.name", hasItems("Elasticsearch cluster", "Commentary index", "Kafka cluster"));
    }

    @Test
    void theAliasPointsAtTheVersionOneIndexWhoseMappingIgnoresUnknownFields() {
        String alias = config.index().alias();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

        JsonNode aliases = StackClients.elasticsearch("/_alias/" + alias);
        List<String> indices = new ArrayList<>();
        aliases.fieldNames().forEachRemaining(indices::add);
        assertEquals(List.of(alias + "-v1"), indices);

        JsonNode mapping = StackClients.elasticsearch("/" + alias + "-v1/_mapping").path(alias + "-v1").path("mappings");
        assertEquals("false", mapping.path("dynamic").asText());
        assertEquals("date", mapping.path("properties").path("published").path("type").asText());
    }

    @Test
    void metricsExposeDocumentCountsByStageAndOutcome() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("commentary_documents_total{"))
                .body(containsString("outcome=\"dead_lettered\""))
                .body(containsString("stage=\"index\""));
    }

    @Test
    void theApiIsDescribedAndBrowsable() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/search"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
