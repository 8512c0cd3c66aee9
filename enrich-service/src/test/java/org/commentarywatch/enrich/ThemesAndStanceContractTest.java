package org.commentarywatch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.enrich.model.RawDocument;
import org.commentarywatch.enrich.service.DocumentCodec;
import org.commentarywatch.enrich.service.DocumentEnricher;
import org.commentarywatch.enrich.service.LanguageDetector;
import org.commentarywatch.enrich.service.ReadOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** enrichment.themes and enrichment.stance as the stage writes them satisfy enriched-document.schema.json. */
class ThemesAndStanceContractTest {

    /** Written for this test. */
    static final String ARGUED = """
            Moscow and Beijing are drawing ever closer. Gas from Siberia now flows south through a second pipeline, \
            and the two navies hold joint exercises in the Pacific every summer. Sanctions have left Russia with few \
            other buyers, so its trade with China keeps setting records, settled in yuan rather than dollars. Both \
            governments denounce American hegemony and call for a multipolar world. Whatever its name, the \
            partnership is deepening into an alignment that neither side now wants to unwind.""";

    private static final DocumentCodec CODEC = new DocumentCodec(Fixtures.MAPPER);
    private static DocumentEnricher enricher;

    @BeforeAll
    static void create() {
        enricher = new DocumentEnricher(new LanguageDetector(), "enrich-service/test", Clock.systemUTC());
    }

    private static JsonNode enrich(String title, String text) throws Exception {
        ObjectNode raw = Fixtures.rawDocument(Fixtures.newId(), title, text);
        RawDocument document = ((ReadOutcome.Readable) CODEC.read(raw.toString())).document();
        String enriched = CODEC.writeEnriched(document, enricher.enrich(document.documentText()));
        Contracts.assertValid(Contracts.ENRICHED_DOCUMENT, enriched);
        return Fixtures.MAPPER.readTree(enriched).get("enrichment");
    }

    @Test
    void anArguedPieceCarriesItsThemesAndStanceWithEvidence() throws Exception {
        JsonNode enrichment = enrich("An alignment in the making", ARGUED);

        JsonNode themes = enrichment.get("themes");
        assertTrue(themes.size() >= 3, themes.toString());
        double previous = 1;
        for (JsonNode theme : themes) {
            assertTrue(theme.get("score").asDouble() <= previous, "sorted by score: " + themes);
            previous = theme.get("score").asDouble();
            assertFalse(theme.get("evidence").isEmpty(), theme.toString());
        }
        String labels = themes.toString();
        assertTrue(labels.contains("\"energy\"") && labels.contains("\"military\"")
                && labels.contains("\"trade_finance\""), labels);

        JsonNode stance = enrichment.get("stance");
        assertEquals("convergence", stance.get("label").asText(), stance.toString());
        assertTrue(stance.get("decided_by").asText().contains("co-mentions"), stance.toString());
        JsonNode evidence = stance.get("evidence");
        assertTrue(evidence.size() >= 3 && evidence.size() <= 5, evidence.toString());
        for (JsonNode sentence : evidence) {
            int start = sentence.get("start").asInt();
            int end = sentence.get("end").asInt();
            assertEquals(ARGUED.substring(start, end).strip(), sentence.get("text").asText());
        }
    }

    @Test
    void aPieceOnSomethingElseIsOffTopicWithoutThemes() throws Exception {
        JsonNode enrichment = enrich("Risotto", CorpusFixtures.COOKING);

        assertEquals(0, enrichment.get("themes").size(), enrichment.get("themes").toString());
        assertEquals("off_topic", enrichment.get("stance").get("label").asText());
        assertEquals(0, enrichment.get("stance").get("evidence").size());
    }

    @Test
    void aVeryLongTextIsClassifiedInBoundedTime() {
        String text = (ARGUED + "\n\n").repeat(2_000); // about 1 MB
        long start = System.nanoTime();
        org.commentarywatch.enrich.model.Enrichment enrichment = enricher.enrich(
                org.commentarywatch.enrich.model.DocumentText.of("Long", text));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("convergence", enrichment.classification().stance().label());
        assertTrue(millis < 20_000, "took " + millis + " ms");
        System.out.println("1 MB text enriched (language, actors, facts, themes, stance) in " + millis + " ms");
    }
}
