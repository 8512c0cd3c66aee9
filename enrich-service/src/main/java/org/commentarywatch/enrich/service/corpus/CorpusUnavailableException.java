package org.commentarywatch.enrich.service.corpus;

/** The corpus cannot be asked now (Elasticsearch unreachable or overloaded): the answer would be wrong, not empty. */
public class CorpusUnavailableException extends RuntimeException {

    public CorpusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
