package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.config.IndexLayout;
import org.commentarywatch.search.model.InvalidSearchParameterException;

class SearchQueriesTest {

    private static final SearchQueries QUERIES = SearchQueries.forMapping(
            IndexTemplate.definition(new IndexLayout("commentary", 1), Fixtures.JSON));

    private static InvalidSearchParameterException refused(String query) {
        return assertThrows(InvalidSearchParameterException.class, () -> QUERIES.check(query));
    }

    @Test
    void queryStringSyntaxIsAccepted() {
        for (String query : new String[] {"gas pipeline", "(gas OR oil) AND NOT \"price war\"", "pipe*", "alliance~1",
                "title:entente", "enrichment.stance.label:convergence", "published:[2022-01-01 TO 2022-12-31]",
                "_exists_:enrichment.novelty", "\"Impact of the War (II): The Prospect\"", "China\\: allies?"}) {
            assertDoesNotThrow(() -> QUERIES.check(query), query);
        }
    }

    @Test
    void aSyntaxErrorIsRefusedWithTheReasonAndThePosition() {
        InvalidSearchParameterException e = refused("gas AND ) pipeline");
        assertEquals(Optional.of("q"), e.parameter());
        assertTrue(e.getMessage().contains("cannot parse"), e.getMessage());
        assertEquals(Optional.of(8), e.position());
        assertTrue(refused("\"unbalanced (quote").position().isPresent());
    }

    @Test
    void aLeadingWildcardIsRefused() {
        assertTrue(refused("*line").getMessage().contains("'*'"));
    }

    @Test
    void aFieldTheIndexDoesNotHaveIsRefusedRatherThanMatchingNothing() {
        InvalidSearchParameterException e = refused("China: allies");
        assertTrue(e.getMessage().contains("no field China"), e.getMessage());
    }
}
