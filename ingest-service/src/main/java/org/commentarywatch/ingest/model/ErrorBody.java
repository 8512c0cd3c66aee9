package org.commentarywatch.ingest.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of every error answer of the API. */
@Schema(description = "What went wrong.")
public record ErrorBody(
        @Schema(description = "A short machine-readable kind, e.g. malformed_json, empty_text, kafka_unavailable.")
        String error,
        @Schema(description = "What was wrong, for a person.")
        String message) {
}
