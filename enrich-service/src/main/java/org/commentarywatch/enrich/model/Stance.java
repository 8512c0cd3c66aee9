package org.commentarywatch.enrich.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Which side of the question the document argues: {@code enrichment.stance}.
 *
 * @param label {@code convergence}, {@code divergence}, {@code neutral} or {@code off_topic}
 * @param score 0..1, how clearly the evidence points to the label
 * @param decidedBy which evidence decided, in words a person can check
 * @param evidence the sentences that carry the stance (3–5 when the text has them)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Stance(String label, double score, String decidedBy, List<Sentence> evidence) {

    /**
     * @param start [start, end) character offsets of the sentence in the text; null when not located
     * @param score the sentence's cue balance, positive toward its leaning
     * @param leaning {@code convergence}, {@code divergence} or {@code neutral}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sentence(String text, Integer start, Integer end, double score, String leaning) {
    }
}
