package org.commentarywatch.enrich.service.corpus;

import java.util.List;
import java.util.Optional;

/**
 * An earlier document found near this one.
 *
 * @param similarity cosine, -1..1
 * @param clusterId its story cluster, when it has one
 * @param labels an analyst's reading, when it is a labelled reference document
 */
public record Candidate(String id, String title, double similarity, Optional<String> clusterId,
        Optional<Labels> labels) {

    /** An analyst's stance and themes of a reference document. */
    public record Labels(String stance, List<String> themes) {
    }

    /** An unlabelled document. */
    public Candidate(String id, String title, double similarity, Optional<String> clusterId) {
        this(id, title, similarity, clusterId, Optional.empty());
    }

    /** The cluster a document joining this one's story gets. */
    public String cluster() {
        return clusterId.filter(c -> !c.isBlank()).orElse(id);
    }
}
