package org.commentarywatch.ingest.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.commentarywatch.ingest.model.Labels;
import org.junit.jupiter.api.Test;

class LabelRulesTest {

    private static Labels labels(String stance, List<String> themes) {
        return new Labels(Optional.ofNullable(stance), themes, List.of("Mongolia", "G7"), List.of("A. Person"),
                Optional.of("A Quarterly"), Optional.of("web"));
    }

    @Test
    void acceptsAStanceAndThemesFromTheVocabulary() {
        assertDoesNotThrow(() -> LabelRules.validate(labels("divergence", List.of("energy", "central_asia"))));
    }

    @Test
    void acceptsLabelsWithoutStanceOrThemes() {
        assertDoesNotThrow(() -> LabelRules.validate(labels(null, List.of())));
    }

    @Test
    void refusesAStanceOutsideTheVocabularyNamingIt() {
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class,
                () -> LabelRules.validate(labels("alliance", List.of())));
        assertEquals("invalid_label", e.kind());
        assertTrue(e.getMessage().contains("labels.stance") && e.getMessage().contains("'alliance'"), e.getMessage());
    }

    @Test
    void refusesAThemeOutsideTheVocabularyNamingIt() {
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class,
                () -> LabelRules.validate(labels("neutral", List.of("energy", "Energy"))));
        assertTrue(e.getMessage().contains("labels.themes") && e.getMessage().contains("'Energy'"), e.getMessage());
    }
}
