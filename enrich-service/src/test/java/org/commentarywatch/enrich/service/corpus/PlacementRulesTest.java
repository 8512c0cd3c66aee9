package org.commentarywatch.enrich.service.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.commentarywatch.enrich.service.embedding.Vectors;
import org.junit.jupiter.api.Test;

/** The decisions on small hand-made vectors: what is near, how novel, which duplicate, which story. */
class PlacementRulesTest {

    private static final PlacementRules RULES = new PlacementRules(5, 0.95, 0.80);
    private static final Optional<String> OWN = Optional.of("own");

    private static final float[] DOCUMENT = {1, 0, 0};

    /** A candidate at the cosine of the hand-made vector {x, y, 0} to the document. */
    private static Candidate at(String id, float x, float y, String cluster) {
        return new Candidate(id, "Title of " + id, Vectors.cosine(DOCUMENT, new float[] {x, y, 0}),
                Optional.ofNullable(cluster));
    }

    @Test
    void aDocumentWithNothingBeforeItIsEntirelyNovelAndStartsItsOwnStory() {
        Placement placement = RULES.place(OWN, List.of(), c -> true);

        assertTrue(placement.neighbours().isEmpty());
        assertEquals(1.0, placement.novelty());
        assertEquals(Optional.empty(), placement.nearDuplicateOf());
        assertEquals(OWN, placement.clusterId());
    }

    @Test
    void noveltyIsOneMinusTheClosestSimilarityAndNeighboursComeMostSimilarFirst() {
        Placement placement = RULES.place(OWN, List.of(at("far", 0, 1, null), at("near", 3, 4, null)), c -> true);

        assertEquals(List.of("near", "far"), placement.neighbours().stream().map(Candidate::id).toList());
        assertEquals(0.4, placement.novelty(), 1e-6); // cosine 0.6
    }

    @Test
    void reportsAtMostFiveNeighboursLeavingOutTheDocumentItselfAndRepeats() {
        List<Candidate> candidates = List.of(at("own", 1, 0, null), at("a", 9, 1, null), at("a", 9, 1, null),
                at("b", 8, 2, null), at("c", 7, 3, null), at("d", 6, 4, null), at("e", 5, 5, null), at("f", 4, 6, null));

        Placement placement = RULES.place(OWN, candidates, c -> true);

        assertEquals(List.of("a", "b", "c", "d", "e"), placement.neighbours().stream().map(Candidate::id).toList());
    }

    @Test
    void flagsANearDuplicateOnlyWhenTheTextsAgreeToo() {
        List<Candidate> candidates = List.of(at("copy", 100, 1, null), at("other", 100, 2, null));

        assertEquals(Optional.of("copy"), RULES.place(OWN, candidates, c -> true).nearDuplicateOf());
        assertEquals(Optional.of("other"),
                RULES.place(OWN, candidates, c -> c.id().equals("other")).nearDuplicateOf());
        assertEquals(Optional.empty(), RULES.place(OWN, candidates, c -> false).nearDuplicateOf());
    }

    @Test
    void aSimilarButNotAlmostIdenticalPieceIsNoDuplicateButSharesTheStory() {
        // cosine 0.894: same story, not the same text
        Placement placement = RULES.place(OWN, List.of(at("story", 2, 1, "cluster-7")), c -> true);

        assertEquals(Optional.empty(), placement.nearDuplicateOf());
        assertEquals(Optional.of("cluster-7"), placement.clusterId());
    }

    @Test
    void joiningAnEarlierPieceWithoutAClusterMakesItsIdTheCluster() {
        assertEquals(Optional.of("story"), RULES.place(OWN, List.of(at("story", 2, 1, null)), c -> true).clusterId());
    }

    @Test
    void belowTheStoryThresholdTheDocumentStartsItsOwnCluster() {
        // cosine 0.707
        Placement placement = RULES.place(OWN, List.of(at("related", 1, 1, "cluster-7")), c -> true);

        assertEquals(OWN, placement.clusterId());
        assertEquals(1, placement.neighbours().size());
    }

    @Test
    void aTextWithoutAnIdJoinsAStoryOrHasNoCluster() {
        assertEquals(Optional.empty(), RULES.place(Optional.empty(), List.of(at("x", 0, 1, null)), c -> true).clusterId());
        assertEquals(Optional.of("c"), RULES.place(Optional.empty(), List.of(at("x", 1, 0, "c")), c -> true).clusterId());
    }

    @Test
    void noveltyStaysWithinZeroAndOne() {
        assertEquals(0.0, RULES.place(OWN, List.of(new Candidate("x", null, 1.0000001, Optional.empty())), c -> true)
                .novelty());
        assertEquals(1.0, RULES.place(OWN, List.of(at("opposed", -1, 0, null)), c -> true).novelty());
    }
}
