package org.commentarywatch.search.model;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One match of {@code GET /api/search}.
 *
 * @param snippet   HTML: text escaped, matched terms in {@code <em>}; the opening of the text when nothing was highlighted
 * @param published as the document gave it (a year, a month, a date or a date-time); absent when unknown
 * @param language  ISO 639 code from enrichment, {@code und} when unknown
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record SearchHit(String id, String title, String snippet, double score, Optional<String> published,
                        Optional<String> source, String language, boolean reference) {

    public SearchHit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(snippet, "snippet");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(language, "language");
    }
}
