package org.commentarywatch.enrich.service.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The decisions, apart from how candidates are found: nearest neighbours, novelty, near-duplicate, story cluster.
 *
 * @param neighbours how many neighbours to report
 * @param nearDuplicateSimilarity cosine at or above which a candidate may be a near-duplicate
 * @param storySimilarity cosine at or above which a candidate's story cluster is shared
 */
public record PlacementRules(int neighbours, double nearDuplicateSimilarity, double storySimilarity) {

    /**
     * @param candidates from any number of sources, in any order, possibly repeating one another or naming the
     *        document itself
     * @param sameText the lexical check a near-duplicate must also pass
     */
    public Placement place(Optional<String> ownId, List<Candidate> candidates, Predicate<Candidate> sameText) {
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            if (ownId.isPresent() && ownId.get().equals(candidate.id())) {
                continue;
            }
            best.merge(candidate.id(), candidate, (a, b) -> a.similarity() >= b.similarity() ? a : b);
        }
        List<Candidate> nearest = new ArrayList<>(best.values());
        nearest.sort(Comparator.comparingDouble(Candidate::similarity).reversed().thenComparing(Candidate::id));
        if (nearest.size() > neighbours) {
            nearest = new ArrayList<>(nearest.subList(0, neighbours));
        }
        double novelty = nearest.isEmpty() ? 1.0 : clamp(1.0 - nearest.get(0).similarity());
        Optional<String> nearDuplicateOf = nearest.stream()
                .filter(c -> c.similarity() >= nearDuplicateSimilarity)
                .filter(sameText)
                .map(Candidate::id)
                .findFirst();
        Optional<String> cluster = nearest.stream()
                .filter(c -> c.similarity() >= storySimilarity)
                .map(Candidate::cluster)
                .findFirst()
                .or(() -> ownId);
        return new Placement(List.copyOf(nearest), novelty, nearDuplicateOf, cluster);
    }

    private static double clamp(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }
}
