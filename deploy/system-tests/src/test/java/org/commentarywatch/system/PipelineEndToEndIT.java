package org.commentarywatch.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.localstack.CorpusImporter;
import org.commentarywatch.localstack.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole pipeline as a user runs it: real Kafka and Elasticsearch from the local stack, and the three
 * services started from their packaged jars as separate processes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(RunningSystem.Extension.class)
class PipelineEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(60);

    private static RunningSystem system;
    private static ServiceProcess ingest;
    private static ServiceProcess search;

    /** The stack and services are shared with the other system tests; they stop (and prove nothing is left running) at the end of the run. */
    @BeforeAll
    static void startEverything(RunningSystem running) {
        system = running;
        ingest = system.ingest();
        search = system.search();
    }

    @Test
    @Order(1)
    void aPostedDocumentIsSearchableWithItsEnrichmentExactlyOnceEvenWhenPostedTwice() throws Exception {
        String marker = "marker" + UUID.randomUUID().toString().replace("-", "");
        ObjectNode document = JSON.createObjectNode()
                .put("title", "Pipeline check " + marker)
                .put("text", "Moscow and Beijing signed a new pipeline accord on Tuesday. Officials on both sides called it "
                        + "a milestone, while outside observers stressed how much remained unsettled. The term " + marker
                        + " appears only in this test document.")
                .put("source", "e2e test")
                .put("published", "2026-11-30");
        document.putArray("authors").add("Test Author");

        double supersededBefore = supersededInEnrich();
        String id = post(document);
        assertEquals(id, post(document), "the same document must get the same id");

        JsonNode stored = await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> get(search.url() + "/api/documents/" + id), r -> r.statusCode() == 200)
                .body().transform(PipelineEndToEndIT::parse);
        assertEquals(id, stored.path("id").asText());
        JsonNode enrichment = stored.path("enrichment");
        assertEquals("en", enrichment.path("language").asText(), stored.toPrettyString());
        assertTrue(enrichment.path("word_count").asInt() > 30, stored.toPrettyString());
        assertEquals(3, enrichment.path("sentence_count").asInt(), stored.toPrettyString());

        JsonNode results = await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> parse(get(search.url() + "/api/search?q=" + marker).body()), r -> r.path("total").asInt() > 0);
        assertEquals(1, results.path("total").asInt(), "posted twice, indexed once: " + results.toPrettyString());
        assertEquals(id, results.path("hits").get(0).path("id").asText());

        // Both copies are through once the second overwrote the first (stored version 2), or once enrich took the
        // second before the first and so dropped the first as superseded (its workers take records side by side).
        await().atMost(PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> parse(get(system.elasticsearchUrl() + "/commentary/_doc/" + id).body()).path("_version").asInt() >= 2
                        || supersededInEnrich() > supersededBefore);
        JsonNode count = parse(get(system.elasticsearchUrl() + "/commentary/_count?q=_id:" + id).body());
        assertEquals(1, count.path("count").asInt(), count.toPrettyString());
    }

    @Test
    @Order(2)
    void theReferenceCorpusImportsWithItsLabelsAndIsFoundBySearchingForAlliance() throws Exception {
        Path corpus = Path.of(System.getProperty("commentary-test.corpus-dir", "../../../shared/corpus"));
        assertTrue(Files.isRegularFile(corpus.resolve("labels.json")),
                "the reference corpus is missing at " + corpus.toAbsolutePath() + ": it must sit beside the checkout (../shared/corpus)");
        JsonNode labels = JSON.readTree(corpus.resolve("labels.json").toFile());

        List<String> ids = new CorpusImporter(ingest.url(), search.url()).importDirectory(corpus);

        assertEquals(labels.size(), ids.size());
        JsonNode results = parse(get(search.url() + "/api/search?q=alliance&size=20").body());
        Set<String> found = new HashSet<>();
        results.path("hits").forEach(hit -> found.add(hit.path("id").asText()));
        assertTrue(found.containsAll(ids), "search for 'alliance' misses corpus documents: " + results.toPrettyString());
        JsonNode first = parse(get(search.url() + "/api/documents/" + ids.get(0)).body());
        assertTrue(first.path("reference").asBoolean());
        assertEquals(labels.get(0).path("stance").asText(), first.path("labels").path("stance").asText());
    }

    private static String post(JsonNode document) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ingest.url() + "/api/documents"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(document.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        return parse(response.body()).path("id").asText();
    }

    /** enrich-service's count of records dropped because a later record of the same document was taken first. */
    private static double supersededInEnrich() throws Exception {
        return PrometheusScrape.of(system.enrich().url())
                .sum("commentary_documents_total", Map.of("outcome", "superseded")).orElse(0);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
