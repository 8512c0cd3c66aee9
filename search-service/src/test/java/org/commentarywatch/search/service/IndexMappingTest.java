package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.Schemas;
import org.commentarywatch.search.config.IndexLayout;

class IndexMappingTest {

    private static final IndexLayout LAYOUT = new IndexLayout("commentary", 1);
    private final ObjectNode definition = IndexTemplate.definition(LAYOUT, Fixtures.JSON);
    private final JsonNode properties = definition.path("mappings").path("properties");

    @Test
    void versionOneDefinitionIsTheCommentaryV1ResourceWithSettingsAndMappings() {
        assertEquals("elasticsearch/commentary-v1.json", LAYOUT.mappingResource());
        assertTrue(definition.path("settings").isObject());
        assertTrue(properties.isObject());
    }

    @Test
    void unknownFieldsAreKeptInSourceButNeverMapped() {
        assertEquals("false", definition.path("mappings").path("dynamic").asText());
    }

    @Test
    void everyContractFieldHasItsType() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("id", "keyword"),
                Map.entry("title", "text"),
                Map.entry("text", "text"),
                Map.entry("url", "keyword"),
                Map.entry("published", "date"),
                Map.entry("source", "keyword"),
                Map.entry("authors", "keyword"),
                Map.entry("reference", "boolean"),
                Map.entry("labels", "object"),
                Map.entry("content_type", "keyword"),
                Map.entry("ingested_at", "date"),
                Map.entry("indexed_at", "date"),
                Map.entry("enrichment", "object"));
        expected.forEach((field, type) -> assertEquals(type, properties.path(field).path("type").asText(), field));

        for (String label : new String[] {"stance", "themes", "countries_and_blocs", "people", "publisher", "origin"}) {
            assertEquals("keyword", properties.path("labels").path("properties").path(label).path("type").asText(),
                    "labels." + label);
        }
        Map.of("language", "keyword", "language_confidence", "float", "word_count", "integer",
                "sentence_count", "integer", "enriched_at", "date", "enricher", "keyword")
                .forEach((field, type) -> assertEquals(type,
                        properties.path("enrichment").path("properties").path(field).path("type").asText(),
                        "enrichment." + field));
    }

    /** With {@code dynamic: false} an unmapped field is silently neither searchable nor shown in Kibana. */
    @Test
    void everyFieldTheEnrichedDocumentContractDeclaresIsMappedExplicitly() {
        JsonNode schema = Schemas.json(Schemas.ENRICHED_DOCUMENT);
        List<String> declared = new ArrayList<>();
        collectFields(schema, schema, "", declared);
        assertTrue(declared.containsAll(List.of("also_seen_at", "enrichment.stance.evidence.start", "enrichment.actors.offsets")),
                "the walk should reach nested and array fields: " + declared);
        List<String> unmapped = declared.stream().filter(path -> !mapped(path)).toList();
        assertEquals(List.of(), unmapped);
    }

    @Test
    void otherUrlsOfTheSameTextAreExactKeywords() {
        assertEquals("keyword", properties.path("also_seen_at").path("type").asText());
    }

    /** Mapped itself, or inside a field mapped as one value ({@code geo_point} takes {@code lat} and {@code lon}). */
    private boolean mapped(String path) {
        JsonNode node = definition.path("mappings");
        for (String step : path.split("\\.")) {
            if (node.has("type") && !"object".equals(node.get("type").asText())) {
                return true;
            }
            node = node.path("properties").path(step);
        }
        return !node.isMissingNode();
    }

    /** Dotted paths of the properties the schema declares, through references, arrays and nested objects. */
    private static void collectFields(JsonNode root, JsonNode node, String prefix, List<String> into) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            resolved = root.at(resolved.get("$ref").asText().substring(1));
        }
        for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
            resolved.path(combinator).forEach(part -> collectFields(root, part, prefix, into));
        }
        if (resolved.has("items")) {
            collectFields(root, resolved.get("items"), prefix, into);
        }
        resolved.path("properties").fields().forEachRemaining(property -> {
            String path = prefix + property.getKey();
            into.add(path);
            collectFields(root, property.getValue(), path + ".", into);
        });
    }

    @Test
    void titleCanAlsoBeSortedAndAggregatedAsKeyword() {
        assertEquals("keyword", properties.path("title").path("fields").path("keyword").path("type").asText());
    }

    @Test
    void publishedAcceptsYearsMonthsDatesAndDateTimes() {
        assertEquals("strict_date_optional_time||strict_year_month||strict_year",
                properties.path("published").path("format").asText());
    }

    @Test
    void textUsesOnlyAnalyzersOfTheCoreDistribution() {
        assertEquals("standard", properties.path("text").path("analyzer").asText());
        assertFalse(definition.toString().contains("english"), "the core distribution has no english analyzer");
    }

    @Test
    void templateCoversEveryVersionAndOutranksEarlierOnesByItsVersion() {
        ObjectNode body = IndexTemplate.body(new IndexLayout("commentary", 2), definition, Fixtures.JSON);
        assertEquals("commentary-v*", body.path("index_patterns").path(0).asText());
        assertEquals(2, body.path("priority").asInt());
        assertEquals(definition, body.path("template"));
    }
}
