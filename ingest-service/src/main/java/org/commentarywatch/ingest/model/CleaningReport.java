package org.commentarywatch.ingest.model;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the cleaning stage did to a text: its size before and after (non-blank lines, characters), the lines it
 * removed by kind ({@code page_number}, {@code running_header}, {@code caption}, ...) and what it repaired by kind
 * ({@code footnote_marker}, {@code hyphenation}, {@code reordered_line}, ...).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "What the cleaning stage removed and repaired.")
public record CleaningReport(
        int linesBefore,
        int linesAfter,
        int charsBefore,
        int charsAfter,
        Map<String, Integer> removed,
        Map<String, Integer> repaired) {

    public CleaningReport {
        removed = removed == null ? Map.of() : new TreeMap<>(removed);
        repaired = repaired == null ? Map.of() : new TreeMap<>(repaired);
    }

    public int removedLines() {
        return removed.values().stream().mapToInt(Integer::intValue).sum();
    }
}
