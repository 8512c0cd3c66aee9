package org.commentarywatch.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void foldsCompatibilityCharacters() {
        // fi ligature, full-width letters, superscript two, no-break space
        assertEquals("first abc 2 km", TextNormalizer.normalize("ﬁrst ＡＢＣ ²\u00A0km"));
    }

    @Test
    void lowercasesIndependentlyOfTheDefaultLocale() {
        assertEquals("title in capitals", TextNormalizer.normalize("TITLE IN CAPITALS"));
    }

    @Test
    void collapsesEveryKindOfWhitespaceToOneSpaceAndTrims() {
        assertEquals("one two three four five",
                TextNormalizer.normalize("\n\t one \r\n two\u2003three \u2028 four\u3000five  \n"));
    }

    @Test
    void keepsPunctuationAndNonLatinScripts() {
        assertEquals("москва – пекин: «да»", TextNormalizer.normalize("Москва – Пекин:  «Да»"));
    }
}
