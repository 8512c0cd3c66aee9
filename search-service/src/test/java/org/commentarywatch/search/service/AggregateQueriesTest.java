package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.model.InvalidRuleException;
import org.commentarywatch.search.model.Rule;
import org.commentarywatch.search.model.RuleConditions;

class AggregateQueriesTest {

    private static Rule rule(String query, RuleConditions conditions) {
        return new Rule("r", "r", query, conditions, Rule.KIND_THRESHOLD, null, true, Instant.EPOCH, Instant.EPOCH, null,
                "PT1H", 3, null, null);
    }

    private static ObjectNode translate(String query) {
        return AggregateQueries.translate(RuleQueries.parse(Optional.of(query)));
    }

    @Test
    void bareTermsSearchTitleAndTextAndAreAllRequired() {
        JsonNode bool = translate("taiwan strait").path("bool");
        assertEquals(2, bool.path("must").size());
        JsonNode first = bool.path("must").get(0).path("bool").path("should");
        assertEquals("taiwan", first.get(0).path("term").path("title").path("value").asText());
        assertEquals("taiwan", first.get(1).path("term").path("text").path("value").asText());
    }

    @Test
    void shortFieldNamesBecomeTheMappingsFieldsAndActorMeansIdOrName() {
        JsonNode stance = translate("stance:convergence");
        assertEquals("convergence", stance.path("term").path("enrichment.stance.label").path("value").asText());
        JsonNode actor = translate("actor:\"Xi Jinping\"").path("bool").path("should");
        assertEquals("Xi Jinping", actor.get(0).path("term").path("enrichment.actors.id").path("value").asText());
        assertEquals("Xi Jinping", actor.get(1).path("term").path("enrichment.actors.name").path("value").asText());
    }

    @Test
    void phrasesPrefixesAndNegationsKeepTheirMeaning() {
        JsonNode bool = translate("gas* AND NOT \"price war\"").path("bool");
        assertEquals("gas", bool.path("must").get(0).path("bool").path("should").get(0).path("prefix").path("title")
                .path("value").asText());
        assertEquals("price war", bool.path("must_not").get(0).path("bool").path("should").get(1).path("match_phrase")
                .path("text").path("query").asText());
    }

    @Test
    void aQueryOfOnlyNegationsCountsNothingAsItWouldMatchNothing() {
        assertTrue(translate("NOT gas").has("match_none"));
    }

    @Test
    void conditionsBecomeFilters() {
        RuleConditions conditions = new RuleConditions(List.of("divergence"), 0.6, List.of("security"), null,
                List.of("taiwan"), List.of("en"), 0.4, null, false);
        JsonNode bool = AggregateQueries.query(rule("strait", conditions)).path("bool");
        String filters = bool.path("filter").toString();
        assertTrue(filters.contains("{\"terms\":{\"enrichment.stance.label\":[\"divergence\"]}}"), filters);
        assertTrue(filters.contains("{\"range\":{\"enrichment.stance.score\":{\"gte\":0.6}}}"), filters);
        assertTrue(filters.contains("{\"terms\":{\"enrichment.themes.label\":[\"security\"]}}"), filters);
        assertTrue(filters.contains("\"case_insensitive\":true"), filters);
        assertTrue(filters.contains("{\"terms\":{\"enrichment.language\":[\"en\"]}}"), filters);
        assertTrue(filters.contains("{\"range\":{\"enrichment.novelty\":{\"gte\":0.4}}}"), filters);
        assertEquals("{\"term\":{\"reference\":{\"value\":\"true\"}}}", bool.path("must_not").get(0).toString(),
                "not a reference document: one without the flag counts too");
    }

    @Test
    void conditionsWithoutAnExactCountAreRefusedNamingTheField() {
        RuleConditions themeScore = new RuleConditions(null, null, List.of("energy"), 0.5, null, null, null, null, null);
        InvalidRuleException e = assertThrows(InvalidRuleException.class,
                () -> AggregateQueries.check(RuleQueries.parse(Optional.of("gas")), themeScore));
        assertEquals("conditions.min_theme_score", e.field());
        RuleConditions similar = new RuleConditions(null, null, null, null, null, null, null,
                new RuleConditions.SimilarTo("d1", 0.9), null);
        assertEquals("conditions.similar_to", assertThrows(InvalidRuleException.class,
                () -> AggregateQueries.check(RuleQueries.parse(Optional.of("gas")), similar)).field());
    }
}
