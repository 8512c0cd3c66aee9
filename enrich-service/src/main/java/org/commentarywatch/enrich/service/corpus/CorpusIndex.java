package org.commentarywatch.enrich.service.corpus;

import java.util.List;
import java.util.Optional;

/** Earlier documents, read-only. */
public interface CorpusIndex {

    /**
     * The documents nearest a vector, without {@code excludeId}, most similar first; empty lists when there is no
     * index yet.
     *
     * @param all the {@code k} nearest documents of any kind
     * @param labelled the {@code labelledK} nearest reference documents an analyst labelled (a stance at least), with
     *        their {@link Candidate#labels()}: their labels vote on this document's themes and stance
     */
    record Nearest(List<Candidate> all, List<Candidate> labelled) {
    }

    /**
     * Both neighbourhoods in one request: every document is placed against the corpus, so a second round trip
     * per document would be paid on every record.
     *
     * @throws CorpusUnavailableException when the index cannot be asked now (retry later)
     */
    Nearest nearest(float[] vector, Optional<String> excludeId, int k, int labelledK);

    /** The text of an earlier document, for the lexical check. @throws CorpusUnavailableException as above */
    Optional<String> text(String id);
}
