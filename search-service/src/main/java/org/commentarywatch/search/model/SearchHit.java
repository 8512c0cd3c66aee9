package org.commentarywatch.search.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One match of {@code GET /api/search} (or one neighbour of {@code GET /api/documents/{id}/similar}).
 *
 * @param snippet    HTML: text escaped, matched terms in {@code <em>}; the opening of the text when nothing was highlighted
 * @param score      relevance; for a neighbour, the cosine similarity of the two embeddings
 * @param published  as the document gave it (a year, a month, a date or a date-time); absent when unknown
 * @param language   ISO 639 code from enrichment, {@code und} when unknown
 * @param stance     the stance label from enrichment; absent when not analysed
 * @param themes     theme labels from enrichment
 * @param actors     actor names from enrichment
 * @param highlights per field ({@code title}, {@code text}), the HTML fragments with matches in {@code <em>}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record SearchHit(String id, String title, String snippet, double score, Optional<String> published,
                        Optional<String> source, String language, boolean reference, Optional<String> stance,
                        List<String> themes, List<String> actors, Optional<Double> novelty,
                        Map<String, List<String>> highlights) {

    public SearchHit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(snippet, "snippet");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(stance, "stance");
        Objects.requireNonNull(novelty, "novelty");
        themes = List.copyOf(themes);
        actors = List.copyOf(actors);
        highlights = Map.copyOf(highlights);
    }
}
