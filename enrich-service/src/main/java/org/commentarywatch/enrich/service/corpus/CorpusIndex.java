package org.commentarywatch.enrich.service.corpus;

import java.util.List;
import java.util.Optional;

/** Earlier documents, read-only. */
public interface CorpusIndex {

    /**
     * The {@code k} documents nearest the vector, most similar first, without {@code excludeId}; empty when
     * there is no index yet.
     *
     * @throws CorpusUnavailableException when the index cannot be asked now (retry later)
     */
    List<Candidate> nearest(float[] vector, Optional<String> excludeId, int k);

    /**
     * The {@code k} reference documents an analyst labelled (a stance at least) nearest the vector, most similar
     * first, with their {@link Candidate#labels()}; their labels vote on this document's themes and stance.
     *
     * @throws CorpusUnavailableException as above
     */
    List<Candidate> labelledNearest(float[] vector, Optional<String> excludeId, int k);

    /** The text of an earlier document, for the lexical check. @throws CorpusUnavailableException as above */
    Optional<String> text(String id);
}
