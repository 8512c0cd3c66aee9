package org.commentarywatch.search.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.commentarywatch.localstack.LocalStackTestResource;
import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.config.CommentaryConfig;

/**
 * Feed records, shaped as ingest-service publishes them, become one document per feed in the feeds index: a later
 * record replaces the feed's state, a tombstone removes the feed, and a value that is not a feed is a dead letter.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class FeedsIndexingIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    CommentaryConfig config;

    @Test
    void theLatestRecordOfAFeedIsItsDocumentAndATombstoneRemovesIt() {
        createCompactedTopic(config.topics().feeds());
        String id = Fixtures.newId();
        StackClients.produce(config.topics().feeds(), id, feed(id, 0, Optional.empty()).toString());
        JsonNode first = await().atMost(WAIT).until(() -> feedDocument(id), Optional::isPresent).orElseThrow();
        assertEquals(id, first.path("feed_id").asText());
        assertEquals("https://feeds.example.org/" + id + ".xml", first.path("url").asText());
        assertEquals(0, first.path("consecutive_failures").asInt());
        assertEquals("2026-11-30T10:15:00Z", first.path("last_success").asText());
        assertFalse(first.has("seen_ids"), "the poller's memory is not indexed");

        StackClients.produce(config.topics().feeds(), id, feed(id, 3, Optional.of("HTTP 503 from the feed")).toString());
        JsonNode failing = await().atMost(WAIT).until(() -> feedDocument(id),
                document -> document.map(d -> d.path("consecutive_failures").asInt() == 3).orElse(false)).orElseThrow();
        assertEquals("HTTP 503 from the feed", failing.path("last_error").asText());
        assertEquals(503, failing.path("http_status").asInt());

        StackClients.produce(config.topics().feeds(), id, null);
        await().atMost(WAIT).until(() -> feedDocument(id).isEmpty());
    }

    @Test
    void theFeedsIndexHasTheMappingTheDashboardReads() {
        JsonNode properties = await().atMost(WAIT).until(() -> mapping(config.index().feeds()), Optional::isPresent)
                .orElseThrow().path(config.index().feeds()).path("mappings").path("properties");
        assertEquals("keyword", properties.path("feed_id").path("type").asText());
        assertEquals("date", properties.path("last_success").path("type").asText());
        assertEquals("integer", properties.path("consecutive_failures").path("type").asText());
        assertEquals("long", properties.path("items_new").path("type").asText());
    }

    @Test
    void aValueThatIsNotAFeedIsADeadLetterAndTheStreamGoesOn() {
        createCompactedTopic(config.topics().feeds());
        String bad = Fixtures.newId();
        String good = Fixtures.newId();
        StackClients.produce(config.topics().feeds(), bad, "[\"not\", \"a feed\"]");
        StackClients.produce(config.topics().feeds(), good, feed(good, 0, Optional.empty()).toString());
        assertTrue(StackClients.awaitRecord(config.topics().dlq(), record -> bad.equals(record.key())
                && record.value().contains("\"topic\":\"" + config.topics().feeds() + "\""), WAIT).isPresent());
        await().atMost(WAIT).until(() -> feedDocument(good).isPresent());
    }

    /** A record as ingest-service writes it, with the properties the index leaves out. */
    private static ObjectNode feed(String id, int failures, Optional<String> error) {
        ObjectNode feed = Fixtures.JSON.createObjectNode()
                .put("feed_id", id)
                .put("url", "https://feeds.example.org/" + id + ".xml")
                .put("interval_seconds", 900)
                .put("effective_interval_seconds", failures == 0 ? 900 : 3600)
                .put("created", "2026-11-30T09:00:00Z")
                .put("last_fetch", "2026-11-30T10:15:00Z")
                .put("last_success", "2026-11-30T10:15:00Z")
                .put("http_status", failures == 0 ? 200 : 503)
                .put("consecutive_failures", failures)
                .put("items_seen", 42)
                .put("items_new", 3)
                .put("next_fetch", "2026-11-30T10:30:00Z")
                .put("etag", "\"abc\"")
                .put("a_property_added_later", true);
        feed.putArray("tags").add("think-tanks");
        feed.putArray("seen_ids").add("urn:item:1").add("urn:item:2");
        error.ifPresent(message -> feed.put("last_error", message));
        return feed;
    }

    /** The compacted topic ingest-service creates; here the test stands in for it. */
    private static void createCompactedTopic(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalStackTestResource.stack().kafkaBootstrapServers()))) {
            admin.createTopics(java.util.List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<JsonNode> feedDocument(String id) {
        return get("/" + config.index().feeds() + "/_doc/" + id).map(found -> found.path("_source"));
    }

    private static Optional<JsonNode> mapping(String index) {
        return get("/" + index + "/_mapping");
    }

    /** A GET on the test node; empty on 404. */
    private static Optional<JsonNode> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalStackTestResource.stack().elasticsearchUrl() + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return Optional.of(Fixtures.JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
