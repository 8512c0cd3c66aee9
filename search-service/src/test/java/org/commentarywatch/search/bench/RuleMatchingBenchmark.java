package org.commentarywatch.search.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.model.Rule;
import org.commentarywatch.search.model.RuleConditions;
import org.commentarywatch.search.service.RuleMatcher;

/**
 * Matching cost with many standing rules: generated rules and documents of 300 to 2,000 words over a shared Zipf-distributed
 * vocabulary, matched on one thread through the service's own {@link RuleMatcher} (Lucene Monitor with the
 * presearcher, matched-term extraction and the structured conditions). Not a test; run it as the README says:
 * {@code RuleMatchingBenchmark [rules=10000] [documents=2000] [seed=42]}.
 */
public final class RuleMatchingBenchmark {

    private static final String[] STANCES = BenchDocuments.STANCES;
    private static final String[] THEMES = BenchDocuments.THEMES;

    private RuleMatchingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int ruleCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int documentCount = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Random random = new Random(seed);
        BenchDocuments generator = new BenchDocuments(random);
        BenchDocuments.Vocabulary words = generator.words();

        List<Rule> rules = new ArrayList<>(ruleCount);
        for (int i = 0; i < ruleCount; i++) {
            rules.add(rule(i, words, random));
        }
        List<ObjectNode> documents = new ArrayList<>(documentCount);
        for (int i = 0; i < documentCount; i++) {
            documents.add(generator.document("doc-" + i));
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
            System.out.printf("rules: %d (registered in %.1f s), documents: %d of %d-%d words, one thread; load average %.1f%n",
                    ruleCount, registerSeconds, documentCount, BenchDocuments.MIN_WORDS, BenchDocuments.MAX_WORDS,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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
    private static Rule rule(int i, BenchDocuments.Vocabulary words, Random random) {
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
}
