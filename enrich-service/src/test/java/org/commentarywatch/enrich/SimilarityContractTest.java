package org.commentarywatch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.enrich.model.RawDocument;
import org.commentarywatch.enrich.service.DocumentCodec;
import org.commentarywatch.enrich.service.DocumentEnricher;
import org.commentarywatch.enrich.service.LanguageDetector;
import org.commentarywatch.enrich.service.ReadOutcome;
import org.commentarywatch.enrich.service.corpus.Candidate;
import org.commentarywatch.enrich.service.corpus.CorpusIndex;
import org.commentarywatch.enrich.service.corpus.PlacementRules;
import org.commentarywatch.enrich.service.corpus.RecentVectors;
import org.commentarywatch.enrich.service.corpus.SimilarityAnalysis;
import org.commentarywatch.enrich.service.embedding.DocumentEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The vector, embedding, neighbours, novelty, near-duplicate and cluster fields satisfy the enriched-document schema. */
class SimilarityContractTest {

    private static final DocumentCodec CODEC = new DocumentCodec(Fixtures.MAPPER);
    private static DocumentEmbedder embedder;

    /** Earlier documents as a fixed answer: one twin (by text) and one that shares little. */
    private static final CorpusIndex CORPUS = new CorpusIndex() {
        @Override
        public Nearest nearest(float[] vector, Optional<String> excludeId, int k, int labelledK) {
            return new Nearest(List.of(
                    new Candidate("a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4", "The original", 0.991, Optional.of("story-1")),
                    new Candidate("ffffeeeeddddccccbbbbaaaa99998888", null, 0.42, Optional.empty())),
                    List.of(new Candidate("99998888777766665555444433332222", "A labelled reference", 0.61,
                            Optional.empty(), Optional.of(new Candidate.Labels("divergence", List.of("energy"))))));
        }

        @Override
        public Optional<String> text(String id) {
            return Optional.of(Fixtures.PIECES.get("en"));
        }
    };

    @BeforeAll
    static void load() {
        embedder = DocumentEmbedder.withDefaults();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    private static DocumentEnricher enricher() {
        SimilarityAnalysis similarity = new SimilarityAnalysis(embedder, CORPUS, new PlacementRules(5, 0.95, 0.80), 0.5,
                new RecentVectors(8), Duration.ofMillis(10), Duration.ofMillis(10));
        return new DocumentEnricher(new LanguageDetector(), "enrich-service/0.1.0", Clock.systemUTC(), similarity);
    }

    @Test
    void anEnrichedDocumentWithItsVectorAndNeighboursSatisfiesTheSchema() throws Exception {
        String id = Fixtures.newId();
        ObjectNode raw = Fixtures.rawDocument(id, "Gas talks", Fixtures.PIECES.get("en"));
        RawDocument document = ((ReadOutcome.Readable) CODEC.read(raw.toString())).document();

        String enriched = CODEC.writeEnriched(document,
                enricher().enrich(document.documentText(), SimilarityAnalysis.Query.stage(id)));

        Contracts.assertValid(Contracts.ENRICHED_DOCUMENT, enriched);
        JsonNode enrichment = Fixtures.MAPPER.readTree(enriched).get("enrichment");
        assertEquals(384, enrichment.get("vector").size());
        assertEquals("all-MiniLM-L6-v2-q", enrichment.at("/embedding/model").textValue());
        assertEquals(1, enrichment.at("/embedding/passages").intValue());
        assertEquals(0, enrichment.at("/embedding/truncated_passages").intValue());
        assertFalse(enrichment.get("embedding").has("omitted_passages"));
        assertEquals(2, enrichment.get("neighbours").size());
        assertEquals("The original", enrichment.at("/neighbours/0/title").textValue());
        assertFalse(enrichment.at("/neighbours/1").has("title"));
        assertEquals(0.009, enrichment.get("novelty").doubleValue(), 1e-9);
        assertEquals("a1b2c3d4a1b2c3d4a1b2c3d4a1b2c3d4", enrichment.get("near_duplicate_of").textValue());
        assertEquals("story-1", enrichment.get("cluster_id").textValue());
        assertTrue(enrichment.has("language"));
        // the labelled reference votes, and the English piece is compared with the stance prototypes
        String decidedBy = enrichment.at("/stance/decided_by").textValue();
        assertTrue(decidedBy.contains("labelled neighbours vote divergence 1.00"), decidedBy);
        assertTrue(decidedBy.contains("passages by prototype"), decidedBy);
    }

    @Test
    void theVectorWithoutNeighboursSatisfiesTheSchemaToo() throws Exception {
        ObjectNode raw = Fixtures.rawDocument(Fixtures.newId(), "Gas talks", Fixtures.PIECES.get("ru"));
        RawDocument document = ((ReadOutcome.Readable) CODEC.read(raw.toString())).document();

        String enriched = CODEC.writeEnriched(document,
                enricher().enrich(document.documentText(), SimilarityAnalysis.Query.api(false)));

        Contracts.assertValid(Contracts.ENRICHED_DOCUMENT, enriched);
        JsonNode enrichment = Fixtures.MAPPER.readTree(enriched).get("enrichment");
        assertEquals(384, enrichment.get("vector").size());
        assertFalse(enrichment.has("neighbours"));
        assertFalse(enrichment.has("novelty"));
        // no corpus, no labelled neighbours; a Russian text is not compared with the English prototypes
        String decidedBy = enrichment.at("/stance/decided_by").textValue();
        assertFalse(decidedBy.contains("labelled neighbours"), decidedBy);
        assertFalse(decidedBy.contains("passages by prototype"), decidedBy);
    }
}
