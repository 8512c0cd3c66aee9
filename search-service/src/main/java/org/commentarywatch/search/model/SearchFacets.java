package org.commentarywatch.search.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Counts over every match of a search (not only the page), most frequent first. Each key can be passed back as the
 * filter of the same name ({@code stance}, {@code theme}, {@code actor}, {@code source}) to narrow the search.
 *
 * @param actors          by actor name (documents mentioning each)
 * @param publishedPerDay documents per day of publication, oldest first; days without any are left out, and so
 *                        are documents without a publication date
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SearchFacets(List<Bucket> stance, List<Bucket> themes, List<Bucket> actors, List<Bucket> sources,
                           List<Bucket> publishedPerDay) {

    public SearchFacets {
        stance = List.copyOf(stance);
        themes = List.copyOf(themes);
        actors = List.copyOf(actors);
        sources = List.copyOf(sources);
        publishedPerDay = List.copyOf(publishedPerDay);
    }

    /** A value and how many matching documents have it (for the histogram: a day, {@code 2026-10-14}). */
    public record Bucket(String key, long count) {
        public Bucket {
            Objects.requireNonNull(key, "key");
        }
    }
}
