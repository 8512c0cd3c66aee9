package org.commentarywatch.enrich.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What the document is about and which side it argues: {@code enrichment.themes} (highest score first, only those
 * above the threshold) and {@code enrichment.stance}. Written flat into {@link Enrichment}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Classification(List<ThemeScore> themes, Stance stance) {
}
