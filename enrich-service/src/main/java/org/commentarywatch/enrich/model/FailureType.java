package org.commentarywatch.enrich.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code cause.type} of a dead-letter record: what went wrong, in a word a person can filter on. */
public enum FailureType {
    /** Not JSON, or JSON that is not an object. */
    MALFORMED_JSON("malformed_json"),
    /** No usable {@code id}, so the document cannot be keyed downstream. */
    MISSING_ID("missing_id"),
    /** No {@code text}, or only white space: nothing to enrich. */
    EMPTY_TEXT("empty_text"),
    /** The analysis itself failed on this document. */
    ENRICHMENT_FAILED("enrichment_failed"),
    /** The enriched record was refused by Kafka (too large, for instance). */
    PUBLISH_FAILED("publish_failed");

    private final String code;

    FailureType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
