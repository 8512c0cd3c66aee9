package org.commentarywatch.enrich.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Body of {@code POST /api/analyze}. Absent fields become empty here, so that no null gets past the API: an
 * absent {@code text} is then simply blank, and refused as such.
 *
 * @param language optional ISO 639 code the caller vouches for; detection is skipped when given
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnalyzeRequest(Optional<String> title, String text, Optional<String> language) {

    public AnalyzeRequest {
        title = title == null ? Optional.empty() : title;
        text = text == null ? "" : text;
        language = language == null ? Optional.empty() : language;
    }
}
