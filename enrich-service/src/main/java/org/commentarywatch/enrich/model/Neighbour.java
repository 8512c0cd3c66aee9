package org.commentarywatch.enrich.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** An earlier document close to this one: {@code enrichment.neighbours[]}. @param similarity cosine, -1..1 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Neighbour(String id, String title, double similarity) {
}
