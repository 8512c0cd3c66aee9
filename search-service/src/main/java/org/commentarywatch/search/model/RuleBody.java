package org.commentarywatch.search.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What {@code POST /api/rules} and {@code PUT /api/rules/{id}} take.
 *
 * @param query   Lucene classic query syntax over title and text (every term required), with field queries
 *                such as {@code stance:convergence}; optional when there are conditions
 * @param kind    {@code match} (the default): every matching document raises an alert
 * @param enabled default true
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RuleBody(String name, String query, RuleConditions conditions, String kind, WebhookTarget webhook,
                       Boolean enabled) {
}
