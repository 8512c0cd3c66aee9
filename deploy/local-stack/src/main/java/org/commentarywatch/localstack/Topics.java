package org.commentarywatch.localstack;

import java.util.List;

/** The topics of the pipeline, created by the stack. The services name them in their own configuration. */
public final class Topics {
    public static final String RAW = "commentary.raw";
    public static final String ENRICHED = "commentary.enriched";
    public static final String DLQ = "commentary.dlq";
    public static final List<String> ALL = List.of(RAW, ENRICHED, DLQ);

    private Topics() {
    }
}
