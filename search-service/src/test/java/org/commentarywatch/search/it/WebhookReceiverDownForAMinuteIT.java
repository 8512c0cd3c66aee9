package org.commentarywatch.search.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.commentarywatch.localstack.LocalStackTestResource;
import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.service.AlertService;
import org.commentarywatch.search.service.WebhookSignature;

/**
 * Fault test (issue #7): the webhook receiver refuses connections for a real 60 s while alerts keep firing, then
 * comes back on the same port; the retries (test backoff: 100 ms doubling up to 8 s, with jitter) span the outage
 * and every alert reaches it exactly once. Costs about 75 s, most of it the outage itself.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class WebhookReceiverDownForAMinuteIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final String SECRET = "whsec_" + Fixtures.newMarker();

    @Inject
    CommentaryConfig config;

    private void produceMatching(String marker, List<String> alertIds, String ruleId) {
        String id = Fixtures.newId();
        StackClients.produce(config.topics().enriched(), 0, id,
                Fixtures.analysedDocument(id, marker, "convergence", 0.7, "energy").toString());
        alertIds.add(AlertService.alertId(ruleId, id));
    }

    private static WebhookReceiver reopen(int port) throws Exception {
        // The port was ours a minute ago; a socket still closing can hold it for a moment.
        for (int tries = 0; ; tries++) {
            try {
                return new WebhookReceiver(port);
            } catch (BindException e) {
                if (tries > 50) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    @Test
    void everyAlertRaisedWhileTheReceiverRefusesConnectionsForAMinuteIsDeliveredExactlyOnceWhenItIsBack() throws Exception {
        String marker = Fixtures.newMarker();
        String path = "/down-" + marker;
        WebhookReceiver receiver = new WebhookReceiver();
        int port = receiver.port();
        String ruleId = given().contentType(ContentType.JSON).body(Map.of("name", "outage " + marker, "query", marker,
                        "webhook", Map.of("url", receiver.url(path), "secret", SECRET)))
                .post("/api/rules").then().statusCode(201).extract().path("id");

        receiver.close();
        Instant down = Instant.now();
        List<String> alertIds = new ArrayList<>();
        produceMatching(marker, alertIds, ruleId);
        produceMatching(marker, alertIds, ruleId);
        Thread.sleep(20_000);
        produceMatching(marker, alertIds, ruleId);
        produceMatching(marker, alertIds, ruleId);
        Thread.sleep(20_000);
        produceMatching(marker, alertIds, ruleId);
        // Every alert exists and has failed at least once against the closed port.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            for (String alertId : alertIds) {
                JsonNode delivery = delivery(alertId);
                assertEquals("pending", delivery.path("status").asText(), delivery.toString());
                assertTrue(delivery.path("attempts").asInt() >= 1, delivery.toString());
            }
        });
        Duration left = OUTAGE.minus(Duration.between(down, Instant.now()));
        if (!left.isNegative()) {
            Thread.sleep(left.toMillis());
        }
        receiver = reopen(port);
        Instant up = Instant.now();
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (String alertId : alertIds) {
                    assertEquals("delivered", delivery(alertId).path("status").asText(), alertId);
                }
            });
            // Nothing comes twice, also a little later.
            Thread.sleep(3_000);
            List<WebhookReceiver.Call> calls = receiver.calls(path);
            Set<String> delivered = new TreeSet<>();
            for (WebhookReceiver.Call call : calls) {
                assertEquals(200, call.answered());
                assertTrue(WebhookSignature.verify(SECRET, call.header(WebhookSignature.HEADER), call.body(),
                        Instant.now().getEpochSecond(), Duration.ofMinutes(5)));
                delivered.add(call.header("X-Commentary-Delivery"));
            }
            assertEquals(alertIds.size(), calls.size(), "one call per alert: " + calls);
            assertEquals(new TreeSet<>(alertIds), delivered);

            JsonNode first = delivery(alertIds.get(0));
            JsonNode log = first.path("log");
            int attempts = first.path("attempts").asInt();
            assertTrue(attempts >= 5, "retried through the outage: " + first);
            assertEquals(attempts, log.size());
            for (int i = 0; i < attempts - 1; i++) {
                assertEquals("retry", log.get(i).path("outcome").asText(), log.toString());
                assertTrue(log.get(i).path("error").asText().contains("Connect"), log.get(i).toString());
            }
            assertEquals("delivered", log.get(attempts - 1).path("outcome").asText());
            Instant firstTry = Instant.parse(log.get(0).path("at").asText());
            Instant lastTry = Instant.parse(log.get(attempts - 1).path("at").asText());
            assertTrue(Duration.between(firstTry, lastTry).compareTo(OUTAGE.minusSeconds(5)) >= 0,
                    "its attempts span the outage: " + log);
            assertTrue(!lastTry.isBefore(up.minusSeconds(1)), "delivered after the receiver came back");
            given().get("/api/alerts/{id}", alertIds.get(0)).then().statusCode(200);
        } finally {
            receiver.close();
            given().delete("/api/rules/{id}", ruleId).then().statusCode(204);
        }
    }

    private JsonNode delivery(String id) {
        ObjectNode found = (ObjectNode) StackClients.elasticsearch("/" + config.alerting().deliveriesIndex() + "/_doc/" + id);
        return found.path("_source");
    }
}
