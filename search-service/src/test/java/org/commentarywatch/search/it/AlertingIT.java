package org.commentarywatch.search.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

/** Rules, alerts, signed webhooks with retries, Atom feeds and the SSRF guard, on real Kafka and Elasticsearch. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class AlertingIT {

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

    private static Response createRule(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/rules");
    }

    @Test
    void aRuleFiresOnceForAMatchingDocumentNotForOthersAndItsWebhookIsSignedAndRetriedUntilDelivered() throws Exception {
        String marker = Fixtures.newMarker();
        String path = "/hook-" + marker;
        receiver.failFirst(path, 2);
        Response created = createRule(Map.of(
                "name", "Convergence on energy " + marker,
                "query", marker + " AND gas",
                "conditions", Map.of("stance", List.of("convergence"), "themes", List.of("energy"), "min_novelty", 0.5),
                "webhook", Map.of("url", receiver.url(path), "secret", SECRET, "headers", Map.of("X-Team", "analysts"))));
        created.then().statusCode(201)
                .body("id", notNullValue())
                .body("kind", equalTo("match"))
                .body("webhook.secret", equalTo("***"))
                .body("webhook.headers.X-Team", equalTo("***"))
                .body(org.hamcrest.Matchers.not(containsString(SECRET)));
        String ruleId = created.path("id");

        String matchingId = Fixtures.newId();
        ObjectNode matching = Fixtures.analysedDocument(matchingId, marker, "convergence", 0.9, "energy");
        String otherStanceId = Fixtures.newId();
        String otherNoveltyId = Fixtures.newId();
        String topic = config.topics().enriched();
        StackClients.produce(topic, 0, matchingId, matching.toString());
        StackClients.produce(topic, 0, otherStanceId,
                Fixtures.analysedDocument(otherStanceId, marker, "divergence", 0.9, "energy").toString());
        StackClients.produce(topic, 0, otherNoveltyId,
                Fixtures.analysedDocument(otherNoveltyId, marker, "convergence", 0.2, "energy").toString());
        // The same document delivered again: indexed again, but its alert and webhook exist already.
        StackClients.produce(topic, 0, matchingId, matching.toString());
        StackClients.produce(topic, 0, matchingId, matching.deepCopy().put("title", "Revised " + marker).toString());

        String alertId = AlertService.alertId(ruleId, matchingId);
        await().atMost(WAIT).until(() -> receiver.calls(path).stream().anyMatch(call -> call.answered() == 200));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/alerts/{id}", alertId).then().statusCode(200)
                .body("rule_id", equalTo(ruleId))
                .body("document_id", equalTo(matchingId))
                .body("delivery.status", equalTo("delivered"))
                .body("delivery.attempts", equalTo(3))
                .body("delivery.log", hasSize(3))
                .body("delivery.log[0].status_code", equalTo(500))
                .body("delivery.log[1].status_code", equalTo(500))
                .body("delivery.log[2].status_code", equalTo(200))
                .body("delivery.log[2].latency_ms", notNullValue())
                .body("why.stance.label", equalTo("convergence"))
                .body("why.stance.evidence[0].text", containsString("gas route"))
                .body("why.themes[0].label", equalTo("energy"))
                .body("why.novelty", equalTo(0.9f))
                .body("why.matched_terms.text", org.hamcrest.Matchers.hasItems(marker, "gas")));

        // Every document, the re-delivered copies included, has gone through matching before this one shows.
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/documents/{id}", matchingId)
                .then().statusCode(200).body("title", equalTo("Revised " + marker)));
        Thread.sleep(1500);
        StackClients.refresh(config.alerting().alertsIndex());
        given().get("/api/rules/{id}/alerts", ruleId).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(alertId))
                .body("[0].document.link", containsString("/api/documents/" + matchingId));

        List<WebhookReceiver.Call> calls = receiver.calls(path);
        assertEquals(3, calls.size(), "two failures, one success, nothing more: " + calls);
        for (int i = 0; i < 3; i++) {
            WebhookReceiver.Call call = calls.get(i);
            assertEquals(alertId, call.header("X-Commentary-Delivery"));
            assertEquals(String.valueOf(i + 1), call.header("X-Commentary-Attempt"));
            assertEquals("analysts", call.header("X-Team"));
            assertTrue(WebhookSignature.verify(SECRET, call.header(WebhookSignature.HEADER), call.body(),
                    Instant.now().getEpochSecond(), Duration.ofMinutes(5)), "the signature verifies: " + call);
            assertFalse(WebhookSignature.verify("another secret", call.header(WebhookSignature.HEADER), call.body(),
                    Instant.now().getEpochSecond(), Duration.ofMinutes(5)));
        }
        JsonNode payload = Fixtures.JSON.readTree(calls.get(2).body());
        assertEquals("alert", payload.path("event").asText());
        assertEquals(ruleId, payload.path("rule").path("id").asText());
        assertEquals(alertId, payload.path("alert").path("id").asText());
        assertEquals(matchingId, payload.path("document").path("id").asText());
        assertEquals("https://analysis.example.org/notes/pipelines-before-partnership",
                payload.path("document").path("url").asText());
        assertTrue(payload.path("document").path("link").asText().endsWith("/api/documents/" + matchingId));
        assertEquals("convergence", payload.path("why").path("stance").path("label").asText());

        // The rule's Atom feed lists the alert.
        String xml = given().get("/api/rules/{id}/feed.atom", ruleId).then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals(1, feed.getEntries().size());
        assertEquals("urn:commentary-watch:alert:" + alertId, feed.getEntries().get(0).getUri());
        // The alert keeps the document as it was when it matched.
        assertEquals("Pipelines before partnership: why the gas talks keep stalling", feed.getEntries().get(0).getTitle());
    }

    @Test
    void aThrottledRuleCallsAtMostOncePerIntervalAndSendsTheAlertsInBetweenAsOneDigest() throws Exception {
        String marker = Fixtures.newMarker();
        String path = "/throttled-" + marker;
        String ruleId = createRule(Map.of("name", "throttled " + marker, "query", marker,
                "webhook", Map.of("url", receiver.url(path), "secret", SECRET, "min_interval_seconds", 4)))
                .then().statusCode(201).body("webhook.min_interval_seconds", equalTo(4)).extract().path("id");
        List<String> ids = List.of(Fixtures.newId(), Fixtures.newId(), Fixtures.newId());
        for (String id : ids) {
            StackClients.produce(config.topics().enriched(), 0, id,
                    Fixtures.analysedDocument(id, marker, "neutral", 0.5, "energy").toString());
        }

        await().atMost(WAIT).until(() -> receiver.calls(path).size() >= 2);
        for (String id : ids) {
            await().atMost(WAIT).untilAsserted(() -> given().get("/api/alerts/{id}", AlertService.alertId(ruleId, id))
                    .then().statusCode(200).body("delivery.status", equalTo("delivered")));
        }
        Thread.sleep(1000);
        List<WebhookReceiver.Call> calls = receiver.calls(path);
        assertEquals(2, calls.size(), "one call, then one digest: " + calls);
        JsonNode first = Fixtures.JSON.readTree(calls.get(0).body());
        JsonNode digest = Fixtures.JSON.readTree(calls.get(1).body());
        assertEquals("alert", first.path("event").asText());
        assertEquals("digest", digest.path("event").asText());
        assertEquals(2, digest.path("count").asInt());
        assertEquals(2, digest.path("alerts").size());
        assertEquals(ruleId, digest.path("rule").path("id").asText());
        assertTrue(Duration.between(calls.get(0).at(), calls.get(1).at()).toMillis() >= 3_500,
                "the digest waits for the interval: " + calls.get(0).at() + " then " + calls.get(1).at());
        assertTrue(WebhookSignature.verify(SECRET, calls.get(1).header(WebhookSignature.HEADER), calls.get(1).body(),
                Instant.now().getEpochSecond(), Duration.ofMinutes(5)));
        given().delete("/api/rules/{id}", ruleId).then().statusCode(204);
    }

    @Test
    void anySearchIsAlsoAnAtomFeed() throws Exception {
        String marker = Fixtures.newMarker();
        String id = Fixtures.newId();
        StackClients.produce(config.topics().enriched(), id, Fixtures.enrichedDocument(id, marker).toString());
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("q", marker).get("/api/search")
                .then().statusCode(200).body("total", equalTo(1)));

        String xml = given().queryParam("q", marker).get("/api/search/feed.atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml")).extract().asString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals(1, feed.getEntries().size());
        assertTrue(feed.getEntries().get(0).getLink().endsWith("/api/documents/" + id));
    }

    @Test
    void aQueryThatCannotBeParsedIsA400WithThePositionAndTheReason() {
        createRule(Map.of("name", "broken", "query", "gas AND ) pipeline")).then().statusCode(400)
                .body("error", equalTo("invalid_query"))
                .body("field", equalTo("query"))
                .body("position", equalTo(8))
                .body("message", containsString("cannot parse the query"));
        createRule(Map.of("name", "no kind", "query", "gas", "kind", "sometimes")).then().statusCode(400)
                .body("field", equalTo("kind"));
        createRule(Map.of("query", "gas")).then().statusCode(400).body("field", equalTo("name"));
    }

    @Test
    void aWebhookTargetOnALoopbackPrivateOrMetadataAddressIsRefusedUnlessAllowlisted() {
        for (String url : List.of("http://10.1.2.3/hook", "http://192.168.0.10/hook", "http://169.254.169.254/latest",
                "http://localhost:" + receiver.port() + "/hook")) {
            createRule(Map.of("name", "ssrf", "query", "gas", "webhook", Map.of("url", url))).then().statusCode(400)
                    .body("error", equalTo("invalid_rule"))
                    .body("field", equalTo("webhook.url"))
                    .body("message", containsString("refused"));
        }
        // 127.0.0.1 is allowlisted by the test configuration (commentary.webhooks.allowed-hosts).
        String allowed = createRule(Map.of("name", "allowlisted", "query", "gas " + Fixtures.newMarker(),
                "webhook", Map.of("url", receiver.url("/allowed")))).then().statusCode(201).extract().path("id");
        given().delete("/api/rules/{id}", allowed).then().statusCode(204);
    }

    @Test
    void aDeliveryLeftPendingByAnEarlierRunIsSentAfterTheStart() {
        String marker = Fixtures.newMarker();
        String path = "/left-" + marker;
        String ruleId = createRule(Map.of("name", "left over", "query", marker,
                "webhook", Map.of("url", receiver.url(path), "secret", SECRET))).then().statusCode(201).extract().path("id");
        // What a run stopped between two attempts leaves behind: a pending delivery with one failed attempt.
        String deliveryId = AlertService.alertId(ruleId, "an-earlier-document");
        ObjectNode delivery = Fixtures.JSON.createObjectNode()
                .put("id", deliveryId).put("alert_id", deliveryId).put("rule_id", ruleId)
                .put("document_id", "an-earlier-document").put("url", receiver.url(path)).put("status", "pending")
                .put("attempts", 1).put("next_attempt_at", Instant.now().toString())
                .put("created_at", Instant.now().toString()).put("updated_at", Instant.now().toString())
                .put("payload", "{\"event\":\"alert\",\"delivery_id\":\"" + deliveryId + "\"}");
        delivery.putArray("log").addObject().put("attempt", 1).put("at", Instant.now().toString())
                .put("status_code", 503).put("latency_ms", 3).put("outcome", "retry");
        StackClients.put(config.alerting().deliveriesIndex(), deliveryId, delivery.toString());

        await().atMost(WAIT).until(() -> !receiver.calls(path).isEmpty());
        WebhookReceiver.Call call = receiver.calls(path).get(0);
        assertEquals("2", call.header("X-Commentary-Attempt"));
        assertTrue(WebhookSignature.verify(SECRET, call.header(WebhookSignature.HEADER), call.body(),
                Instant.now().getEpochSecond(), Duration.ofMinutes(5)));
        await().atMost(WAIT).untilAsserted(() -> assertEquals("delivered",
                StackClients.elasticsearch("/" + config.alerting().deliveriesIndex() + "/_doc/" + deliveryId)
                        .path("_source").path("status").asText()));
        given().delete("/api/rules/{id}", ruleId).then().statusCode(204);
    }

    @Test
    void aRuleCanBeReadReplacedAndDeletedAndItsSecretIsKeptButNeverShown() {
        String ruleId = createRule(Map.of("name", "crud", "query", "pipeline",
                "webhook", Map.of("url", receiver.url("/crud"), "secret", SECRET))).then().statusCode(201)
                .extract().path("id");
        given().get("/api/rules/{id}", ruleId).then().statusCode(200)
                .body("name", equalTo("crud"))
                .body("webhook.secret", equalTo("***"))
                .body("feed", containsString("/api/rules/" + ruleId + "/feed.atom"));
        given().contentType(ContentType.JSON).body(Map.of("name", "crud renamed", "query", "pipeline OR route",
                        "webhook", Map.of("url", receiver.url("/crud"), "secret", "***")))
                .put("/api/rules/{id}", ruleId).then().statusCode(200)
                .body("name", equalTo("crud renamed"))
                .body("webhook.secret", equalTo("***"));
        String listed = given().get("/api/rules").then().statusCode(200).extract().asString();
        assertTrue(listed.contains(ruleId));
        assertFalse(listed.contains(SECRET));
        JsonNode stored = StackClients.elasticsearch("/" + config.alerting().rulesIndex() + "/_doc/" + ruleId);
        String kept = stored.path("_source").path("webhook").path("secret").asText();
        assertTrue(kept.startsWith("enc:v1:") && !kept.contains(SECRET), "the secret is kept, encrypted: " + kept);
        given().delete("/api/rules/{id}", ruleId).then().statusCode(204);
        given().get("/api/rules/{id}", ruleId).then().statusCode(404);
        given().delete("/api/rules/{id}", ruleId).then().statusCode(404);
        assertNotNull(ruleId);
    }
}
