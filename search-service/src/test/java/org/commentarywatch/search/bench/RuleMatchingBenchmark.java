package org.commentarywatch.search.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.model.Rule;
import org.commentarywatch.search.model.RuleConditions;
import org.commentarywatch.search.service.RuleMatcher;
import org.commentarywatch.search.service.RuleQueries;

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
        // Documents per Monitor.match call: one at a time (what the service does), and batches of a few and of many.
        int[] batchSizes = Arrays.stream((args.length > 3 ? args[3] : "1,10,50").split(",")).mapToInt(Integer::parseInt).toArray();
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

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("rules: %d, documents: %d of %d-%d words, one thread; load average %.1f%n", ruleCount,
                documentCount, BenchDocuments.MIN_WORDS, BenchDocuments.MAX_WORDS, loadAverage());

        // Raw baseline: Lucene Monitor as shipped (default presearcher and configuration), the rules' queries only,
        // one document at a time; no conditions, no matched terms.
        double rawCpu;
        try (Monitor raw = new Monitor(RuleQueries.ANALYZER)) {
            long start = System.nanoTime();
            List<MonitorQuery> queries = new ArrayList<>(ruleCount);
            for (Rule rule : rules) {
                queries.add(new MonitorQuery(rule.id(), RuleQueries.parse(Optional.of(rule.query()))));
            }
            raw.register(queries);
            System.out.printf("raw baseline: registered in %.1f s%n", (System.nanoTime() - start) / 1e9);
            List<Document> laidOut = documents.stream().map(RuleQueries::document).toList();
            for (int i = 0; i < Math.min(300, documentCount); i++) {
                raw.match(laidOut.get(i), QueryMatch.SIMPLE_MATCHER);
            }
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            long matches = 0;
            for (Document document : laidOut) {
                matches += raw.match(document, QueryMatch.SIMPLE_MATCHER).getMatchCount();
            }
            rawCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / documentCount;
            System.out.printf("raw baseline: cpu %.3f ms/doc, wall %.3f ms/doc, %.2f query matches/doc; load average %.1f%n",
                    rawCpu, (System.nanoTime() - wall) / 1e6 / documentCount, (double) matches / documentCount, loadAverage());
        }

        try (RuleMatcher matcher = new RuleMatcher()) {
            long start = System.nanoTime();
            matcher.put(rules);
            System.out.printf("RuleMatcher: registered in %.1f s%n", (System.nanoTime() - start) / 1e9);
            for (int batchSize : batchSizes) {
                for (int i = 0; i + batchSize <= Math.min(300, documentCount); i += batchSize) {
                    matcher.match(documents.subList(i, i + batchSize), batchSize);
                }
                long[] nanos = new long[(documentCount + batchSize - 1) / batchSize];
                long alerts = 0;
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                for (int b = 0; b < nanos.length; b++) {
                    long t = System.nanoTime();
                    List<ObjectNode> batch = documents.subList(b * batchSize, Math.min(documentCount, (b + 1) * batchSize));
                    for (List<RuleMatcher.RuleMatch> matches : matcher.match(batch, batchSize)) {
                        alerts += matches.size();
                    }
                    nanos[b] = System.nanoTime() - t;
                }
                double wallMs = (System.nanoTime() - wall) / 1e6 / documentCount;
                // On a shared machine wall time includes waiting for a core; CPU time is the cost of matching itself.
                double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / documentCount;
                Arrays.sort(nanos);
                System.out.printf("batch %2d: cpu %.3f ms/doc (%.2f x raw), wall %.3f ms/doc (batch p50 %.1f ms, p95 %.1f ms), "
                                + "%.2f alerts/doc; load average %.1f%n", batchSize, cpuMs, cpuMs / rawCpu, wallMs,
                        nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.95)] / 1e6,
                        (double) alerts / documentCount, loadAverage());
            }
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
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
