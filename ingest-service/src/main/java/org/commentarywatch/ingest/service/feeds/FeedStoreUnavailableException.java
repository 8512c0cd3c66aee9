package org.commentarywatch.ingest.service.feeds;

/** The feed topic could not be read or written (Kafka away). Answered with 503. */
public class FeedStoreUnavailableException extends RuntimeException {

    public FeedStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
