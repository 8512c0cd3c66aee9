package org.commentarywatch.enrich.service.corpus;

import java.util.List;
import java.util.Optional;

/**
 * Where a document stands among earlier ones.
 *
 * @param neighbours nearest first
 * @param novelty 1 − the highest similarity, 1 when there is no earlier document
 * @param clusterId empty only for a document without an id (the API) that joins no earlier story
 */
public record Placement(List<Candidate> neighbours, double novelty, Optional<String> nearDuplicateOf,
        Optional<String> clusterId) {
}
