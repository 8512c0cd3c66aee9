package org.commentarywatch.search.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.model.Rule;
import org.commentarywatch.search.model.RuleConditions;
import org.commentarywatch.search.service.RuleMatcher;

/**
 * Matching cost with many standing rules: generated rules and 800-word documents over a shared Zipf-distributed
 * vocabulary, matched on one thread through the service's own {@link RuleMatcher} (Lucene Monitor with the
 * presearcher, matched-term extraction and the structured conditions). Not a test; run it as the README says:
 * {@code RuleMatchingBenchmark [rules=10000] [documents=2000] [seed=42]}.
 */
public final class RuleMatchingBenchmark {

    private static final String[] STANCES = { "convergence", "divergence", "neutral", "off_topic" };
    private static final String[] THEMES = { "energy", "military", "sanctions_economy", "ukraine", "taiwan", "nato_expansion",
            "us_indo_pacific", "world_order_ideology", "un_diplomacy", "technology", "central_asia", "history" };

    private RuleMatchingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int ruleCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int documentCount = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Random random = new Random(seed);
        Vocabulary words = new Vocabulary(20_000, random);

        List<Rule> rules = new ArrayList<>(ruleCount);
        for (int i = 0; i < ruleCount; i++) {
            rules.add(rule(i, words, random));
        }
        List<ObjectNode> documents = new ArrayList<>(documentCount);
        for (int i = 0; i < documentCount; i++) {
            documents.add(document(i, words, random));
        }

        try (RuleMatcher matcher = new RuleMatcher()) {
            long start = System.nanoTime();
            matcher.put(rules);
            double registerSeconds = (System.nanoTime() - start) / 1e9;

            int warmup = Math.min(300, documentCount);
            for (int i = 0; i < warmup; i++) {
                matcher.match(documents.get(i));
            }
            long[] nanos = new long[documentCount];
            long alerts = 0;
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            long total = System.nanoTime();
            for (int i = 0; i < documentCount; i++) {
                long t = System.nanoTime();
                alerts += matcher.match(documents.get(i)).size();
                nanos[i] = System.nanoTime() - t;
            }
            double totalSeconds = (System.nanoTime() - total) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            Arrays.sort(nanos);
            System.out.printf("rules: %d (registered in %.1f s), documents: %d of ~800 words, one thread%n", ruleCount,
                    registerSeconds, documentCount);
            System.out.printf("matching: %.3f ms/doc mean, p50 %.3f ms, p95 %.3f ms, p99 %.3f ms; %.0f docs/s; %.2f alerts/doc%n",
                    totalSeconds * 1000 / documentCount, nanos[documentCount / 2] / 1e6,
                    nanos[(int) (documentCount * 0.95)] / 1e6, nanos[(int) (documentCount * 0.99)] / 1e6,
                    documentCount / totalSeconds, (double) alerts / documentCount);
            // On a shared machine wall time includes waiting for a core; CPU time is the cost of matching itself.
            System.out.printf("cpu: %.3f ms/doc (this thread's CPU time; wall time above includes waiting for a core)%n",
                    cpuSeconds * 1000 / documentCount);
        }
    }

    /** A rule as analysts write them: a few specific words, sometimes a phrase, an OR, a NOT or a field, often a condition. */
    private static Rule rule(int i, Vocabulary words, Random random) {
        String a = words.specific(random);
        String b = words.specific(random);
        String c = words.specific(random);
        int shape = random.nextInt(20);
        String query;
        if (shape < 10) {
            query = a + " " + b;
        } else if (shape < 14) {
            query = "\"" + a + " " + b + "\"";
        } else if (shape < 17) {
            query = "(" + a + " OR " + b + " OR " + c + ") AND " + words.common(random);
        } else if (shape < 19) {
            query = a + " " + c + " AND NOT " + b;
        } else {
            query = "stance:" + STANCES[random.nextInt(STANCES.length)] + " AND " + a;
        }
        RuleConditions conditions = RuleConditions.NONE;
        if (random.nextInt(10) < 3) {
            conditions = new RuleConditions(List.of(STANCES[random.nextInt(2)]), null,
                    List.of(THEMES[random.nextInt(THEMES.length)]), null, null, null, random.nextBoolean() ? 0.5 : null,
                    null, null);
        }
        return new Rule("rule-" + i, "rule " + i, query, conditions, "match", null, true, Instant.EPOCH, Instant.EPOCH, null);
    }

    private static ObjectNode document(int i, Vocabulary words, Random random) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 800; w++) {
            text.append(words.zipf(random)).append(w % 17 == 16 ? ". " : " ");
        }
        StringBuilder title = new StringBuilder();
        for (int w = 0; w < 8; w++) {
            title.append(words.zipf(random)).append(' ');
        }
        return Fixtures.analysedDocument("doc-" + i, "bench", STANCES[random.nextInt(STANCES.length)],
                random.nextDouble(), THEMES[random.nextInt(THEMES.length)], THEMES[random.nextInt(THEMES.length)])
                .put("title", title.toString().trim()).put("text", text.toString());
    }

    /** Made-up words with Zipf frequencies (rank r drawn with probability ~ 1/r), like the words of real text. */
    private static final class Vocabulary {
        private final String[] words;
        private final double[] cumulative;

        Vocabulary(int size, Random random) {
            words = new String[size];
            cumulative = new double[size];
            double sum = 0;
            java.util.Set<String> seen = new java.util.HashSet<>();
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
