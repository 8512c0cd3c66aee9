package org.commentarywatch.search.bench;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.Fixtures;

/**
 * Generated enriched documents for the benchmarks: 300 to 2,000 words of made-up text over a Zipf-distributed
 * vocabulary (so some words are everywhere and most are rare, as in real text), with the analysis enrich-service
 * adds (stance, themes, actors, novelty) and a 384-dimension vector.
 */
final class BenchDocuments {

    static final String[] STANCES = { "convergence", "divergence", "neutral", "off_topic" };
    static final String[] THEMES = { "energy", "military", "sanctions_economy", "ukraine", "taiwan", "nato_expansion",
            "us_indo_pacific", "world_order_ideology", "un_diplomacy", "technology", "central_asia", "history" };
    static final int MIN_WORDS = 300;
    static final int MAX_WORDS = 2_000;

    private final Vocabulary words;
    private final Random random;

    BenchDocuments(Random random) {
        this.random = random;
        this.words = new Vocabulary(20_000, random);
    }

    Vocabulary words() {
        return words;
    }

    ObjectNode document(String id) {
        int length = MIN_WORDS + random.nextInt(MAX_WORDS - MIN_WORDS + 1);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < length; w++) {
            text.append(words.zipf(random)).append(w % 17 == 16 ? ". " : " ");
        }
        StringBuilder title = new StringBuilder();
        for (int w = 0; w < 8; w++) {
            title.append(words.zipf(random)).append(' ');
        }
        ObjectNode document = Fixtures.analysedDocument(id, "bench", STANCES[random.nextInt(STANCES.length)],
                random.nextDouble(), THEMES[random.nextInt(THEMES.length)], THEMES[random.nextInt(THEMES.length)]);
        document.put("title", title.toString().trim()).put("text", text.toString());
        ObjectNode enrichment = (ObjectNode) document.get("enrichment");
        enrichment.put("word_count", length);
        ArrayNode vector = enrichment.putArray("vector");
        for (int i = 0; i < 384; i++) {
            vector.add((float) random.nextGaussian());
        }
        return document;
    }

    /** Made-up words with Zipf frequencies (rank r drawn with probability ~ 1/r), like the words of real text. */
    static final class Vocabulary {
        private final String[] words;
        private final double[] cumulative;

        Vocabulary(int size, Random random) {
            words = new String[size];
            cumulative = new double[size];
            double sum = 0;
            Set<String> seen = new HashSet<>();
            for (int r = 0; r < size; r++) {
                String word;
                do {
                    word = word(r, random);
                } while (!seen.add(word)); // distinct words: a rare word must not be a frequent one in disguise
                words[r] = word;
                sum += 1.0 / (r + 1);
                cumulative[r] = sum;
            }
            for (int r = 0; r < size; r++) {
                cumulative[r] /= sum;
            }
        }

        private static String word(int rank, Random random) {
            StringBuilder word = new StringBuilder();
            int length = 4 + Math.min(5, rank / 4000) + random.nextInt(3);
            for (int k = 0; k < length; k++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            return word.toString();
        }

        String zipf(Random random) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble());
            return words[index >= 0 ? index : Math.min(words.length - 1, -index - 1)];
        }

        /** A word outside the 1,000 most frequent: what a rule names (names, places, subjects, not function words). */
        String specific(Random random) {
            return words[1_000 + random.nextInt(words.length - 1_000)];
        }

        String common(Random random) {
            return words[50 + random.nextInt(450)];
        }
    }
}
