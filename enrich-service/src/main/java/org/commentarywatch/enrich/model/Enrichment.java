package org.commentarywatch.enrich.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What enrich-service found in one document: the {@code enrichment} object of
 * {@code enriched-document.schema.json}, and the body of {@code POST /api/analyze}.
 *
 * @param language ISO 639-1 code where one exists, else ISO 639-3; {@code und} when undetermined
 * @param languageConfidence 0..1, how clearly the text points to one language (see the README)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Enrichment(
        String language,
        double languageConfidence,
        int wordCount,
        int sentenceCount,
        // A string whatever the mapper's date settings: the schema wants an RFC 3339 date-time.
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant enrichedAt,
        String enricher) {
}
