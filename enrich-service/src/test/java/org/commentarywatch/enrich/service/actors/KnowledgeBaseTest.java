package org.commentarywatch.enrich.service.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The knowledge base file: its shape, and what the tagger and Kibana need from it. */
class KnowledgeBaseTest {

    private static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = KnowledgeBase.load();
    }

    @Test
    void holdsAtLeastTwoHundredEntriesOfEveryType() {
        assertTrue(kb.entries().size() >= 200, "entries: " + kb.entries().size());
        for (String type : KnowledgeBaseEntry.TYPES) {
            assertTrue(kb.entries().values().stream().anyMatch(e -> e.type().equals(type)), "no entry of type " + type);
        }
    }

    @Test
    void everyEntryHasAValidTypeANameAndEnglishRussianAndChineseAliases() {
        for (KnowledgeBaseEntry e : kb.entries().values()) {
            assertTrue(KnowledgeBaseEntry.TYPES.contains(e.type()), e.id());
            assertFalse(e.name().isBlank(), e.id());
            assertFalse(e.aliases("en").isEmpty(), e.id() + " has no English alias");
            assertFalse(e.aliases("ru").isEmpty(), e.id() + " has no Russian alias");
            assertFalse(e.aliases("zh").isEmpty(), e.id() + " has no Chinese alias");
            assertTrue(e.aliases("ru").stream().anyMatch(a -> a.chars().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.CYRILLIC) || a.chars().allMatch(c -> c < 128)), e.id());
            assertTrue(e.aliases("zh").stream().anyMatch(a -> a.chars().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN) || a.chars().allMatch(c -> c < 128)), e.id());
            assertTrue(Set.of("en", "ru", "zh", "de", "fr", "es", "uk", "ja").containsAll(e.aliases().keySet()),
                    e.id() + ": unknown alias language");
        }
    }

    @Test
    void statesAndPlacesHaveCoordinatesInRangeAndPeopleBelongToAStateOfTheBase() {
        for (KnowledgeBaseEntry e : kb.entries().values()) {
            if (e.type().equals("state") || e.type().equals("place")) {
                assertNotNull(e.lat(), e.id());
                assertTrue(e.lat() >= -90 && e.lat() <= 90 && e.lon() >= -180 && e.lon() <= 180, e.id());
            }
            if (e.type().equals("person")) {
                assertNotNull(e.country(), e.id() + " has no country");
                assertEquals("state", kb.get(e.country()).type(), e.id());
            }
        }
    }

    @Test
    void coversTheActorsTheIssueNames() {
        for (String id : List.of("nato", "european-union", "sco", "brics", "csto", "eaeu", "quad", "aukus", "asean",
                "un-security-council", "g7", "g20", "cica", "opec-plus", "gazprom", "cnpc", "rosneft", "novatek",
                "power-of-siberia", "power-of-siberia-2", "belt-and-road", "yamal-lng", "huawei", "xinjiang", "crimea",
                "donbas", "taiwan-strait", "south-china-sea", "arctic", "vladivostok", "northern-sea-route",
                "hong-kong", "xi-jinping", "vladimir-putin")) {
            assertNotNull(kb.get(id), id);
        }
    }

    @Test
    void noAliasNamesTwoDifferentActors() {
        Map<String, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (KnowledgeBaseEntry e : kb.entries().values()) {
            e.aliases().values().forEach(aliases -> aliases.forEach(alias -> {
                String previous = owner.putIfAbsent(TextNormalizer.fold(alias), e.id());
                if (previous != null && !previous.equals(e.id())) {
                    clashes.add(alias + ": " + previous + " and " + e.id());
                }
            }));
        }
        assertEquals(List.of(), clashes);
    }

    @Test
    void unverifiedWikidataIdsAreNotPublished() {
        long verified = kb.entries().values().stream().filter(e -> e.publishedWikidata() != null).count();
        long unverified = kb.entries().values().stream()
                .filter(e -> e.wikidata() != null && e.publishedWikidata() == null).count();
        System.out.printf("knowledge base: %d entries, %d with a verified Wikidata id, %d with an unverified one%n",
                kb.entries().size(), verified, unverified);
        assertTrue(verified >= 50);
        KnowledgeBaseEntry sco = kb.get("sco");
        assertEquals(null, sco.publishedWikidata());
        assertEquals("Q148", kb.get("china").publishedWikidata());
    }

    @Test
    void refusesAnEntryWhoseCountryIsNotAState() {
        KnowledgeBaseEntry state = new KnowledgeBaseEntry("testland", "state", "Testland", null, null, null, 1.0, 1.0,
                Map.of("en", List.of("Testland")));
        KnowledgeBaseEntry person = new KnowledgeBaseEntry("someone", "person", "Someone", null, null, "nowhere", null,
                null, Map.of("en", List.of("Someone")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new KnowledgeBase(List.of(state, person), List.of()));
        assertTrue(e.getMessage().contains("country nowhere"), e.getMessage());
    }

    @Test
    void refusesDuplicateIdsBadTypesAndStarsInsideWords() {
        KnowledgeBaseEntry a = new KnowledgeBaseEntry("x", "state", "X", null, null, null, 1.0, 1.0,
                Map.of("en", List.of("X")));
        assertThrows(IllegalStateException.class, () -> new KnowledgeBase(List.of(a, a), List.of()));
        KnowledgeBaseEntry badType = new KnowledgeBaseEntry("y", "city", "Y", null, null, null, 1.0, 1.0,
                Map.of("en", List.of("Y")));
        assertThrows(IllegalStateException.class, () -> new KnowledgeBase(List.of(badType), List.of()));
        KnowledgeBaseEntry badStar = new KnowledgeBaseEntry("z", "bloc", "Z", null, null, null, null, null,
                Map.of("en", List.of("Zo*ne")));
        assertThrows(IllegalStateException.class, () -> new KnowledgeBase(List.of(badStar), List.of()));
    }
}
