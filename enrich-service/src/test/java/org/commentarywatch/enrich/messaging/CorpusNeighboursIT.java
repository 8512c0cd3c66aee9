package org.commentarywatch.enrich.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.commentarywatch.enrich.Contracts;
import org.commentarywatch.enrich.CorpusFixtures;
import org.commentarywatch.enrich.Fixtures;
import org.commentarywatch.enrich.config.CommentaryConfig;
import org.commentarywatch.enrich.config.IndexConfig;
import org.commentarywatch.enrich.service.SentenceSplitter;
import org.commentarywatch.enrich.service.embedding.DocumentEmbedder;
import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Neighbours, novelty, near-duplicates and story clusters against a real Elasticsearch index, made here the way
 * search-service makes it (its mapping file, the alias) and holding a few earlier documents with their vectors.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class CorpusNeighboursIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String INDEX = "commentary-v1";

    /** Ids of the earlier documents, fresh for each test JVM. */
    private static final String PIPELINE_ID = Fixtures.newId();
    private static final String EXERCISES_ID = Fixtures.newId();
    private static boolean indexed;

    @Inject
    CommentaryConfig config;

    @Inject
    IndexConfig index;

    @Inject
    DocumentEmbedder embedder;

    @BeforeEach
    void indexEarlierDocuments() throws Exception {
        if (indexed) {
            return;
        }
        String mappingFile = System.getProperty("user.dir")
                + "/../search-service/src/main/resources/elasticsearch/commentary-v1.json";
        ObjectNode body = (ObjectNode) Fixtures.MAPPER.readTree(Files.readString(Path.of(mappingFile)));
        body.putObject("aliases").putObject(index.alias()).put("is_write_index", true);
        HttpResponse<String> created = es("PUT", "/" + INDEX, body.toString());
        assertTrue(created.statusCode() == 200 || created.body().contains("resource_already_exists_exception"),
                created::body);
        put(PIPELINE_ID, "Second gas pipeline agreed", CorpusFixtures.PIPELINE, "story-pipeline", labels -> {
        });
        // a reference document an analyst labelled: its labels vote on the pieces near it
        put(EXERCISES_ID, "Joint patrols end", CorpusFixtures.EXERCISES, null, labels -> {
            labels.put("stance", "convergence");
            labels.putArray("themes").add("military");
        });
        assertEquals(200, es("POST", "/" + index.alias() + "/_refresh", "").statusCode());
        indexed = true;
    }

    @Test
    void aLightlyEditedCopyOfAnIndexedPieceIsFlaggedAsItsNearDuplicateAndJoinsItsStory() throws Exception {
        String id = Fixtures.newId();
        ObjectNode raw = Fixtures.rawDocument(id, "Pipeline deal reached", CorpusFixtures.PIPELINE_EDITED);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackTestResource.stack().kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer());
                TopicReader enriched = new TopicReader(LocalStackTestResource.stack().kafkaBootstrapServers(),
                        config.topics().enriched())) {
            producer.send(new ProducerRecord<>(config.topics().raw(), id, raw.toString())).get(10, TimeUnit.SECONDS);

            String value = enriched.awaitKey(id, WAIT).get(0).value();
            Contracts.assertValid(Contracts.ENRICHED_DOCUMENT, value);
            JsonNode enrichment = Fixtures.MAPPER.readTree(value).get("enrichment");
            assertEquals(PIPELINE_ID, enrichment.path("near_duplicate_of").asText(), enrichment::toString);
            assertEquals("story-pipeline", enrichment.path("cluster_id").asText());
            assertEquals(PIPELINE_ID, enrichment.at("/neighbours/0/id").asText());
            assertEquals("Second gas pipeline agreed", enrichment.at("/neighbours/0/title").asText());
            assertTrue(enrichment.at("/neighbours/0/similarity").asDouble() >= 0.95);
            assertTrue(enrichment.path("novelty").asDouble() <= 0.05);
            assertEquals(384, enrichment.path("vector").size());
            assertFalse(enrichment.path("neighbours").findValuesAsText("id").contains(id));
        }
    }

    @Test
    void anUnrelatedPieceGetsHighNoveltyAndNoNeighbourAboveTheStoryThreshold() throws Exception {
        String body = given().contentType(ContentType.JSON)
                .body(Map.of("title", "Risotto", "text", CorpusFixtures.COOKING))
                .when().post("/api/analyze")
                .then().statusCode(200)
                .extract().asString();

        JsonNode enrichment = Fixtures.MAPPER.readTree(body);
        assertTrue(enrichment.path("novelty").asDouble() >= 0.8, enrichment.path("novelty")::toString);
        for (JsonNode neighbour : enrichment.path("neighbours")) {
            assertTrue(neighbour.path("similarity").asDouble() < 0.80, neighbour::toString);
        }
        assertFalse(enrichment.has("near_duplicate_of"));
        assertFalse(enrichment.has("cluster_id")); // no id, no story joined
        ObjectNode document = Fixtures.rawDocument(Fixtures.newId(), "Risotto", CorpusFixtures.COOKING);
        document.set("enrichment", enrichment);
        Contracts.assertValid(Contracts.ENRICHED_DOCUMENT, document.toString());
    }

    @Test
    void theNearestLabelledReferenceDocumentVotesOnThemesAndStanceAndSaysSo() throws Exception {
        String text = "Chinese and Russian warships held another joint naval exercise near Japan this week, and "
                + "long-range bombers of the two air forces patrolled together over the western Pacific. Japan and "
                + "South Korea sent fighters to shadow them. The drills are now a yearly routine.";
        String body = given().contentType(ContentType.JSON)
                .body(Map.of("title", "Navies drill together again", "text", text))
                .when().post("/api/analyze")
                .then().statusCode(200)
                .extract().asString();

        JsonNode enrichment = Fixtures.MAPPER.readTree(body);
        String decidedBy = enrichment.at("/stance/decided_by").asText();
        assertTrue(decidedBy.contains("labelled neighbours vote convergence 1.00"), decidedBy);
        assertTrue(decidedBy.contains("passages by prototype"), decidedBy);
        JsonNode military = null;
        for (JsonNode theme : enrichment.path("themes")) {
            if (theme.path("label").asText().equals("military")) {
                military = theme;
            }
        }
        assertNotNull(military, enrichment.path("themes")::toString);
        assertTrue(military.path("evidence").toString().contains("labelled neighbours 1.00"), military::toString);
    }

    @Test
    void theApiGivesTheVectorAloneWhenAskedNotToLookForNeighbours() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", CorpusFixtures.PIPELINE))
                .when().post("/api/analyze?neighbours=false")
                .then().statusCode(200)
                .body("vector.size()", org.hamcrest.Matchers.equalTo(384))
                .body("embedding.model", org.hamcrest.Matchers.equalTo("all-MiniLM-L6-v2-q"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("neighbours")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("novelty")));
    }

    /** Indexes an earlier document with its vector; {@code labels} fills in an analyst's labels, if any. */
    private void put(String id, String title, String text, String cluster,
            Consumer<ObjectNode> labels) throws IOException, InterruptedException {
        ObjectNode document = Fixtures.rawDocument(id, title, text);
        ObjectNode labelled = Fixtures.MAPPER.createObjectNode();
        labels.accept(labelled);
        if (!labelled.isEmpty()) {
            document.put("reference", true);
            document.set("labels", labelled);
        }
        ObjectNode enrichment = document.putObject("enrichment");
        ArrayNode vector = enrichment.putArray("vector");
        for (float v : embedder.embed(SentenceSplitter.split(text, Locale.ENGLISH)).orElseThrow().vector()) {
            vector.add(v);
        }
        enrichment.put("cluster_id", cluster == null ? id : cluster);
        HttpResponse<String> response = es("PUT", "/" + index.alias() + "/_doc/" + id, document.toString());
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response::body);
    }

    private static HttpResponse<String> es(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalStackTestResource.stack().elasticsearchUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(30))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
