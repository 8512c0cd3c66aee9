package org.commentarywatch.search.model;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A rule as stored in {@code commentary-rules}. Holds the webhook secret: never returned as is (see {@link RuleView}).
 *
 * @param similarToVector the vector of {@code conditions.similar_to.document_id}, read when the rule was saved
 * @param window          {@code threshold}/{@code spike}: ISO-8601 length of a window, e.g. {@code PT1H}
 * @param minCount        {@code threshold}: matches a window needs; {@code spike}: the least count that can be a spike
 * @param factor          {@code spike}: how many times its baseline a window's count must reach
 * @param baselineWindows {@code spike}: how many earlier windows the baseline is the mean of
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rule(String id, String name, String query, RuleConditions conditions, String kind, WebhookTarget webhook,
                   boolean enabled, Instant createdAt, Instant updatedAt, float[] similarToVector, String window,
                   Integer minCount, Double factor, Integer baselineWindows) {

    public static final String KIND_MATCH = "match";
    public static final String KIND_THRESHOLD = "threshold";
    public static final String KIND_SPIKE = "spike";

    /** A {@code match} rule. */
    public Rule(String id, String name, String query, RuleConditions conditions, String kind, WebhookTarget webhook,
                boolean enabled, Instant createdAt, Instant updatedAt, float[] similarToVector) {
        this(id, name, query, conditions, kind, webhook, enabled, createdAt, updatedAt, similarToVector, null, null, null,
                null);
    }

    @JsonCreator
    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        conditions = conditions == null ? RuleConditions.NONE : conditions;
        kind = kind == null ? KIND_MATCH : kind;
    }

    /** Evaluated on a schedule over counts in Elasticsearch rather than matched document by document. */
    public boolean isAggregate() {
        return KIND_THRESHOLD.equals(kind) || KIND_SPIKE.equals(kind);
    }

    /** The same rule with the webhook given (e.g. its secrets decrypted or encrypted). */
    public Rule withWebhook(WebhookTarget replacement) {
        return new Rule(id, name, query, conditions, kind, replacement, enabled, createdAt, updatedAt, similarToVector, window,
                minCount, factor, baselineWindows);
    }

    public boolean hasQuery() {
        return query != null && !query.isBlank();
    }

    @Override
    public String toString() {
        return "Rule[id=" + id + ", name=" + name + ", kind=" + kind + ", webhook=" + webhook + "]";
    }
}
