package org.commentarywatch.enrich;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.commentarywatch.enrich.config.CommentaryConfig;
import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What operators rely on: readiness, the documents counter, the OpenAPI description. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class OperationsIT {

    @Inject
    CommentaryConfig config;

    @Test
    void isReadyWhileKafkaAnswers() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka broker")));
    }

    @Test
    void countsEnrichedAndDeadLetteredDocumentsAndTimesTheEnrichment() throws Exception {
        double enrichedBefore = documents("enriched");
        double deadLetteredBefore = documents("dead_lettered");
        String id = Fixtures.newId();

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackTestResource.stack().kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(config.topics().raw(), id,
                    Fixtures.rawDocument(id, "Counted", Fixtures.PIECES.get("fr")).toString())).get(10, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(config.topics().raw(), "bad-" + id, "{nope")).get(10, TimeUnit.SECONDS);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> documents("enriched") > enrichedBefore
                && documents("dead_lettered") > deadLetteredBefore);
        given().when().get("/q/metrics")
                .then().body(containsString("commentary_enrichment_duration_seconds_count{stage=\"enrich\"}"));
    }

    @Test
    void describesTheApiInOpenApiAndServesSwaggerUi() {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/analyze"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static double documents(String outcome) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("^commentary_documents_total\\{outcome=\"" + outcome
                + "\",stage=\"enrich\"} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
