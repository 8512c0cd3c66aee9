package org.commentarywatch.enrich.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * How the document vector was made: {@code enrichment.embedding}.
 *
 * @param passages passages embedded
 * @param truncatedPassages passages cut out of a sentence longer than the model reads
 * @param omittedPassages passages of a very long text beyond {@code commentary.embedding.max-passages}, not
 *        embedded; written only when there are some
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EmbeddingSummary(
        String model,
        int passages,
        int truncatedPassages,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int omittedPassages) {
}
