package org.commentarywatch.enrich.service.corpus;

import java.util.Optional;

/**
 * An earlier document found near this one.
 *
 * @param similarity cosine, -1..1
 * @param clusterId its story cluster, when it has one
 */
public record Candidate(String id, String title, double similarity, Optional<String> clusterId) {

    /** The cluster a document joining this one's story gets. */
    public String cluster() {
        return clusterId.filter(c -> !c.isBlank()).orElse(id);
    }
}
