package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;

import org.commentarywatch.search.model.InvalidRuleException;

class RuleQueriesTest {

    @Test
    void aQueryThatCannotBeParsedIsRefusedWithTheColumnWhereItBreaks() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class,
                () -> RuleQueries.parse(Optional.of("gas AND (pipeline OR")));
        assertEquals("query", e.field());
        assertEquals(Optional.of(20), e.position(), "the end of the query, as Lucene reports it");
        assertTrue(e.getMessage().startsWith("cannot parse the query"), e.getMessage());
        InvalidRuleException inTheMiddle = assertThrows(InvalidRuleException.class,
                () -> RuleQueries.parse(Optional.of("gas AND ) pipeline")));
        assertEquals(Optional.of(8), inTheMiddle.position(), "0-based offset of the stray parenthesis");
    }

    @Test
    void anUnbalancedQuoteIsRefusedWithItsPosition() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> RuleQueries.parse(Optional.of("\"gas route")));
        assertTrue(e.position().isPresent(), e.getMessage());
    }

    @Test
    void aFieldTheDocumentsDoNotHaveIsRefused() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> RuleQueries.parse(Optional.of("colour:red")));
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
    }

    @Test
    void bareTermsSearchTitleAndTextAndAreAllRequired() {
        String query = RuleQueries.parse(Optional.of("gas pipeline")).toString();
        assertEquals("+(title:gas text:gas) +(title:pipeline text:pipeline)", query);
    }

    @Test
    void keywordFieldsAreMatchedExactlyWithoutAnalysis() {
        assertEquals("+stance:convergence +theme:energy +actor:Xi Jinping",
                RuleQueries.parse(Optional.of("stance:convergence theme:energy actor:\"Xi Jinping\"")).toString());
    }

    @Test
    void noQueryMatchesEveryDocument() {
        assertTrue(RuleQueries.parse(Optional.empty()) instanceof MatchAllDocsQuery);
    }

    @Test
    void valuesAreReadAlongArrays() {
        var document = org.commentarywatch.search.Fixtures.analysedDocument("x", "m", "neutral", 0.5, "energy", "military");
        assertEquals(List.of("energy", "military"), RuleQueries.values(document, "enrichment.themes.label"));
        assertEquals(List.of("A. Writer", "B. Reviewer"), RuleQueries.values(document, "authors"));
    }
}
