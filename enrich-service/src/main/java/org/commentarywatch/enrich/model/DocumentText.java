package org.commentarywatch.enrich.model;

import java.util.Optional;

/**
 * The part of a document the analysis reads, whether it came from Kafka or from the API.
 *
 * @param title empty when the document has none
 * @param languageHint an ISO 639 code the caller vouches for; detection is skipped when present
 */
public record DocumentText(String title, String text, Optional<String> languageHint) {

    public static DocumentText of(String title, String text) {
        return new DocumentText(title, text, Optional.empty());
    }
}
