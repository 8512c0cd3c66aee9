package org.commentarywatch.enrich.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
        String enricher,
        // vector, embedding, neighbours, novelty, near_duplicate_of, cluster_id: flat in enrichment; null leaves them out
        @JsonUnwrapped SimilarityFindings similarity,
        // actors, facts: flat in enrichment; null leaves them out
        @JsonUnwrapped TextFindings textFindings,
        // themes, stance: flat in enrichment; null leaves them out
        @JsonUnwrapped Classification classification) {

    /** Without themes and stance. */
    public Enrichment(String language, double languageConfidence, int wordCount, int sentenceCount, Instant enrichedAt,
            String enricher, SimilarityFindings similarity, TextFindings textFindings) {
        this(language, languageConfidence, wordCount, sentenceCount, enrichedAt, enricher, similarity, textFindings,
                null);
    }
}
