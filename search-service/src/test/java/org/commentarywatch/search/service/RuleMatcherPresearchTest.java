package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.model.Rule;
import org.commentarywatch.search.model.RuleConditions;

/**
 * The matcher skips work (the presearcher drops rules, conditions are checked before queries, queries run without
 * Lucene's collector machinery); none of that may change the answer. Compared here with the plain definition: run
 * every rule's query on the document, then check its conditions.
 */
class RuleMatcherPresearchTest {

    private static final String[] WORDS = { "gas", "pipeline", "arctic", "yuan", "drill", "summit", "border", "wheat",
            "grain", "port", "rail", "treaty", "sanction", "chip", "satellite", "reactor" };
    private static final String[] STANCES = { "convergence", "divergence", "neutral" };
    private static final String[] THEMES = { "energy", "military", "technology" };

    @Test
    void theMatcherFindsExactlyTheRulesWhoseQueryAndConditionsHoldWhenEveryRuleIsTriedInTurn() throws IOException {
        Random random = new Random(11);
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rules.add(rule("r" + i, random));
        }
        List<Query> queries = rules.stream().map(rule -> RuleQueries.parse(Optional.ofNullable(rule.query()))).toList();
        try (RuleMatcher matcher = new RuleMatcher()) {
            matcher.put(rules);
            int matchesSeen = 0;
            for (int d = 0; d < 60; d++) {
                ObjectNode document = document("d" + d, random);
                IndexSearcher searcher = searcher(document);
                List<String> expected = new ArrayList<>();
                for (int r = 0; r < rules.size(); r++) {
                    Rule rule = rules.get(r);
                    if (searcher.count(queries.get(r)) > 0 && RuleConditionsCheck.check(rule, document).isPresent()) {
                        expected.add(rule.id());
                    }
                }
                expected.sort(null);
                List<String> actual = matcher.match(document).stream().map(match -> match.rule().id()).toList();
                assertEquals(expected, actual, "document " + document.get("text").asText());
                matchesSeen += actual.size();
            }
            assertTrue(matchesSeen > 100, "the generated rules should match often enough to prove something: " + matchesSeen);
        }
    }

    @Test
    void documentsMatchedTogetherGetExactlyTheMatchesTermsAndConditionsTheyGetOneByOne() {
        Random random = new Random(23);
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rules.add(rule("r" + i, random));
        }
        List<ObjectNode> documents = new ArrayList<>();
        for (int d = 0; d < 60; d++) {
            documents.add(document("d" + d, random));
        }
        try (RuleMatcher matcher = new RuleMatcher()) {
            matcher.put(rules);
            List<List<RuleMatcher.RuleMatch>> oneByOne = documents.stream().map(matcher::match).toList();
            assertTrue(oneByOne.stream().mapToInt(List::size).sum() > 100, "the generated rules should match often enough");
            assertTrue(oneByOne.stream().flatMap(List::stream).anyMatch(match -> !match.matchedTerms().isEmpty()));
            for (int together : new int[] { 1, 7, 60 }) {
                assertEquals(oneByOne, matcher.match(documents, together), together + " documents per match");
            }
            assertEquals(oneByOne, matcher.match(documents));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static IndexSearcher searcher(ObjectNode document) {
        MemoryIndex index = new MemoryIndex(true, true);
        for (IndexableField field : RuleQueries.document(document)) {
            index.addField(field, RuleQueries.ANALYZER);
        }
        return index.createSearcher();
    }

    /** The word with its last letter changed: a fuzzy term that expands to it in a document that has it. */
    private static String misspelt(String word) {
        return word.substring(0, word.length() - 1) + (word.endsWith("x") ? "y" : "x");
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    /** Every shape the analysts' rules take: terms, phrases, OR, NOT, prefixes, fields, no query at all. */
    private static Rule rule(String id, Random random) {
        String query = switch (random.nextInt(9)) {
            case 0 -> word(random) + " " + word(random);
            case 1 -> "\"" + word(random) + " " + word(random) + "\"";
            case 2 -> "(" + word(random) + " OR " + word(random) + ") AND " + word(random);
            case 3 -> word(random) + " OR " + word(random);
            case 4 -> word(random) + " AND NOT " + word(random);
            case 5 -> "stance:" + STANCES[random.nextInt(STANCES.length)] + " AND " + word(random).substring(0, 3) + "*";
            case 6 -> "theme:" + THEMES[random.nextInt(THEMES.length)] + " OR actor:Russia";
            case 7 -> misspelt(word(random)) + "~1 " + word(random);
            default -> null;
        };
        RuleConditions conditions = random.nextBoolean() ? RuleConditions.NONE
                : new RuleConditions(List.of(STANCES[random.nextInt(STANCES.length)]), null,
                        List.of(THEMES[random.nextInt(THEMES.length)]), null, null, null, null, null, null);
        if (query == null && conditions == RuleConditions.NONE) {
            conditions = new RuleConditions(null, null, null, null, null, null, 0.5, null, null);
        }
        return new Rule(id, id, query, conditions, "match", null, true, Instant.EPOCH, Instant.EPOCH, null);
    }

    private static ObjectNode document(String id, Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, n = 3 + random.nextInt(10); i < n; i++) {
            text.append(word(random)).append(random.nextInt(4) == 0 ? ". " : " ");
        }
        return Fixtures.analysedDocument(id, "m", STANCES[random.nextInt(STANCES.length)], random.nextDouble(),
                        THEMES[random.nextInt(THEMES.length)]).put("title", word(random) + " " + word(random))
                .put("text", text.toString());
    }
}
