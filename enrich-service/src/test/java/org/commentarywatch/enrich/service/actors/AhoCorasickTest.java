package org.commentarywatch.enrich.service.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AhoCorasickTest {

    private static List<String> hits(List<String> keys, String text) {
        AhoCorasick automaton = new AhoCorasick(keys);
        List<String> found = new ArrayList<>();
        automaton.search(text, text.length(), (key, end) -> found.add(keys.get(key) + "@" + (end - automaton.keyLength(key))));
        return found;
    }

    @Test
    void findsEveryOccurrenceOfEveryKeyIncludingKeysInsideOtherKeys() {
        assertEquals(List.of("she@1", "he@2", "hers@2"), hits(List.of("he", "she", "his", "hers"), "ushers"));
    }

    @Test
    void followsFailureLinksAcrossPartialMatches() {
        assertEquals(List.of("abcd@2", "bcd@3"), hits(List.of("abcd", "bcd", "bce"), "ababcd"));
    }

    @Test
    void matchesChineseAndCyrillicKeysAndRepeatedOccurrences() {
        assertEquals(List.of("俄@2", "俄罗斯@2", "俄@6"), hits(List.of("俄", "俄罗斯"), "关于俄罗斯和俄方"));
        assertEquals(List.of("росси@0", "росси@9"), hits(List.of("росси"), "россия и россией"));
    }

    @Test
    void findsNothingInTextWithoutKeys() {
        assertEquals(List.of(), hits(List.of("nato"), "nothing to see"));
    }
}
