package org.commentarywatch.search.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.Schemas;

/** The fixture the integration tests index is what enrich-service is bound to emit. */
class EnrichedDocumentFixtureTest {

    @Test
    void theSampleEnrichedDocumentConformsToTheContract() {
        assertEquals("[]", Schemas.validate(Schemas.ENRICHED_DOCUMENT, Fixtures.enrichedDocument()).toString());
    }

    @Test
    void theSampleWithAFreshIdAndMarkerStillConforms() {
        ObjectNode document = Fixtures.enrichedDocument(Fixtures.newId(), Fixtures.newMarker());
        assertEquals("[]", Schemas.validate(Schemas.ENRICHED_DOCUMENT, document).toString());
    }

    @Test
    void theAnalysedSampleWithStanceThemesActorsAndNoveltyConforms() {
        ObjectNode document = Fixtures.analysedDocument(Fixtures.newId(), Fixtures.newMarker(), "convergence", 0.9,
                "energy", "sanctions_economy");
        assertEquals("[]", Schemas.validate(Schemas.ENRICHED_DOCUMENT, document).toString());
    }

    @Test
    void aPublishedValueThatIsNoDateBreaksTheContractAsWell() {
        ObjectNode document = Fixtures.enrichedDocument().put("published", "not a date");
        assertFalse(Schemas.validate(Schemas.ENRICHED_DOCUMENT, document).isEmpty());
    }
}
