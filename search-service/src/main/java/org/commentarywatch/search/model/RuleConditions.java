package org.commentarywatch.search.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Structured conditions of a rule, checked after its query matched; every condition given must hold, and an
 * absent one does not constrain. Lists mean "any of".
 *
 * @param stance         the document's {@code enrichment.stance.label} is one of these
 * @param minStanceScore and its score is at least this
 * @param themes         at least one of the document's {@code enrichment.themes[].label} is one of these...
 * @param minThemeScore  ...with a score of at least this
 * @param actors         one of the document's actors has one of these ids or names (case-insensitive)
 * @param language       the document's {@code enrichment.language} is one of these
 * @param minNovelty     {@code enrichment.novelty} is at least this
 * @param similarTo      the document's vector is at least this similar (cosine) to that document's
 * @param reference      the document is (true) or is not (false) a reference document
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RuleConditions(List<String> stance, Double minStanceScore, List<String> themes, Double minThemeScore,
                             List<String> actors, List<String> language, Double minNovelty, SimilarTo similarTo,
                             Boolean reference) {

    public static final RuleConditions NONE = new RuleConditions(null, null, null, null, null, null, null, null, null);

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SimilarTo(String documentId, Double threshold) {
    }

    public boolean isEmpty() {
        return this.equals(NONE)
                || (empty(stance) && minStanceScore == null && empty(themes) && minThemeScore == null && empty(actors)
                && empty(language) && minNovelty == null && similarTo == null && reference == null);
    }

    private static boolean empty(List<String> list) {
        return list == null || list.isEmpty();
    }
}
