package org.commentarywatch.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The service pointed at a port where no broker listens: it must say so, quickly, and store nothing. */
@QuarkusTest
@TestProfile(KafkaUnavailableIT.UnreachableKafka.class)
class KafkaUnavailableIT {

    public static class UnreachableKafka implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Short timeouts so that the failures under test arrive in seconds, not the production half-minute.
            return Map.of(
                    "kafka.bootstrap.servers", "localhost:" + unusedPort(),
                    "mp.messaging.outgoing.raw.max.block.ms", "1000",
                    "mp.messaging.outgoing.raw.request.timeout.ms", "1000",
                    "mp.messaging.outgoing.raw.delivery.timeout.ms", "2000",
                    "commentary.health.kafka-timeout", "1s");
        }

        private static int unusedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void readinessIsDownAndSaysWhyWithinSeconds() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .time(lessThan(10L), TimeUnit.SECONDS)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Kafka cluster' }.status", equalTo("DOWN"));
    }

    @Test
    void aDocumentKafkaDoesNotAcknowledgeIsAnswered503SoTheCallerRetries() {
        given().contentType(ContentType.JSON)
                .body("{\"title\": \"Unsent\", \"text\": \"Written while the broker is away.\"}")
                .when().post("/api/documents")
                .then().statusCode(503)
                .header("Retry-After", equalTo("30"))
                .body("error", equalTo("kafka_unavailable"))
                .body("message", containsString("Kafka is unavailable"));

        given().when().get("/q/metrics")
                .then().body(containsString("commentary_documents_total{outcome=\"failed\",stage=\"ingest\"} 1.0"));
    }

    @Test
    void livenessStaysUpSoTheServiceIsNotRestartedForKafkasOutage() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("checks.status", hasItem("UP"));
    }
}
