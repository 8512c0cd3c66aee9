package org.commentarywatch.ingest.messaging;

/** Kafka did not acknowledge a record: it refused it or did not answer in time. The caller may retry. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
