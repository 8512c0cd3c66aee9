package org.commentarywatch.search.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A rule as the API shows it: secrets masked, internal fields left out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleView(String id, String name, String query, RuleConditions conditions, String kind, WebhookTarget webhook,
                       String window, Integer minCount, Double factor, Integer baselineWindows, boolean enabled,
                       Instant createdAt, Instant updatedAt, String feed) {

    public static RuleView of(Rule rule, String publicUrl) {
        return new RuleView(rule.id(), rule.name(), rule.query(), rule.conditions(), rule.kind(),
                rule.webhook() == null ? null : rule.webhook().masked(), rule.window(), rule.minCount(), rule.factor(),
                rule.baselineWindows(), rule.enabled(), rule.createdAt(), rule.updatedAt(),
                publicUrl + "/api/rules/" + rule.id() + "/feed.atom");
    }
}
