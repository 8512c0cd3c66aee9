package org.commentarywatch.ingest.service;

import java.util.List;

import org.commentarywatch.ingest.model.Labels;
import org.commentarywatch.ingest.model.Vocabulary;

/** Labels feed evaluation and the classifiers' prototypes: a value outside the vocabulary would poison both. */
public final class LabelRules {

    private LabelRules() {
    }

    /** @throws InvalidDocumentException naming the first value that is not in its vocabulary */
    public static void validate(Labels labels) {
        labels.stance().ifPresent(stance -> requireKnown("labels.stance", stance, Vocabulary.STANCES));
        labels.themes().forEach(theme -> requireKnown("labels.themes", theme, Vocabulary.THEMES));
    }

    private static void requireKnown(String field, String value, List<String> vocabulary) {
        if (!vocabulary.contains(value)) {
            throw new InvalidDocumentException("invalid_label", field + ": '" + value + "' is not one of "
                    + String.join(", ", vocabulary));
        }
    }
}
