package org.commentarywatch.search.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.commentarywatch.localstack.LocalStackTestResource;
import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.config.CommentaryConfig;

/**
 * Filters, facets, order, paging and highlights on a small set of documents that share a word no other test's
 * documents have, and nearest neighbours on documents with embeddings. Written through Kafka like any document.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class SearchFiltersAndFacetsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String MARKER = Fixtures.newMarker();
    private static final String A = Fixtures.newId();
    private static final String B = Fixtures.newId();
    private static final String C = Fixtures.newId();
    private static final String D = Fixtures.newId();
    private static final String SELF = Fixtures.newId();
    private static final String NEAR = Fixtures.newId();
    private static final String FAR = Fixtures.newId();
    private static boolean indexed;

    @Inject
    CommentaryConfig config;

    /** Indexes the set once per class (a @BeforeAll cannot reach the injected config). */
    private synchronized void indexTheSet() {
        if (indexed) {
            return;
        }
        produce(document(A, "convergence", 0.9, "Source One", "2026-10-01", "en", false, List.of("energy"),
                Map.of("russia", "Russia", "china", "China")));
        produce(document(B, "convergence", 0.2, "Source Two", "2026-10-01", "en", true, List.of("military"),
                Map.of("china", "China", "xi_jinping", "Xi Jinping")));
        produce(document(C, "divergence", 0.5, "Source One", "2026-10-03", "ru", false, List.of("energy", "ukraine"),
                Map.of("russia", "Russia")));
        produce(document(D, "neutral", 0.4, "Source Three", "2026-10-05", "en", false, List.of("taiwan"),
                Map.of("china", "China")));
        Random random = new Random(7);
        float[] self = randomVector(random);
        produce(withVector(Fixtures.enrichedDocument(SELF, Fixtures.newMarker()), self));
        produce(withVector(Fixtures.enrichedDocument(NEAR, Fixtures.newMarker()), nudge(self, random, 0.05f)));
        produce(withVector(Fixtures.enrichedDocument(FAR, Fixtures.newMarker()), nudge(self, random, 2f)));
        for (String id : List.of(A, B, C, D, SELF, NEAR, FAR)) {
            await().atMost(WAIT).untilAsserted(() -> given().get("/api/documents/{id}", id).then().statusCode(200));
        }
        StackClients.refresh(config.index().alias());
        indexed = true;
    }

    @Test
    void facetsCountStanceThemesActorsSourcesAndDaysOverAllMatches() {
        indexTheSet();
        JsonPath body = given().queryParam("q", MARKER).queryParam("size", 1).get("/api/search").then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("hits.size()", equalTo(1))
                .extract().jsonPath();
        Map<String, Integer> stance = buckets(body, "facets.stance");
        org.junit.jupiter.api.Assertions.assertEquals(Map.of("convergence", 2, "divergence", 1, "neutral", 1), stance);
        org.junit.jupiter.api.Assertions.assertEquals(Map.of("energy", 2, "military", 1, "ukraine", 1, "taiwan", 1),
                buckets(body, "facets.themes"));
        org.junit.jupiter.api.Assertions.assertEquals(Map.of("China", 3, "Russia", 2, "Xi Jinping", 1),
                buckets(body, "facets.actors"));
        org.junit.jupiter.api.Assertions.assertEquals(Map.of("Source One", 2, "Source Two", 1, "Source Three", 1),
                buckets(body, "facets.sources"));
        org.junit.jupiter.api.Assertions.assertEquals(Map.of("2026-10-01", 2, "2026-10-03", 1, "2026-10-05", 1),
                buckets(body, "facets.published_per_day"));
        org.junit.jupiter.api.Assertions.assertEquals("2026-10-01", body.getString("facets.published_per_day[0].key"));
    }

    @Test
    void eachFilterNarrowsTheMatchesAndRepeatedValuesWidenThem() {
        indexTheSet();
        assertIds(Map.of("stance", "convergence"), A, B);
        assertIds(Map.of("theme", "energy"), A, C);
        assertIds(Map.of("actor", "Xi Jinping"), B);
        assertIds(Map.of("actor", "xi_jinping"), B);
        assertIds(Map.of("language", "ru"), C);
        assertIds(Map.of("source", "Source One"), A, C);
        assertIds(Map.of("from", "2026-10-02", "to", "2026-10-03"), C);
        assertIds(Map.of("reference", "true"), B);
        assertIds(Map.of("stance", "convergence", "theme", "energy"), A);
        given().queryParam("q", MARKER).queryParam("stance", "divergence", "neutral").queryParam("sort", "published_asc")
                .get("/api/search").then().statusCode(200).body("hits.id", equalTo(List.of(C, D)));
    }

    @Test
    void noveltyOrderPagesAndHighlightsTheMatchedWord() {
        indexTheSet();
        given().queryParam("q", MARKER).queryParam("sort", "novelty").get("/api/search").then()
                .statusCode(200)
                .body("hits.id", equalTo(List.of(A, C, D, B)))
                .body("hits[0].novelty", equalTo(0.9f))
                .body("hits[0].stance", equalTo("convergence"))
                .body("hits[0].highlights.text[0]", containsString("<em>" + MARKER + "</em>"))
                .body("hits[0].snippet", containsString("<em>" + MARKER + "</em>"));
        given().queryParam("q", MARKER).queryParam("sort", "novelty").queryParam("size", 2).queryParam("page", 2)
                .get("/api/search").then()
                .statusCode(200)
                .body("page", equalTo(2))
                .body("hits.id", equalTo(List.of(D, B)));
        given().queryParam("q", "published:[2026-10-04 TO 2026-10-06] AND " + MARKER).get("/api/search").then()
                .statusCode(200)
                .body("hits.id", equalTo(List.of(D)));
    }

    @Test
    void theAtomSearchFeedTakesTheSameFilters() {
        indexTheSet();
        String xml = given().queryParam("q", MARKER).queryParam("stance", "divergence").get("/api/search/feed.atom").then()
                .statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(xml.contains(C) && !xml.contains(A), xml);
    }

    @Test
    void similarListsTheNearDocumentFirstAndNeverTheDocumentItself() {
        indexTheSet();
        given().queryParam("k", 2).get("/api/documents/{id}/similar", SELF).then()
                .statusCode(200)
                .body("id", equalTo(SELF))
                .body("hits[0].id", equalTo(NEAR))
                .body("hits.id", not(hasItem(SELF)))
                .body("hits.score", everyItem(org.hamcrest.Matchers.lessThanOrEqualTo(1.0f)));
        given().queryParam("k", 50).get("/api/documents/{id}/similar", SELF).then()
                .statusCode(200)
                .body("hits.id", hasItem(FAR))
                .body("hits.id", not(hasItem(SELF)));
    }

    @Test
    void similarToAnUnknownDocumentIsNotFoundAndKIsBounded() {
        given().get("/api/documents/{id}/similar", Fixtures.newId()).then().statusCode(404).body("error", equalTo("not_found"));
        given().queryParam("k", 0).get("/api/documents/{id}/similar", Fixtures.newId()).then()
                .statusCode(400).body("field", equalTo("k"));
        given().queryParam("k", "many").get("/api/documents/{id}/similar", Fixtures.newId()).then()
                .statusCode(400).body("field", equalTo("k"));
    }

    private void assertIds(Map<String, String> filters, String... ids) {
        List<String> found = given().queryParam("q", MARKER).queryParams(filters).queryParam("sort", "published_asc")
                .get("/api/search").then().statusCode(200).extract().jsonPath().getList("hits.id", String.class);
        org.junit.jupiter.api.Assertions.assertEquals(new java.util.TreeSet<>(List.of(ids)), new java.util.TreeSet<>(found),
                "filters " + filters);
    }

    private static Map<String, Integer> buckets(JsonPath body, String path) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        List<Map<String, Object>> buckets = body.getList(path);
        buckets.forEach(bucket -> counts.put((String) bucket.get("key"), ((Number) bucket.get("count")).intValue()));
        return counts;
    }

    private void produce(ObjectNode document) {
        StackClients.produce(config.topics().enriched(), document.get("id").asText(), document.toString());
    }

    private static ObjectNode document(String id, String stance, double novelty, String source, String published,
                                       String language, boolean reference, List<String> themes, Map<String, String> actors) {
        ObjectNode document = Fixtures.analysedDocument(id, MARKER, stance, novelty, themes.toArray(String[]::new));
        document.put("source", source).put("published", published).put("reference", reference);
        ObjectNode enrichment = (ObjectNode) document.get("enrichment");
        enrichment.put("language", language);
        ArrayNode actorArray = enrichment.putArray("actors");
        actors.forEach((actorId, name) -> actorArray.addObject().put("id", actorId).put("name", name).put("type", "state")
                .put("mentions", 1));
        return document;
    }

    private static ObjectNode withVector(ObjectNode document, float[] vector) {
        ArrayNode array = ((ObjectNode) document.get("enrichment")).putArray("vector");
        for (float value : vector) {
            array.add(value);
        }
        return document;
    }

    private static float[] randomVector(Random random) {
        float[] vector = new float[384];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }

    /** The vector plus noise of the given scale per dimension (relative to the vector's own ~unit components). */
    private static float[] nudge(float[] vector, Random random, float scale) {
        float[] nudged = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            nudged[i] = vector[i] + scale * (float) random.nextGaussian();
        }
        return nudged;
    }
}
