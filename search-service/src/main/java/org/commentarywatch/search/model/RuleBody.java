package org.commentarywatch.search.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What {@code POST /api/rules} and {@code PUT /api/rules/{id}} take.
 *
 * @param query   Lucene classic query syntax over title and text (every term required), with field queries
 *                such as {@code stance:convergence}; optional when there are conditions
 * @param kind    {@code match} (the default): every matching document raises an alert; {@code threshold}: at least
 *                {@code min_count} matches in a {@code window}; {@code spike}: a window's count is {@code factor} times
 *                the mean of the {@code baseline_windows} before it, and at least {@code min_count}
 * @param enabled default true
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RuleBody(String name, String query, RuleConditions conditions, String kind, WebhookTarget webhook,
                       Boolean enabled, String window, Integer minCount, Double factor, Integer baselineWindows) {
}
