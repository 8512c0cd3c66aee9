package org.commentarywatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every field the Kibana saved objects use exists in the live index mapping with a type the visualisation can use.
 * The index is the one the packaged search-service creates on a real Elasticsearch 8.19 node (read back with
 * {@code GET /commentary/_mapping}, through the alias the data view names). {@code commentary-alerts} and
 * {@code commentary-feeds} are checked live when they exist; until a service creates them, against the mapping
 * a service ships, else the field list documented in {@link IndexMapping#EXPECTED_NOT_YET_CREATED}.
 */
@ExtendWith(RunningSystem.Extension.class)
class KibanaFieldsMatchLiveMappingIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static RunningSystem system;

    @BeforeAll
    static void useTheRunningSystem(RunningSystem running) {
        system = running;
    }

    @Test
    void everyFieldOfEverySavedObjectExistsInTheLiveMappingWithAUsableType() throws Exception {
        KibanaSavedObjects saved = KibanaSavedObjects.load();
        List<KibanaSavedObjects.FieldUse> uses = saved.fieldUses();
        assertFalse(uses.isEmpty());
        Set<String> indices = new TreeSet<>();
        uses.forEach(u -> indices.add(u.index()));
        assertTrue(indices.contains("commentary"), "no saved object reads the commentary index");

        Map<String, Map<String, String>> mappings = new HashMap<>();
        for (String index : indices) {
            HttpResponse<String> response = get(system.elasticsearchUrl() + "/" + index + "/_mapping");
            if (response.statusCode() == 200) {
                mappings.put(index, IndexMapping.fields(KibanaSavedObjects.JSON.readTree(response.body())));
            } else if (response.statusCode() == 404 && IndexMapping.shipped(index) != null) {
                System.out.println("[kibana-fields] " + index + " does not exist in the running system: checked against "
                        + "the mapping a service ships or the documented field list " + IndexMapping.shipped(index));
                mappings.put(index, IndexMapping.shipped(index));
            } else {
                throw new AssertionError("GET /" + index + "/_mapping answered " + response.statusCode() + ": " + response.body());
            }
        }
        assertEquals(List.of(), KibanaSavedObjects.problems(uses, mappings::get));
    }

    @Test
    void theLiveCommentaryMappingHasTheGeoPointTheMapNeeds() throws Exception {
        JsonNode mapping = KibanaSavedObjects.JSON.readTree(get(system.elasticsearchUrl() + "/commentary/_mapping").body());
        assertEquals("geo_point", IndexMapping.fields(mapping).get("enrichment.actors.location"), mapping.toString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
