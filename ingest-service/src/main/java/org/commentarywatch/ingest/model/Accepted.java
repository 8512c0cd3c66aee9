package org.commentarywatch.ingest.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer to an accepted submission. */
@Schema(description = "The document was written to Kafka.")
public record Accepted(
        @Schema(description = "Stable id: the same URL, or without one the same text, always gives the same id.",
                examples = "3f1c0a9e5b7d4c2a8e6f1b3d5a7c9e0f")
        String id) {
}
