package org.commentarywatch.enrich.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.commentarywatch.enrich.Fixtures;
import org.commentarywatch.enrich.service.corpus.Candidate;
import org.commentarywatch.enrich.service.corpus.CorpusUnavailableException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one search of an {@code _msearch} answer is read: each carries its own status while the request as a whole
 * succeeds, so a failed search must not read as "no neighbours" (which would make the document novel).
 */
class ElasticsearchCorpusTest {

    private static JsonNode json(String text) throws Exception {
        return Fixtures.MAPPER.readTree(text);
    }

    @Test
    void readsHitsWithCosineFromTheScoreAndTheAnalystsLabels() throws Exception {
        JsonNode response = json("""
                {"status": 200, "hits": {"hits": [
                  {"_id": "a", "_score": 0.9, "_source": {"id": "a", "title": "First",
                     "enrichment": {"cluster_id": "story-1"},
                     "labels": {"stance": "divergence", "themes": ["energy", "military"]}}},
                  {"_id": "b", "_score": 0.6, "_source": {"id": "b"}}]}}""");

        List<Candidate> candidates = ElasticsearchCorpus.candidates(response, "commentary");

        assertEquals(2, candidates.size());
        assertEquals(0.8, candidates.get(0).similarity(), 1e-9);
        assertEquals(Optional.of("story-1"), candidates.get(0).clusterId());
        assertEquals(Optional.of(new Candidate.Labels("divergence", List.of("energy", "military"))),
                candidates.get(0).labels());
        assertEquals(0.2, candidates.get(1).similarity(), 1e-9);
        assertTrue(candidates.get(1).labels().isEmpty());
    }

    @Test
    void aSearchOnAnIndexThatDoesNotExistYetFindsNothing() throws Exception {
        JsonNode response = json("""
                {"status": 404, "error": {"type": "index_not_found_exception", "reason": "no such index [commentary]"}}""");

        assertEquals(List.of(), ElasticsearchCorpus.candidates(response, "commentary"));
    }

    @Test
    void aSearchThatFailedForAPassingReasonMakesTheCorpusUnavailableNotEmpty() throws Exception {
        JsonNode overloaded = json("""
                {"status": 429, "error": {"type": "es_rejected_execution_exception", "reason": "queue full"}}""");
        JsonNode shardsDown = json("""
                {"status": 503, "error": {"type": "search_phase_execution_exception", "reason": "all shards failed"}}""");

        assertThrows(CorpusUnavailableException.class, () -> ElasticsearchCorpus.candidates(overloaded, "commentary"));
        assertThrows(CorpusUnavailableException.class, () -> ElasticsearchCorpus.candidates(shardsDown, "commentary"));
    }

    @Test
    void aSearchElasticsearchRefusesIsAnErrorNotAnEmptyCorpus() throws Exception {
        JsonNode refused = json("""
                {"status": 400, "error": {"type": "parsing_exception", "reason": "unknown field"}}""");

        assertThrows(IllegalStateException.class, () -> ElasticsearchCorpus.candidates(refused, "commentary"));
    }
}
