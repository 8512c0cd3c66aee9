package org.commentarywatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * The Kibana saved objects without Kibana: the NDJSON parses, every reference resolves inside it (dashboards →
 * visualisations and maps → data views), and the fields fit the mapping that search-service ships. The same fields
 * are checked against the live index by {@link KibanaFieldsMatchLiveMappingIT}.
 */
class KibanaSavedObjectsTest {

    private static final Set<String> KNOWN_TYPES = Set.of("index-pattern", "lens", "map", "dashboard", "search", "visualization");

    private final KibanaSavedObjects saved = KibanaSavedObjects.load();

    @Test
    void everyLineIsASavedObjectWithAUniqueIdAKnownTypeAndATitle() {
        assertFalse(saved.all().isEmpty(), "no saved objects in " + KibanaSavedObjects.directory());
        Set<String> keys = new HashSet<>();
        for (JsonNode object : saved.all()) {
            String type = object.path("type").asText();
            String id = object.path("id").asText();
            assertTrue(KNOWN_TYPES.contains(type), "unknown type " + type + " of " + id);
            assertFalse(id.isBlank(), "an object without id: " + object);
            assertTrue(keys.add(KibanaSavedObjects.key(type, id)), "duplicate " + type + " " + id);
            assertFalse(object.path("attributes").path("title").asText().isBlank(), type + " " + id + " has no title");
            assertTrue(object.path("references").isArray(), type + " " + id + " has no references array");
        }
    }

    @Test
    void everyReferenceResolvesToAnObjectOfTheFile() {
        Map<String, JsonNode> byKey = saved.byKey();
        List<String> dangling = new ArrayList<>();
        for (JsonNode object : saved.all()) {
            for (JsonNode reference : object.path("references")) {
                String target = KibanaSavedObjects.key(reference.path("type").asText(), reference.path("id").asText());
                if (!byKey.containsKey(target)) {
                    dangling.add(object.path("type").asText() + " " + object.path("id").asText() + " → " + target);
                }
            }
        }
        assertEquals(List.of(), dangling, "references to objects the NDJSON does not contain");
    }

    @Test
    void dashboardPanelsVisualisationsAndMapsAllLeadToADataView() {
        Map<String, JsonNode> byKey = saved.byKey();
        assertFalse(saved.ofType("dashboard").isEmpty());
        for (JsonNode dashboard : saved.ofType("dashboard")) {
            String id = dashboard.path("id").asText();
            JsonNode panels = KibanaSavedObjects.embedded(dashboard.path("attributes").path("panelsJSON"), "dashboard " + id + " panelsJSON");
            assertTrue(panels.size() > 0, "dashboard " + id + " has no panels");
            Set<String> panelIndices = new HashSet<>();
            for (JsonNode panel : panels) {
                String panelIndex = panel.path("panelIndex").asText();
                assertTrue(panelIndices.add(panelIndex), "dashboard " + id + ": panel index " + panelIndex + " twice");
                String refName = panelIndex + ":" + panel.path("panelRefName").asText();
                String target = KibanaSavedObjects.referenced(dashboard, refName);
                assertTrue(target != null, "dashboard " + id + ": panel " + panelIndex + " has no reference named " + refName);
                JsonNode visualisation = byKey.get(KibanaSavedObjects.key(panel.path("type").asText(), target));
                assertTrue(visualisation != null, "dashboard " + id + ": panel " + panelIndex + " shows missing "
                        + panel.path("type").asText() + " " + target);
                assertLeadsToDataView(visualisation, byKey);
            }
        }
        for (JsonNode visualisation : saved.all()) {
            if (Set.of("lens", "map").contains(visualisation.path("type").asText())) {
                assertLeadsToDataView(visualisation, byKey);
            }
        }
    }

    @Test
    void everyVisualisationAndMapIsOnADashboard() {
        Set<String> shown = new HashSet<>();
        saved.ofType("dashboard").forEach(d -> d.path("references").forEach(r -> shown.add(r.path("id").asText())));
        List<String> orphans = saved.all().stream()
                .filter(o -> Set.of("lens", "map").contains(o.path("type").asText()))
                .map(o -> o.path("id").asText()).filter(id -> !shown.contains(id)).toList();
        assertEquals(List.of(), orphans, "saved visualisations no dashboard shows");
    }

    @Test
    void everyFieldFitsTheMappingsTheServicesShipOrTheDocumentedExpectedFields() {
        assertEquals(List.of(), KibanaSavedObjects.problems(saved.fieldUses(), IndexMapping::shipped));
    }

    @Test
    void theDashboardsCoverStanceThemesActorsPlacesNoveltyAlertsAndFeedHealth() {
        Set<String> used = saved.fieldUses().stream().map(u -> u.index() + ":" + u.field()).collect(Collectors.toSet());
        for (String field : List.of("commentary:published", "commentary:enrichment.stance.label", "commentary:source",
                "commentary:enrichment.themes.label", "commentary:enrichment.actors.name", "commentary:enrichment.actors.location",
                "commentary:enrichment.novelty", "commentary:enrichment.near_duplicate_of", "commentary:enrichment.cluster_id",
                "commentary-alerts:rule_id", "commentary-alerts:rule_name", "commentary-alerts:document_id", "commentary-alerts:matched_at",
                "commentary-feeds:feed_id", "commentary-feeds:consecutive_failures", "commentary-feeds:last_success",
                "commentary-feeds:items_new", "commentary-feeds:items_seen", "commentary-feeds:http_status", "commentary-feeds:last_error")) {
            assertTrue(used.contains(field), "no visualisation uses " + field);
        }
        Set<String> dataViews = saved.ofType("index-pattern").stream().map(d -> d.path("attributes").path("title").asText())
                .collect(Collectors.toSet());
        assertEquals(Set.of("commentary", "commentary-alerts", "commentary-feeds"), dataViews);
    }

    @Test
    void theImportScriptPostsToTheSavedObjectsApiWithOverwriteAndTheXsrfHeader() throws IOException {
        Path script = KibanaSavedObjects.directory().resolve("import.sh");
        assertTrue(Files.isExecutable(script), script + " must be executable");
        String text = Files.readString(script);
        assertTrue(text.contains("/api/saved_objects/_import?overwrite=true"), text);
        assertTrue(text.contains("kbn-xsrf"), text);
        assertTrue(text.contains("KIBANA_URL"), text);
    }

    private static void assertLeadsToDataView(JsonNode visualisation, Map<String, JsonNode> byKey) {
        String id = visualisation.path("type").asText() + " " + visualisation.path("id").asText();
        List<JsonNode> dataViewRefs = new ArrayList<>();
        visualisation.path("references").forEach(r -> {
            if ("index-pattern".equals(r.path("type").asText())) {
                dataViewRefs.add(r);
            }
        });
        assertFalse(dataViewRefs.isEmpty(), id + " refers to no data view");
        for (JsonNode ref : dataViewRefs) {
            assertTrue(byKey.containsKey(KibanaSavedObjects.key("index-pattern", ref.path("id").asText())),
                    id + ": data view " + ref.path("id").asText() + " is missing");
        }
        if ("lens".equals(visualisation.path("type").asText())) {
            visualisation.path("attributes").path("state").path("datasourceStates").path("formBased").path("layers").fieldNames()
                    .forEachRemaining(layer -> assertTrue(
                            KibanaSavedObjects.referenced(visualisation, "indexpattern-datasource-layer-" + layer) != null,
                            id + ": layer " + layer + " has no data view reference"));
        }
    }
}
