package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.model.Rule;
import org.commentarywatch.search.model.RuleConditions;

class RuleMatcherTest {

    private final RuleMatcher matcher = new RuleMatcher();

    @AfterEach
    void close() throws Exception {
        matcher.close();
    }

    private static Rule rule(String id, String query, RuleConditions conditions) {
        return new Rule(id, id, query, conditions, "match", null, true, Instant.EPOCH, Instant.EPOCH, null);
    }

    private static RuleConditions stanceAndTheme(String stance, String theme) {
        return new RuleConditions(List.of(stance), null, List.of(theme), null, null, null, null, null, null);
    }

    private List<String> matchedIds(ObjectNode document) {
        return matcher.match(document).stream().map(match -> match.rule().id()).toList();
    }

    @Test
    void aRuleFiresForADocumentWithItsTermsAndConditionsAndNotForOthers() {
        matcher.put(rule("gas-convergence", "gas Beijing", stanceAndTheme("convergence", "energy")));
        ObjectNode matching = Fixtures.analysedDocument("a", "m", "convergence", 0.4, "energy");
        ObjectNode otherStance = Fixtures.analysedDocument("b", "m", "divergence", 0.4, "energy");
        ObjectNode otherTheme = Fixtures.analysedDocument("c", "m", "convergence", 0.4, "military");
        ObjectNode otherWords = Fixtures.analysedDocument("d", "m", "convergence", 0.4, "energy")
                .put("text", "Nothing about the subject.").put("title", "Elsewhere");

        List<RuleMatcher.RuleMatch> matches = matcher.match(matching);
        assertEquals(1, matches.size());
        assertTrue(matches.get(0).matchedTerms().contains(new RuleMatcher.MatchedTerm("text", "gas")), matches.toString());
        assertTrue(matches.get(0).matchedTerms().contains(new RuleMatcher.MatchedTerm("text", "Beijing")), matches.toString());
        assertEquals("convergence", matches.get(0).conditions().stance().orElseThrow().path("label").asText());
        assertEquals(List.of(), matchedIds(otherStance));
        assertEquals(List.of(), matchedIds(otherTheme));
        assertEquals(List.of(), matchedIds(otherWords));
    }

    @Test
    void aRuleWithoutAQueryIsDecidedByItsConditionsAlone() {
        matcher.put(rule("novel", null, new RuleConditions(null, null, null, null, List.of("CHINA"), List.of("en"), 0.8, null,
                false)));
        assertEquals(List.of("novel"), matchedIds(Fixtures.analysedDocument("a", "m", "neutral", 0.85)));
        assertEquals(List.of(), matchedIds(Fixtures.analysedDocument("b", "m", "neutral", 0.5)));
        assertEquals(List.of(), matchedIds(Fixtures.analysedDocument("c", "m", "neutral", 0.85).put("reference", true)));
        assertEquals(List.of(), matchedIds(Fixtures.enrichedDocument("d", "m")), "no novelty: no match");
    }

    @Test
    void fieldQueriesMatchTheEnrichment() {
        matcher.put(rule("field", "stance:convergence AND actor:Russia AND pipeline*", RuleConditions.NONE));
        List<RuleMatcher.RuleMatch> matches = matcher.match(Fixtures.analysedDocument("a", "m", "convergence", 0.1));
        assertEquals(1, matches.size());
        assertTrue(matches.get(0).matchedTerms().contains(new RuleMatcher.MatchedTerm("stance", "convergence")),
                matches.toString());
        assertEquals(List.of(), matchedIds(Fixtures.analysedDocument("b", "m", "divergence", 0.1)));
    }

    @Test
    void similarityToADocumentIsACosineThreshold() {
        float[] reference = new float[384];
        reference[0] = 1;
        Rule rule = new Rule("similar", "similar", null, new RuleConditions(null, null, null, null, null, null, null,
                new RuleConditions.SimilarTo("ref", 0.9), null), "match", null, true, Instant.EPOCH, Instant.EPOCH, reference);
        matcher.put(rule);
        ObjectNode close = Fixtures.analysedDocument("a", "m", "neutral", 0.1);
        ArrayNode closeVector = ((ObjectNode) close.get("enrichment")).putArray("vector");
        ObjectNode far = Fixtures.analysedDocument("b", "m", "neutral", 0.1);
        ArrayNode farVector = ((ObjectNode) far.get("enrichment")).putArray("vector");
        for (int i = 0; i < 384; i++) {
            closeVector.add(i == 0 ? 1.0 : i == 1 ? 0.2 : 0.0);
            farVector.add(i == 1 ? 1.0 : 0.0);
        }
        List<RuleMatcher.RuleMatch> matches = matcher.match(close);
        assertEquals(1, matches.size());
        assertTrue(matches.get(0).conditions().similarity().getAsDouble() > 0.9);
        assertEquals(List.of(), matchedIds(far));
    }

    @Test
    void aRemovedOrDisabledRuleNoLongerFires() {
        matcher.put(rule("r1", "gas", RuleConditions.NONE));
        matcher.put(rule("r2", "gas", RuleConditions.NONE));
        ObjectNode document = Fixtures.analysedDocument("a", "m", "neutral", 0.1);
        assertEquals(List.of("r1", "r2"), matchedIds(document));
        matcher.remove(List.of("r1"));
        matcher.put(new Rule("r2", "r2", "gas", RuleConditions.NONE, "match", null, false, Instant.EPOCH, Instant.EPOCH, null));
        assertEquals(List.of(), matchedIds(document));
        assertEquals(0, matcher.size());
    }
}
