package org.commentarywatch.enrich.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class KafkaReadinessCheckTest {

    @Test
    void reportsDownWithinItsTimeoutWhenNoBrokerAnswers() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KafkaReadinessCheck check = new KafkaReadinessCheck(
                Map.of("bootstrap.servers", "localhost:" + closedPort), Duration.ofSeconds(1));
        try {
            HealthCheckResponse response = assertTimeoutPreemptively(Duration.ofSeconds(5), check::call);

            assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        } finally {
            check.close();
        }
    }
}
