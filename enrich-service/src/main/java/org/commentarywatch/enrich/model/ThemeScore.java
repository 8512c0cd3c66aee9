package org.commentarywatch.enrich.model;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One theme of the document: an item of {@code enrichment.themes}.
 *
 * @param label one of the 14 theme labels
 * @param score 0..1
 * @param evidence a few of the terms that matched, and the prototype similarity when embeddings were used
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ThemeScore(String label, double score, List<String> evidence) {
}
