package org.commentarywatch.search.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import org.commentarywatch.localstack.LocalStackTestResource;
import org.commentarywatch.localstack.ServiceProcess;
import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.service.AlertService;
import org.commentarywatch.search.service.WebhookSignature;

/**
 * Fault test (issue #6): the real service, run from its packaged jar, is stopped while a webhook delivery waits for
 * its next retry and started again; the delivery is completed exactly once, with every attempt in its log, signed with
 * the secret the first run encrypted (its generated key file survives the restart), and the secret shows in no log.
 * The process has indices and a consumer group of its own, so that the service under test in this JVM leaves it
 * alone. Costs two service starts (~20-40 s on this machine).
 */
class RestartDuringWebhookRetriesIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SECRET = "whsec_" + Fixtures.newMarker();

    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void aDeliveryPendingWhenTheServiceStopsIsCompletedExactlyOnceAfterItStartsAgain() throws Exception {
        String marker = Fixtures.newMarker();
        String path = "/restart-" + marker;
        Config config = ConfigProvider.getConfig();
        String topic = config.getValue("commentary.topics.enriched", String.class);
        String rulesIndex = config.getValue("commentary.alerting.rules-index", String.class) + "-restart-" + marker;
        String alertsIndex = config.getValue("commentary.alerting.alerts-index", String.class) + "-restart-" + marker;
        String deliveriesIndex = config.getValue("commentary.alerting.deliveries-index", String.class) + "-restart-" + marker;
        Path runDir = Path.of("target", "restart-it-" + marker).toAbsolutePath();
        Path keyFile = runDir.resolve("webhook-secret.key");
        Map<String, String> properties = new java.util.HashMap<>(ServiceProcess.stackProperties(LocalStackTestResource.stack()));
        properties.putAll(Map.of(
                "commentary.alerting.rules-index", rulesIndex,
                "commentary.alerting.alerts-index", alertsIndex,
                "commentary.alerting.deliveries-index", deliveriesIndex,
                "mp.messaging.incoming.enriched.group.id", "search-service-restart-" + marker,
                // Only what is produced from now on: the topic's history belongs to the other tests.
                "mp.messaging.incoming.enriched.auto.offset.reset", "latest",
                "commentary.webhooks.allowed-hosts", "127.0.0.1",
                // A wide gap between attempts, so that the stop falls between two of them, not into one.
                "commentary.webhooks.initial-delay", "20s",
                "commentary.webhooks.max-delay", "20s",
                "commentary.webhooks.poll-interval", "500ms"));
        properties.put("commentary.webhooks.secret-key-file", keyFile.toString());
        properties.put("mp.messaging.incoming.feeds.group.id", "search-service-feeds-restart-" + marker);
        properties.put("mp.messaging.incoming.feeds.auto.offset.reset", "latest");
        String repository = System.getProperty("commentary-test.repository", "..");
        ServiceProcess service = new ServiceProcess("search-service", Path.of(repository).toAbsolutePath().normalize(), 0,
                properties, runDir);
        receiver.failFirst(path, 1_000);
        try {
            service.start();
            String ruleId = given().baseUri(service.url()).contentType(ContentType.JSON)
                    .body(Map.of("name", "restart " + marker, "query", marker,
                            "webhook", Map.of("url", receiver.url(path), "secret", SECRET)))
                    .post("/api/rules").then().statusCode(201).extract().path("id");
            String documentId = Fixtures.newId();
            String alertId = AlertService.alertId(ruleId, documentId);
            String document = Fixtures.analysedDocument(documentId, marker, "convergence", 0.7, "energy").toString();

            // The consumer starts at the end of the topic once it has its partitions: until the alert shows, send again
            // (the same document, so the same alert).
            long[] lastSent = {0};
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (source(deliveriesIndex, alertId).isEmpty() && System.nanoTime() - lastSent[0] > 5_000_000_000L) {
                    StackClients.produce(topic, 0, documentId, document);
                    lastSent[0] = System.nanoTime();
                }
                return source(deliveriesIndex, alertId).map(d -> d.path("attempts").asInt() >= 1).orElse(false);
            });
            JsonNode before = source(deliveriesIndex, alertId).orElseThrow();
            assertEquals("pending", before.path("status").asText(), before.toString());
            service.close();
            int callsWhileUp = receiver.calls(path).size();
            JsonNode stopped = source(deliveriesIndex, alertId).orElseThrow();
            assertEquals("pending", stopped.path("status").asText(), "stopped with the delivery pending: " + stopped);
            assertTrue(Files.exists(keyFile), "the first run generated its key");

            receiver.failFirst(path, 0);
            service.start();
            await().atMost(WAIT).until(() -> source(deliveriesIndex, alertId)
                    .map(d -> "delivered".equals(d.path("status").asText())).orElse(false));
            Thread.sleep(3_000);

            List<WebhookReceiver.Call> calls = receiver.calls(path);
            List<WebhookReceiver.Call> accepted = calls.stream().filter(call -> call.answered() == 200).toList();
            assertEquals(1, accepted.size(), "delivered exactly once: " + calls);
            assertEquals(callsWhileUp + 1, calls.size(), "one call after the restart: " + calls);
            WebhookReceiver.Call last = accepted.get(0);
            assertEquals(alertId, last.header("X-Commentary-Delivery"));
            assertEquals(String.valueOf(calls.size()), last.header("X-Commentary-Attempt"));
            assertTrue(WebhookSignature.verify(SECRET, last.header(WebhookSignature.HEADER), last.body(),
                    Instant.now().getEpochSecond(), Duration.ofMinutes(5)), "signed with the secret stored by the first run");

            JsonNode after = source(deliveriesIndex, alertId).orElseThrow();
            JsonNode log = after.path("log");
            assertEquals(calls.size(), after.path("attempts").asInt(), after.toString());
            assertEquals(calls.size(), log.size(), "every attempt logged: " + log);
            for (int i = 0; i < log.size() - 1; i++) {
                assertEquals(500, log.get(i).path("status_code").asInt());
                assertEquals("retry", log.get(i).path("outcome").asText());
            }
            assertEquals(200, log.get(log.size() - 1).path("status_code").asInt());
            assertEquals("delivered", log.get(log.size() - 1).path("outcome").asText());

            StackClients.refresh(alertsIndex);
            JsonNode alerts = StackClients.elasticsearch("/" + alertsIndex + "/_search?q=rule_id:" + ruleId);
            assertEquals(1, alerts.path("hits").path("total").path("value").asInt(), "one alert, not raised again");
            JsonNode storedRule = source(rulesIndex, ruleId).orElseThrow();
            assertFalse(storedRule.toString().contains(SECRET), "encrypted at rest: " + storedRule);
            String serviceLog = Files.readString(service.log());
            assertTrue(serviceLog.contains(keyFile.toString()), "the generated key is announced in the log");
            assertFalse(serviceLog.contains(SECRET), "no secret in the service's log");
        } finally {
            service.close();
        }
    }

    private static Optional<JsonNode> source(String index, String id) {
        try {
            return Optional.of(StackClients.elasticsearch("/" + index + "/_doc/" + id).path("_source"));
        } catch (IllegalStateException notThere) {
            return Optional.empty();
        }
    }
}
