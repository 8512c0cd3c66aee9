package org.commentarywatch.ingest.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer of a corpus import: every file of {@code labels.json}, in its order, with the document id it became. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(description = "What a corpus import stored.")
public record CorpusImportResult(
        @Schema(description = "The directory read, absolute.")
        String directory,
        @Schema(description = "How many documents were written to Kafka.")
        int imported,
        List<ImportedFile> documents) {

    public CorpusImportResult {
        documents = List.copyOf(documents);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ImportedFile(String file, String id, String title) {
    }
}
