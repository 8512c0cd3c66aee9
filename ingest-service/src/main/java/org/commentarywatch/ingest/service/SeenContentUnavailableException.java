package org.commentarywatch.ingest.service;

/** The memory of content already emitted cannot be read or written: Kafka is away. */
public class SeenContentUnavailableException extends RuntimeException {

    public SeenContentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
