package org.commentarywatch.search.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.commentarywatch.localstack.LocalStackTestResource;
import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.service.AlertService;
import org.commentarywatch.search.service.WebhookSignature;

/**
 * Threshold and spike rules on real Kafka and Elasticsearch: counted over the alias by indexed time, one alert per
 * (rule, window), delivered through the signed webhook path and listed in the rule's feed; bad parameters are 400s.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class AggregateRulesIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String SECRET = "whsec_" + Fixtures.newMarker();

    private static WebhookReceiver receiver;

    @Inject
    CommentaryConfig config;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static Response createRule(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/rules");
    }

    private void produce(String marker) {
        String id = Fixtures.newId();
        StackClients.produce(config.topics().enriched(), 0, id,
                Fixtures.analysedDocument(id, marker, "divergence", 0.6, "security").toString());
    }

    private long indexed(String marker) {
        StackClients.refresh(config.index().alias());
        return given().queryParam("q", marker).get("/api/search").then().statusCode(200).extract().<Integer>path("total");
    }

    private List<JsonNode> alertsOf(String ruleId) throws Exception {
        StackClients.refresh(config.alerting().alertsIndex());
        JsonNode list = Fixtures.JSON.readTree(given().get("/api/rules/{id}/alerts", ruleId).then().statusCode(200)
                .extract().asString());
        List<JsonNode> alerts = new ArrayList<>();
        list.forEach(alerts::add);
        return alerts;
    }

    @Test
    void aThresholdRuleFiresOnceWhenItsWindowReachesTheCountSignedAndInItsFeed() throws Exception {
        String marker = Fixtures.newMarker();
        String path = "/threshold-" + marker;
        String ruleId = createRule(Map.of("name", "three pieces " + marker, "query", marker, "kind", "threshold",
                "min_count", 3, "window", "P1D", "conditions", Map.of("stance", List.of("divergence")),
                "webhook", Map.of("url", receiver.url(path), "secret", SECRET)))
                .then().statusCode(201)
                .body("kind", equalTo("threshold")).body("min_count", equalTo(3)).body("window", equalTo("P1D"))
                .extract().path("id");

        produce(marker);
        produce(marker);
        await().atMost(WAIT).until(() -> indexed(marker) == 2);
        // Several evaluations (every second in tests) see 2 < 3.
        Thread.sleep(3_000);
        assertTrue(alertsOf(ruleId).isEmpty(), "two documents do not reach the threshold");
        assertTrue(receiver.calls(path).isEmpty());

        produce(marker);
        await().atMost(WAIT).until(() -> !receiver.calls(path).isEmpty());
        Instant windowStart = Instant.now().truncatedTo(ChronoUnit.DAYS);
        String alertId = AlertService.windowAlertId(ruleId, windowStart);
        WebhookReceiver.Call call = receiver.calls(path).get(0);
        assertEquals(200, call.answered());
        assertEquals(alertId, call.header("X-Commentary-Delivery"));
        assertTrue(WebhookSignature.verify(SECRET, call.header(WebhookSignature.HEADER), call.body(),
                Instant.now().getEpochSecond(), Duration.ofMinutes(5)), "signed with the rule's secret");
        JsonNode payload = Fixtures.JSON.readTree(call.body());
        assertEquals("alert", payload.path("event").asText());
        assertEquals("threshold", payload.path("rule").path("kind").asText());
        assertEquals(3, payload.path("rule").path("min_count").asInt());
        assertEquals(windowStart.toString(), payload.path("window").path("start").asText());
        assertEquals(windowStart.plus(Duration.ofDays(1)).toString(), payload.path("window").path("end").asText());
        assertEquals(3, payload.path("why").path("count").asInt());
        assertEquals(3, payload.path("why").path("samples").size());
        assertTrue(payload.path("why").path("samples").get(0).path("title").asText().length() > 0);
        assertTrue(payload.path("alert").path("link").asText().endsWith("/api/alerts/" + alertId));

        // More documents in the same window: no second alert, no second call.
        produce(marker);
        await().atMost(WAIT).until(() -> indexed(marker) == 4);
        Thread.sleep(3_000);
        List<JsonNode> alerts = alertsOf(ruleId);
        assertEquals(1, alerts.size(), "one alert per (rule, window): " + alerts);
        assertEquals(alertId, alerts.get(0).path("id").asText());
        assertEquals(1, receiver.calls(path).size(), "one call: " + receiver.calls(path));
        given().get("/api/alerts/{id}", alertId).then().statusCode(200)
                .body("kind", equalTo("threshold"))
                .body("why.count", equalTo(3))
                .body("delivery.status", equalTo("delivered"))
                .body("delivery.log", hasSize(1));

        String xml = given().get("/api/rules/{id}/feed.atom", ruleId).then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
        assertEquals(1, feed.getEntries().size());
        assertEquals("urn:commentary-watch:alert:" + alertId, feed.getEntries().get(0).getUri());
        assertTrue(feed.getEntries().get(0).getTitle().startsWith("Threshold: 3 documents"), feed.getEntries().get(0).getTitle());
        given().delete("/api/rules/{id}", ruleId).then().statusCode(204);
    }

    @Test
    void aSpikeRuleFiresWhenTheWindowReachesFactorTimesItsBaselineAndNotBelow() throws Exception {
        String marker = Fixtures.newMarker();
        // The three previous days had one document each, as an earlier run of the service indexed them.
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        for (int day = 1; day <= 3; day++) {
            String id = Fixtures.newId();
            ObjectNode earlier = Fixtures.analysedDocument(id, marker, "divergence", 0.6, "security");
            earlier.put("indexed_at", today.minus(Duration.ofDays(day)).plus(Duration.ofHours(12)).toString());
            StackClients.put(config.index().alias(), id, earlier.toString());
        }
        String path = "/spike-" + marker;
        String spikeId = createRule(Map.of("name", "spike " + marker, "query", marker, "kind", "spike", "window", "P1D",
                "factor", 3, "baseline_windows", 3, "min_count", 3, "webhook", Map.of("url", receiver.url(path))))
                .then().statusCode(201).body("factor", equalTo(3.0f)).body("baseline_windows", equalTo(3))
                .extract().path("id");
        String higherId = createRule(Map.of("name", "higher spike " + marker, "query", marker, "kind", "spike",
                "window", "P1D", "factor", 5, "baseline_windows", 3)).then().statusCode(201).extract().path("id");

        produce(marker);
        produce(marker);
        await().atMost(WAIT).until(() -> indexed(marker) == 5);
        Thread.sleep(3_000);
        assertTrue(alertsOf(spikeId).isEmpty(), "2 is below 3 x the baseline of 1");

        produce(marker);
        await().atMost(WAIT).until(() -> !receiver.calls(path).isEmpty());
        JsonNode payload = Fixtures.JSON.readTree(receiver.calls(path).get(0).body());
        assertEquals("spike", payload.path("rule").path("kind").asText());
        assertEquals(3, payload.path("why").path("count").asInt());
        assertEquals(1.0, payload.path("why").path("baseline").asDouble(), 1e-9);
        assertEquals(3.0, payload.path("why").path("factor").asDouble(), 1e-9);
        assertEquals(today.toString(), payload.path("window").path("start").asText());
        Set<String> sampled = new TreeSet<>();
        payload.path("why").path("samples").forEach(sample -> sampled.add(sample.path("id").asText()));
        assertEquals(3, sampled.size(), "samples are today's documents only: " + sampled);

        Thread.sleep(2_000);
        assertTrue(alertsOf(higherId).isEmpty(), "3 is below 5 x 1");
        assertEquals(1, alertsOf(spikeId).size());
        given().delete("/api/rules/{id}", spikeId).then().statusCode(204);
        given().delete("/api/rules/{id}", higherId).then().statusCode(204);
    }

    @Test
    void badKindsAndWindowParametersAre400sNamingTheField() {
        Map<String, Map<String, Object>> cases = new HashMap<>();
        cases.put("kind", Map.of("kind", "sometimes"));
        cases.put("window", Map.of("kind", "threshold", "min_count", 3));
        cases.put("min_count", Map.of("kind", "threshold", "window", "PT1H"));
        cases.put("factor", Map.of("kind", "spike", "window", "PT1H", "factor", 0.5));
        cases.put("baseline_windows", Map.of("kind", "spike", "window", "PT1H", "factor", 2, "baseline_windows", 0));
        cases.put("conditions.min_theme_score", Map.of("kind", "threshold", "window", "PT1H", "min_count", 2,
                "conditions", Map.of("themes", List.of("energy"), "min_theme_score", 0.5)));
        for (Map.Entry<String, Map<String, Object>> c : cases.entrySet()) {
            Map<String, Object> body = new HashMap<>(c.getValue());
            body.put("name", "bad " + c.getKey());
            body.put("query", "gas");
            createRule(body).then().statusCode(400).body("field", equalTo(c.getKey()));
        }
        for (String window : List.of("an hour", "PT10S", "P90D")) {
            createRule(Map.of("name", "bad window", "query", "gas", "kind", "threshold", "min_count", 2, "window", window))
                    .then().statusCode(400).body("field", equalTo("window")).body("message", containsString(window));
        }
        createRule(Map.of("name", "match with a count", "query", "gas", "min_count", 2)).then().statusCode(400)
                .body("field", equalTo("min_count"));
    }

    @Test
    void webhookSecretsAreEncryptedInTheRulesIndexAndNeverInResponsesOrLogs() throws Exception {
        String secret = "whsec_" + Fixtures.newMarker();
        String token = "Bearer " + Fixtures.newMarker();
        try (LogCapture logs = LogCapture.start()) {
            Response created = createRule(Map.of("name", "secret keeper", "query", "gas " + Fixtures.newMarker(),
                    "kind", "threshold", "min_count", 1, "window", "PT1H",
                    "webhook", Map.of("url", receiver.url("/secret"), "secret", secret, "headers", Map.of("Authorization", token))));
            created.then().statusCode(201).body("webhook.secret", equalTo("***"));
            String ruleId = created.path("id");
            for (String response : List.of(created.asString(), given().get("/api/rules/{id}", ruleId).asString(),
                    given().get("/api/rules").asString())) {
                assertFalse(response.contains(secret) || response.contains(token), response);
            }
            JsonNode stored = StackClients.elasticsearch("/" + config.alerting().rulesIndex() + "/_doc/" + ruleId)
                    .path("_source").path("webhook");
            assertTrue(stored.path("secret").asText().startsWith("enc:v1:"), stored.toString());
            assertFalse(stored.toString().contains(secret) || stored.toString().contains(token.substring(7)), stored.toString());
            given().delete("/api/rules/{id}", ruleId).then().statusCode(204);
            assertTrue(logs.size() > 0, "the capture sees the service's log");
            logs.assertNoneContains(secret, token.substring(7));
        }
    }
}
