package org.commentarywatch.search.model;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A rule as stored in {@code commentary-rules}. Holds the webhook secret: never returned as is (see {@link RuleView}).
 *
 * @param similarToVector the vector of {@code conditions.similar_to.document_id}, read when the rule was saved
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rule(String id, String name, String query, RuleConditions conditions, String kind, WebhookTarget webhook,
                   boolean enabled, Instant createdAt, Instant updatedAt, float[] similarToVector) {

    public static final String KIND_MATCH = "match";

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        conditions = conditions == null ? RuleConditions.NONE : conditions;
        kind = kind == null ? KIND_MATCH : kind;
    }

    public boolean hasQuery() {
        return query != null && !query.isBlank();
    }

    @Override
    public String toString() {
        return "Rule[id=" + id + ", name=" + name + ", kind=" + kind + ", webhook=" + webhook + "]";
    }
}
