package org.commentarywatch.enrich.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What the text itself states: the knowledge-base actors it names ({@code enrichment.actors}, most mentioned
 * first) and its hard facts ({@code enrichment.facts}, in text order). Written flat into {@link Enrichment}.
 *
 * @param truncated true when the text was longer than the analysis reads and only its beginning was analysed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TextFindings(List<ActorMention> actors, List<Fact> facts, @JsonIgnore boolean truncated) {

    public static TextFindings none() {
        return new TextFindings(List.of(), List.of(), false);
    }
}
