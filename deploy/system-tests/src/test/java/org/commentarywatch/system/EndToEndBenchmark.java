package org.commentarywatch.system;

import static org.commentarywatch.system.SystemHttp.JSON;
import static org.commentarywatch.system.SystemHttp.parse;
import static org.commentarywatch.system.SystemHttp.postJson;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.commentarywatch.enrich.service.SentenceSplitter;
import org.commentarywatch.enrich.service.embedding.MiniLm;
import org.commentarywatch.enrich.service.embedding.Passage;
import org.commentarywatch.enrich.service.embedding.Passages;
import org.commentarywatch.localstack.ServiceProcess;
import org.commentarywatch.localstack.StackSettings;
import org.commentarywatch.localstack.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The end-to-end benchmark (issue 7, item 4): the local stack and the three packaged services (each with
 * {@code -Xmx512m}), 1,000 alert rules with webhooks to a local receiver, synthetic commentary in five languages
 * with duplicates and near-duplicates, and in the same run the raw baselines (the embedding model alone, Kafka
 * produce/consume, Elasticsearch bulk of the same documents). It prints a table and writes
 * {@code target/benchmark.json}; it asserts only that every document arrived, never a speed.
 * <p>
 * Not part of {@code ./mvnw verify} (the name matches neither *Test nor *IT): run {@code deploy/benchmark.sh}, or
 * {@code ./mvnw -pl deploy/system-tests verify -Dit.test=EndToEndBenchmark -Dbenchmark.documents=300}.
 * Settings (system properties): {@code benchmark.documents} (throughput phase, 400), {@code benchmark.rate}
 * (latency phase, documents/s, 5), {@code benchmark.latency-seconds} (60), {@code benchmark.rules} (1000),
 * {@code benchmark.warm-up-documents} (2500, pushed through before the throughput phase and not counted: the JIT
 * compilers of every JVM settle only after about 2,000 documents).
 * <p>
 * CPU is accounted per phase for every process from the kernel ({@link CpuAccount}): the services, Elasticsearch,
 * Kafka, this JVM, "other", and of each JVM its JIT compiler threads; Elasticsearch's own work counters (searches,
 * indexing, refreshes, merges, flushes, GC) come with it, so that its CPU can be told apart.
 */
@ExtendWith(RunningSystem.Extension.class)
class EndToEndBenchmark {

    private static final int DOCUMENTS = Integer.getInteger("benchmark.documents", 400);
    private static final double RATE = Double.parseDouble(System.getProperty("benchmark.rate", "5"));
    private static final int LATENCY_SECONDS = Integer.getInteger("benchmark.latency-seconds", 60);
    private static final int RULES = Integer.getInteger("benchmark.rules", 1000);
    /** Pieces pushed through before the throughput phase and not counted: the services start cold (JIT, pools, caches). */
    private static final int WARM_UP = Integer.getInteger("benchmark.warm-up-documents", 2500);
    /** Share of the throughput phase's pieces that match a rule (and so cause a webhook call). */
    private static final double MATCHING_SHARE = 0.2;
    private static final int POSTING_THREADS = 4;
    private static final int RULE_THREADS = 16;
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofMinutes(10);
    /**
     * How often the benchmark asks Elasticsearch what is searchable. Every ask costs Elasticsearch (and this JVM) CPU
     * that the pipeline would otherwise have: a count in the throughput phase, a filter on the pending ids in the
     * latency phase (whose resolution this is: a document is seen at most this much after a refresh exposed it).
     */
    private static final Duration THROUGHPUT_POLL = Duration.ofMillis(250);
    private static final Duration LATENCY_POLL = Duration.ofMillis(200);
    /** enrich-service's passage settings (commentary.embedding.*), so that the baseline embeds what the service embeds. */
    private static final int MAX_PASSAGES = 64;
    private static final int MAX_PASSAGE_TOKENS = 126;
    private static final int MAX_PASSAGE_SENTENCES = 4;
    private static final int EMBEDDING_THREADS = 2;
    private static final String ES_BASELINE_INDEX = "benchmark-bulk-baseline";
    private static final String KAFKA_BASELINE_TOPIC = "benchmark.baseline";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, Long> webhookNanos = new ConcurrentHashMap<>();
    private final AtomicInteger webhookCalls = new AtomicInteger();
    private final List<ResourceSample> samples = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> phase = new AtomicReference<>("start");
    /** CPU seconds of every process by phase, in phase order; documents of the phases that push documents. */
    private final Map<String, PhaseCpu> cpuByPhase = new LinkedHashMap<>();
    private final Map<String, Integer> phaseDocuments = new ConcurrentHashMap<>();
    private CpuAccount cpu;
    private CpuAccount.Snapshot phaseStart;
    private Map<String, Double> phaseStartWork = Map.of();
    private final ObjectNode report = JSON.createObjectNode();
    /** What did not arrive: written into the figures, and fails the run once they are written. */
    private final List<String> incomplete = new CopyOnWriteArrayList<>();
    private RunningSystem system;

    record ResourceSample(String phase, String service, double heapUsed, double heapCommitted) {
    }

    record PhaseCpu(double wallSeconds, Map<String, Double> cpuSeconds, Map<String, Double> jitSeconds,
                    Map<String, Double> elasticsearchWork) {
    }

    /**
     * What Elasticsearch spent its time on (node stats, milliseconds and counts since start): with its CPU seconds these
     * tell searches (enrich-service's kNN neighbours, the benchmark's own polls) from indexing, refreshes and merges.
     */
    private static final Map<String, String> ELASTICSEARCH_WORK = Map.ofEntries(
            Map.entry("search_queries", "/indices/search/query_total"),
            Map.entry("search_query_ms", "/indices/search/query_time_in_millis"),
            Map.entry("search_fetch_ms", "/indices/search/fetch_time_in_millis"),
            Map.entry("indexed_documents", "/indices/indexing/index_total"),
            Map.entry("indexing_ms", "/indices/indexing/index_time_in_millis"),
            Map.entry("refreshes", "/indices/refresh/total"),
            Map.entry("refresh_ms", "/indices/refresh/total_time_in_millis"),
            Map.entry("merges", "/indices/merges/total"),
            Map.entry("merge_ms", "/indices/merges/total_time_in_millis"),
            Map.entry("flush_ms", "/indices/flush/total_time_in_millis"),
            Map.entry("gc_young_ms", "/jvm/gc/collectors/young/collection_time_in_millis"),
            Map.entry("gc_old_ms", "/jvm/gc/collectors/old/collection_time_in_millis"));

    record Posted(String id, long nanos) {
    }

    @Test
    void measureThroughputLatencyAndResourcesAgainstRawBaselines(RunningSystem running) throws Exception {
        system = running;
        cpu = new CpuAccount(system.processGroups());
        report.put("started_at", Instant.now().toString());
        report.set("machine", machine());
        report.set("settings", JSON.createObjectNode().put("documents", DOCUMENTS).put("rate", RATE)
                .put("latency_seconds", LATENCY_SECONDS).put("rules", RULES).put("warm_up_documents", WARM_UP)
                .put("service_heap", "-Xmx512m")
                .put("partitions", system.settings().partitions())
                .put("elasticsearch_heap", system.settings().elasticsearchHeap()));

        HttpServer receiver = startReceiver();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try {
            // Every 2 s: each scrape costs the scraped service CPU that the figures would charge to the pipeline.
            sampler.scheduleAtFixedRate(this::sample, 0, 2, TimeUnit.SECONDS);
            String hook = "http://" + StackSettings.HOST + ":" + receiver.getAddress().getPort() + "/hook";
            String run = UUID.randomUUID().toString().substring(0, 8);
            phase("rules");
            loadRules(hook, run);

            List<SyntheticCommentary.Piece> load = SyntheticCommentary.generate(DOCUMENTS, 7L, "Benchmark " + run,
                    n -> n % Math.round(1 / MATCHING_SHARE) == 0 ? Optional.of(ruleToken(run, n % RULES)) : Optional.empty());
            int latencyCount = (int) Math.round(RATE * LATENCY_SECONDS);
            List<SyntheticCommentary.Piece> paced = SyntheticCommentary.generate(latencyCount, 11L, "Latency " + run,
                    n -> Optional.of(ruleToken(run, (RULES / 2 + n) % RULES)));
            List<SyntheticCommentary.Piece> warmUp = SyntheticCommentary.generate(WARM_UP, 3L, "Warm-up " + run,
                    n -> n % 2 == 0 ? Optional.of(ruleToken(run, (RULES / 3 + n) % RULES)) : Optional.empty());
            report.set("corpus", describe(load));

            phase("baseline-embedding");
            ObjectNode embeddingBefore = baselineEmbedding(load);
            phase("baseline-kafka");
            baselineKafka(load);
            phase("warm-up");
            warmUp(warmUp);
            phase("throughput");
            List<String> ids = throughputPhase(load);
            // Again right after: this machine's cores change speed by ~10 % within minutes (other tenants), and
            // the ratio should compare the pipeline with the model at the same time, not minutes apart.
            phase("baseline-embedding-after");
            report.set("baseline_embedding", bothBaselines(embeddingBefore, baselineEmbedding(load)));
            phase("latency");
            LatencyPosts posts = latencyPhase(paced);
            // Last: its bulk leaves Elasticsearch merging and compiling for a while, which the latency phase
            // would otherwise pay for.
            phase("baseline-elasticsearch");
            baselineElasticsearch(ids);
            phase("end");
            report.set("stage_counts", stageCounts());
            // After the CPU accounting: reading the topics back costs Kafka and this JVM a few seconds.
            report.with("latency").set("stages", stages(posts));
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
            receiver.stop(0);
        }
        report.set("resources", resources());
        report.set("cpu", cpuReport());
        report.set("ratios", ratios());
        report.put("finished_at", Instant.now().toString());
        report.put("load_average_end", loadAverage());
        report.set("incomplete", JSON.valueToTree(incomplete));
        Path out = Path.of("target", "benchmark.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toPrettyString());
        System.out.println(table());
        System.out.println("[EndToEndBenchmark] figures written to " + out.toAbsolutePath());
        assertTrue(incomplete.isEmpty(), String.join("; ", incomplete));
    }

    /** Samples are tagged with the phase, CPU is accounted per phase; the console shows how far the run is. */
    private synchronized void phase(String name) {
        CpuAccount.Snapshot now = cpu.snapshot();
        Map<String, Double> work = elasticsearchWork();
        String previous = phase.getAndSet(name);
        if (phaseStart != null) {
            Map<String, Double> workDone = new LinkedHashMap<>();
            work.forEach((key, value) -> workDone.put(key, value - phaseStartWork.getOrDefault(key, 0.0)));
            cpuByPhase.put(previous, new PhaseCpu(seconds(now.nanos() - phaseStart.nanos()), now.since(phaseStart),
                    now.jitSince(phaseStart), workDone));
        }
        phaseStart = now;
        phaseStartWork = work;
        System.out.printf("[EndToEndBenchmark] %s phase %s (load %s)%n", Instant.now(), name, loadAverage());
    }

    // ---- the pipeline ----

    private void loadRules(String hook, String run) throws Exception {
        long start = System.nanoTime();
        // Each rule is stored in Elasticsearch before the API answers: calls in parallel, or loading takes minutes.
        ExecutorService pool = Executors.newFixedThreadPool(RULE_THREADS);
        try {
            List<Future<Integer>> created = new ArrayList<>();
            for (int i = 0; i < RULES; i++) {
                int n = i;
                created.add(pool.submit(() -> {
                    ObjectNode rule = JSON.createObjectNode().put("name", "Benchmark rule " + n).put("query", ruleToken(run, n));
                    rule.putObject("webhook").put("url", hook).put("secret", "whsec_benchmark_" + run);
                    return postJson(system.search().url() + "/api/rules", rule.toString(), Duration.ofSeconds(30)).statusCode();
                }));
            }
            for (Future<Integer> status : created) {
                int code = status.get();
                if (code != 201) {
                    throw new IllegalStateException("creating a rule answered " + code);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        report.set("rules", JSON.createObjectNode().put("count", RULES).put("seconds", seconds(System.nanoTime() - start)));
    }

    private List<String> throughputPhase(List<SyntheticCommentary.Piece> pieces) throws Exception {
        long start = System.nanoTime();
        List<Posted> posted = postAll(pieces);
        long postedAll = System.nanoTime();
        Set<String> ids = new LinkedHashSet<>();
        posted.forEach(p -> ids.add(p.id()));
        // The indexed count over time: the sustained rate is read between 10 % and 90 % of the documents.
        List<long[]> timeline = new ArrayList<>();
        long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
        long indexed = 0;
        while (indexed < ids.size() && System.nanoTime() < deadline) {
            indexed = SystemHttp.countIds(system.elasticsearchUrl(), ids);
            timeline.add(new long[] { System.nanoTime() - start, indexed });
            Thread.sleep(THROUGHPUT_POLL.toMillis());
        }
        if (indexed < ids.size()) {
            incomplete.add("throughput phase: only " + indexed + " of " + ids.size() + " documents indexed within " + ARRIVAL_TIMEOUT);
        }
        long end = timeline.get(timeline.size() - 1)[0];
        double low = Math.ceil(ids.size() * 0.1);
        double high = Math.min(indexed, Math.ceil(ids.size() * 0.9));
        double sustained = high > low
                ? (high - low) / Math.max(1e-9, seconds(firstReaching(timeline, high) - firstReaching(timeline, low)))
                : Double.NaN;
        phaseDocuments.put("throughput", ids.size());
        report.set("throughput", JSON.createObjectNode()
                .put("submissions", pieces.size())
                .put("distinct_documents", ids.size())
                .put("words", pieces.stream().mapToLong(SyntheticCommentary.Piece::words).sum())
                .put("ingest_accept_seconds", seconds(postedAll - start))
                .put("ingest_accept_docs_per_s", pieces.size() / seconds(postedAll - start))
                .put("all_indexed_seconds", seconds(end))
                .put("overall_docs_per_s", ids.size() / seconds(end))
                .put("sustained_docs_per_s", sustained));
        return List.copyOf(ids);
    }

    /** Elasticsearch's cumulative work counters ({@link #ELASTICSEARCH_WORK}); empty when the node does not answer. */
    private Map<String, Double> elasticsearchWork() {
        Map<String, Double> work = new java.util.TreeMap<>();
        try {
            JsonNode nodes = parse(SystemHttp.get(system.elasticsearchUrl() + "/_nodes/_local/stats/indices,jvm").body()).path("nodes");
            JsonNode node = nodes.elements().hasNext() ? nodes.elements().next() : JSON.createObjectNode();
            ELASTICSEARCH_WORK.forEach((key, pointer) -> {
                JsonNode value = node.at(pointer);
                if (value.isNumber()) {
                    work.put(key, value.asDouble());
                }
            });
        } catch (IOException | RuntimeException e) {
            // the figures go without the breakdown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return work;
    }

    /** Pushes the warm-up pieces and waits until all are searchable and every webhook they cause has arrived. */
    private void warmUp(List<SyntheticCommentary.Piece> pieces) throws Exception {
        long start = System.nanoTime();
        List<Posted> posted = postAll(pieces);
        Set<String> ids = new LinkedHashSet<>();
        Set<String> hooked = new HashSet<>();
        for (int i = 0; i < pieces.size(); i++) {
            ids.add(posted.get(i).id());
            if (pieces.get(i).ruleToken().isPresent()) {
                hooked.add(posted.get(i).id());
            }
        }
        long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
        long indexed = 0;
        while (System.nanoTime() < deadline && ((indexed = SystemHttp.countIds(system.elasticsearchUrl(), ids)) < ids.size()
                || !webhookNanos.keySet().containsAll(hooked))) {
            Thread.sleep(THROUGHPUT_POLL.toMillis());
        }
        if (indexed < ids.size() || !webhookNanos.keySet().containsAll(hooked)) {
            incomplete.add("warm-up: " + indexed + " of " + ids.size() + " documents indexed, webhooks for "
                    + hooked.stream().filter(webhookNanos::containsKey).count() + " of " + hooked.size() + " within " + ARRIVAL_TIMEOUT);
        }
        phaseDocuments.put("warm-up", ids.size());
        report.set("warm_up", JSON.createObjectNode().put("submissions", pieces.size()).put("documents", ids.size())
                .put("seconds", seconds(System.nanoTime() - start)));
    }

    private static long firstReaching(List<long[]> timeline, double count) {
        return timeline.stream().filter(point -> point[1] >= count).findFirst().orElseThrow()[0];
    }

    private List<Posted> postAll(List<SyntheticCommentary.Piece> pieces) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(POSTING_THREADS);
        try {
            List<Future<Posted>> futures = new ArrayList<>();
            for (SyntheticCommentary.Piece piece : pieces) {
                futures.add(pool.submit(() -> post(piece)));
            }
            List<Posted> posted = new ArrayList<>();
            for (Future<Posted> future : futures) {
                posted.add(future.get());
            }
            return posted;
        } finally {
            pool.shutdownNow();
        }
    }

    private Posted post(SyntheticCommentary.Piece piece) throws IOException, InterruptedException {
        long nanos = System.nanoTime();
        HttpResponse<String> response = postJson(system.ingest().url() + "/api/documents", submission(piece).toString(),
                Duration.ofSeconds(60));
        if (response.statusCode() != 202) {
            throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
        }
        return new Posted(parse(response.body()).path("id").asText(), nanos);
    }

    private static ObjectNode submission(SyntheticCommentary.Piece piece) {
        ObjectNode document = JSON.createObjectNode().put("title", piece.title()).put("text", piece.text())
                .put("source", "benchmark").put("published", "2026-11-30");
        document.putArray("authors").add("Benchmark Generator");
        return document;
    }

    /** The latency phase's documents: when each was posted (nanoTime) and what it was. */
    record LatencyPosts(Map<String, Long> postedAt, Map<String, SyntheticCommentary.Piece> pieceOf) {
    }

    private LatencyPosts latencyPhase(List<SyntheticCommentary.Piece> pieces) throws Exception {
        long periodNanos = (long) (1e9 / RATE);
        Map<String, Long> postedAt = new ConcurrentHashMap<>();
        Map<String, SyntheticCommentary.Piece> pieceOf = new ConcurrentHashMap<>();
        Map<String, Long> visibleAt = new ConcurrentHashMap<>();
        // Polled while posting: a document counts as indexed when a search finds it (the index refreshes every second);
        // only the pending ids are asked for, in filter context (no scoring), and only their ids come back.
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        poller.scheduleWithFixedDelay(() -> {
            Set<String> pending = new HashSet<>(postedAt.keySet());
            pending.removeAll(visibleAt.keySet());
            if (!pending.isEmpty()) {
                try {
                    long now = System.nanoTime();
                    SystemHttp.presentIds(system.elasticsearchUrl(), pending).forEach(id -> visibleAt.putIfAbsent(id, now));
                } catch (IOException | RuntimeException e) {
                    // a search that fails under load is retried at the next poll
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, 0, LATENCY_POLL.toMillis(), TimeUnit.MILLISECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(POSTING_THREADS);
        List<Future<?>> posts = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < pieces.size(); i++) {
                long due = start + i * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                SyntheticCommentary.Piece piece = pieces.get(i);
                posts.add(pool.submit(() -> {
                    Posted posted = post(piece);
                    // A duplicate's second post is not a new document: its latency is its first post's.
                    if (piece.kind() != SyntheticCommentary.Kind.EXACT_DUPLICATE) {
                        postedAt.putIfAbsent(posted.id(), posted.nanos());
                        pieceOf.putIfAbsent(posted.id(), piece);
                    }
                    return null;
                }));
            }
            for (Future<?> post : posts) {
                post.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double pacedSeconds = seconds(System.nanoTime() - start);
        long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline
                && (visibleAt.size() < postedAt.size() || !webhookNanos.keySet().containsAll(postedAt.keySet()))) {
            Thread.sleep(200);
        }
        poller.shutdownNow();
        List<Double> indexed = new ArrayList<>();
        List<Double> webhook = new ArrayList<>();
        postedAt.forEach((id, posted) -> {
            Long seen = visibleAt.get(id);
            if (seen != null) {
                indexed.add((seen - posted) / 1e6);
            }
            Long called = webhookNanos.get(id);
            if (called != null) {
                webhook.add((called - posted) / 1e6);
            }
        });
        phaseDocuments.put("latency", postedAt.size());
        ObjectNode latency = JSON.createObjectNode().put("submissions", pieces.size()).put("documents", postedAt.size())
                .put("paced_seconds", pacedSeconds).put("achieved_rate", pieces.size() / pacedSeconds)
                .put("indexed", indexed.size()).put("webhooks", webhook.size());
        latency.set("ingest_to_indexed_ms", percentiles(indexed));
        latency.set("ingest_to_webhook_ms", percentiles(webhook));
        report.set("latency", latency);
        if (indexed.size() < postedAt.size() || webhook.size() < postedAt.size()) {
            incomplete.add("latency phase: of " + postedAt.size() + " documents " + indexed.size() + " indexed and "
                    + webhook.size() + " webhooks received within " + ARRIVAL_TIMEOUT + " after the last post");
        }
        return new LatencyPosts(postedAt, pieceOf);
    }

    /**
     * Where the latency phase's time went, document by document: post → on {@code commentary.raw} (ingest),
     * → on {@code commentary.enriched} (enrich, its queue included), → webhook received (search-service,
     * Elasticsearch, the alert and its delivery). The topic times are the records' CreateTime, set by the producing
     * service on this machine, so they share the benchmark's clock; the slowest documents are listed with their
     * language and length, which is what their embedding costs.
     */
    private ObjectNode stages(LatencyPosts posts) {
        Map<String, Long> postedAt = posts.postedAt();
        long epochMillisAtNanoZero = System.currentTimeMillis() - System.nanoTime() / 1_000_000;
        Map<String, Long> raw = firstTimestamps(Topics.RAW, postedAt.keySet());
        Map<String, Long> enriched = firstTimestamps(Topics.ENRICHED, postedAt.keySet());
        List<Double> ingest = new ArrayList<>();
        List<Double> enrich = new ArrayList<>();
        List<Double> downstream = new ArrayList<>();
        List<ObjectNode> documents = new ArrayList<>();
        long firstPost = postedAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
        postedAt.forEach((id, posted) -> {
            Long onRaw = raw.get(id);
            Long onEnriched = enriched.get(id);
            Long called = webhookNanos.get(id);
            if (onRaw == null || onEnriched == null || called == null) {
                return;
            }
            double postedMs = epochMillisAtNanoZero + posted / 1e6;
            double calledMs = epochMillisAtNanoZero + called / 1e6;
            ingest.add(onRaw - postedMs);
            enrich.add((double) (onEnriched - onRaw));
            downstream.add(calledMs - onEnriched);
            SyntheticCommentary.Piece piece = posts.pieceOf().get(id);
            documents.add(JSON.createObjectNode().put("id", id).put("posted_at_s", Math.round((posted - firstPost) / 1e8) / 10.0)
                    .put("language", piece.language()).put("words", piece.words())
                    .put("total_ms", Math.round(calledMs - postedMs)).put("ingest_ms", Math.round(onRaw - postedMs))
                    .put("enrich_ms", onEnriched - onRaw).put("downstream_ms", Math.round(calledMs - onEnriched)));
        });
        ObjectNode stages = JSON.createObjectNode().put("documents", documents.size());
        stages.set("ingest_ms", percentiles(ingest));
        stages.set("enrich_ms", percentiles(enrich));
        stages.set("downstream_ms", percentiles(downstream));
        documents.sort((a, b) -> Long.compare(b.path("total_ms").asLong(), a.path("total_ms").asLong()));
        stages.set("slowest", JSON.valueToTree(documents.subList(0, Math.min(10, documents.size()))));
        return stages;
    }

    /** The CreateTime of each wanted key's first record on the topic. */
    private Map<String, Long> firstTimestamps(String topic, Set<String> wanted) {
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafkaBootstrapServers());
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName());
        Map<String, Long> first = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumer)) {
            List<TopicPartition> partitions = kafka.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> kafka.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                kafka.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (record.key() != null && wanted.contains(record.key())) {
                        first.putIfAbsent(record.key(), record.timestamp());
                    }
                });
            }
        }
        return first;
    }

    private HttpServer startReceiver() throws IOException {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(StackSettings.HOST, 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            webhookCalls.incrementAndGet();
            JsonNode payload = parse(new String(body, StandardCharsets.UTF_8));
            String id = payload.path("document").path("id").asText("");
            if (!id.isEmpty()) {
                webhookNanos.putIfAbsent(id, now);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        return receiver;
    }

    private static String ruleToken(String run, int rule) {
        return "bench" + run + "rule" + rule;
    }

    // ---- the raw baselines, in the same run ----

    /**
     * all-MiniLM-L6-v2 as enrich-service runs it, with enrich-service's own classes: its sentence splitter (in the
     * piece's language), its passages (up to 4 sentences under 126 word pieces, at most 64 per document), its
     * {@link MiniLm} (one-thread ONNX session called directly), two calling threads.
     */
    private ObjectNode baselineEmbedding(List<SyntheticCommentary.Piece> pieces) throws Exception {
        List<String> passages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int documents = 0;
        try (MiniLm model = MiniLm.load()) {
            for (SyntheticCommentary.Piece piece : pieces) {
                if (seen.add(piece.title() + "\n" + piece.text())) {
                    documents++;
                    List<String> sentences = SentenceSplitter.split(piece.text(), Locale.forLanguageTag(piece.language()));
                    Passages.build(sentences, model, MAX_PASSAGE_TOKENS, MAX_PASSAGE_SENTENCES).stream()
                            .limit(MAX_PASSAGES).map(Passage::text).forEach(passages::add);
                }
            }
            model.embed("warm-up passage");
            ExecutorService pool = Executors.newFixedThreadPool(EMBEDDING_THREADS);
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < EMBEDDING_THREADS; t++) {
                    workers.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < passages.size(); i = next.getAndIncrement()) {
                            model.embed(passages.get(i));
                        }
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double elapsed = seconds(System.nanoTime() - start);
            return JSON.createObjectNode().put("documents", documents)
                    .put("passages", passages.size()).put("seconds", elapsed)
                    .put("passages_per_s", passages.size() / elapsed).put("docs_per_s", documents / elapsed);
        }
    }

    /** The mean of the two runs is the baseline; both are kept. */
    private static ObjectNode bothBaselines(ObjectNode before, ObjectNode after) {
        ObjectNode both = JSON.createObjectNode();
        for (String rate : List.of("passages_per_s", "docs_per_s")) {
            both.put(rate, (before.path(rate).asDouble() + after.path(rate).asDouble()) / 2);
        }
        both.put("documents", before.path("documents").asInt()).put("passages", before.path("passages").asInt());
        both.set("before_warm_up", before);
        both.set("after_throughput", after);
        return both;
    }

    /** The same submissions, as JSON, produced with acks=all (as ingest-service does) and consumed back. */
    private void baselineKafka(List<SyntheticCommentary.Piece> pieces) throws Exception {
        List<String> payloads = pieces.stream().map(p -> submission(p).toString()).toList();
        int records = Math.max(payloads.size(), 5000 / payloads.size() * payloads.size());
        String servers = system.stack().kafkaBootstrapServers();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        int partitions = system.settings().partitions();
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(KAFKA_BASELINE_TOPIC, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties producer = new Properties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long bytes = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, String> kafka = new KafkaProducer<>(producer)) {
            for (int i = 0; i < records; i++) {
                String payload = payloads.get(i % payloads.size());
                bytes += payload.length();
                kafka.send(new ProducerRecord<>(KAFKA_BASELINE_TOPIC, "k" + i, payload));
            }
            kafka.flush();
        }
        double produced = seconds(System.nanoTime() - start);
        Properties consumer = new Properties();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        long consumed = 0;
        start = System.nanoTime();
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumer)) {
            List<TopicPartition> assigned = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                assigned.add(new TopicPartition(KAFKA_BASELINE_TOPIC, p));
            }
            // Assigned, not subscribed: a group join would add seconds that are not Kafka's throughput.
            kafka.assign(assigned);
            kafka.seekToBeginning(assigned);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (consumed < records && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> batch = kafka.poll(Duration.ofMillis(500));
                consumed += batch.count();
            }
        }
        double read = seconds(System.nanoTime() - start);
        report.set("baseline_kafka", JSON.createObjectNode().put("records", records).put("mb", bytes / 1e6)
                .put("produce_seconds", produced).put("produce_records_per_s", records / produced)
                .put("consumed", consumed).put("consume_seconds", read).put("consume_records_per_s", consumed / read));
    }

    /** The enriched documents as indexed (vectors included), bulk-indexed again into a new index with the same mapping. */
    private void baselineElasticsearch(Collection<String> ids) throws Exception {
        String es = system.elasticsearchUrl();
        JsonNode mappings = parse(SystemHttp.get(es + "/commentary/_mapping").body()).elements().next().path("mappings");
        ObjectNode query = JSON.createObjectNode().put("size", ids.size());
        query.putObject("query").putObject("ids").set("values", JSON.valueToTree(ids));
        JsonNode hits = parse(postJson(es + "/commentary/_search", query.toString(), Duration.ofSeconds(60)).body())
                .path("hits").path("hits");
        List<String> sources = new ArrayList<>();
        hits.forEach(hit -> sources.add(hit.path("_source").toString()));
        ObjectNode index = JSON.createObjectNode();
        index.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0);
        index.set("mappings", mappings);
        send("PUT", es + "/" + ES_BASELINE_INDEX, index.toString());
        int rounds = Math.max(1, (int) Math.ceil(2000.0 / sources.size()));
        int documents = 0;
        long start = System.nanoTime();
        StringBuilder bulk = new StringBuilder();
        int inBulk = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < sources.size(); i++) {
                bulk.append("{\"index\":{\"_id\":\"").append(round).append('-').append(i).append("\"}}\n")
                        .append(sources.get(i)).append('\n');
                documents++;
                // Batches of up to 500, as search-service's bulk requests.
                if (++inBulk == 500) {
                    bulk(es, bulk.toString());
                    bulk.setLength(0);
                    inBulk = 0;
                }
            }
        }
        if (inBulk > 0) {
            bulk(es, bulk.toString());
        }
        double elapsed = seconds(System.nanoTime() - start);
        send("DELETE", es + "/" + ES_BASELINE_INDEX, null);
        report.set("baseline_elasticsearch", JSON.createObjectNode().put("documents", documents)
                .put("seconds", elapsed).put("docs_per_s", documents / elapsed));
    }

    private static void bulk(String es, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(es + "/" + ES_BASELINE_INDEX + "/_bulk"))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || parse(response.body()).path("errors").asBoolean()) {
            throw new IllegalStateException("baseline bulk failed: " + response.body().substring(0, Math.min(2000, response.body().length())));
        }
    }

    private static void send(String method, String url, String body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    // ---- resources and what the services counted ----

    /** Heap only: CPU is read from the kernel for every process ({@link CpuAccount}), not scraped. */
    private void sample() {
        for (ServiceProcess service : system.services()) {
            try {
                PrometheusScrape scrape = PrometheusScrape.of(service.url());
                Map<String, String> heap = Map.of("area", "heap");
                samples.add(new ResourceSample(phase.get(), service.name(),
                        scrape.sum("jvm_memory_used_bytes", heap).orElse(Double.NaN),
                        scrape.sum("jvm_memory_committed_bytes", heap).orElse(Double.NaN)));
            } catch (IOException | RuntimeException e) {
                // a scrape that times out under load is a missing sample, not a failed benchmark
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private ObjectNode resources() {
        ObjectNode resources = JSON.createObjectNode();
        for (String service : RunningSystem.SERVICES) {
            List<ResourceSample> mine = samples.stream().filter(s -> s.service().equals(service)).toList();
            ObjectNode node = resources.putObject(service);
            node.put("samples", mine.size());
            node.put("heap_used_max_mb", mine.stream().mapToDouble(ResourceSample::heapUsed).filter(Double::isFinite).max().orElse(Double.NaN) / (1 << 20));
            node.put("heap_committed_max_mb", mine.stream().mapToDouble(ResourceSample::heapCommitted).filter(Double::isFinite).max().orElse(Double.NaN) / (1 << 20));
        }
        return resources;
    }

    /**
     * Per phase: wall seconds, and for every process (the services, Elasticsearch, Kafka, this JVM, "other" = the
     * machine's busy time that none of them used) CPU seconds, cores (CPU seconds / wall seconds) and, for the phases
     * that push documents, CPU seconds per document.
     */
    private ObjectNode cpuReport() {
        ObjectNode out = JSON.createObjectNode();
        cpuByPhase.forEach((name, phaseCpu) -> {
            ObjectNode node = out.putObject(name).put("wall_seconds", phaseCpu.wallSeconds());
            Integer documents = phaseDocuments.get(name);
            if (documents != null) {
                node.put("documents", documents);
            }
            ObjectNode processes = node.putObject("processes");
            phaseCpu.cpuSeconds().forEach((process, seconds) -> {
                ObjectNode p = processes.putObject(process).put("cpu_seconds", seconds)
                        .put("cores", seconds / Math.max(1e-9, phaseCpu.wallSeconds()));
                Double jit = phaseCpu.jitSeconds().get(process);
                if (jit != null) {
                    p.put("jit_cpu_seconds", jit);
                }
                if (documents != null && documents > 0) {
                    p.put("cpu_seconds_per_document", seconds / documents);
                    if (jit != null) {
                        p.put("jit_cpu_seconds_per_document", jit / documents);
                    }
                }
            });
            node.set("elasticsearch_work", JSON.valueToTree(phaseCpu.elasticsearchWork()));
            if (documents != null && documents > 0) {
                double outside = phaseCpu.cpuSeconds().entrySet().stream()
                        .filter(e -> !RunningSystem.SERVICES.contains(e.getKey()) && !e.getKey().equals(CpuAccount.OTHER)
                                && !e.getKey().equals(CpuAccount.SYSTEM))
                        .mapToDouble(Map.Entry::getValue).sum();
                node.put("stack_and_benchmark_cpu_seconds_per_document", outside / documents);
                node.put("jit_cpu_seconds_per_document", phaseCpu.jitSeconds().values().stream().mapToDouble(Double::doubleValue).sum() / documents);
            }
        });
        return out;
    }

    private ObjectNode stageCounts() throws IOException, InterruptedException {
        ObjectNode counts = JSON.createObjectNode();
        for (ServiceProcess service : system.services()) {
            ObjectNode node = counts.putObject(service.name());
            PrometheusScrape.of(service.url()).select("commentary_documents_total", Map.of())
                    .forEach(s -> node.put(s.labels().get("stage") + "." + s.labels().get("outcome"), s.value()));
        }
        counts.put("webhook_calls_received", webhookCalls.get());
        return counts;
    }

    private ObjectNode ratios() {
        ObjectNode ratios = JSON.createObjectNode();
        double endToEnd = report.path("throughput").path("sustained_docs_per_s").asDouble(Double.NaN);
        double embedding = report.path("baseline_embedding").path("docs_per_s").asDouble(Double.NaN);
        ratios.put("end_to_end_over_raw_embedding", endToEnd / embedding).put("end_to_end_over_raw_embedding_target", 0.7);
        ratios.put("p99_ingest_to_webhook_ms", report.path("latency").path("ingest_to_webhook_ms").path("p99").asDouble(Double.NaN))
                .put("p99_ingest_to_webhook_target_ms", 2000);
        double heap = 0;
        for (String service : RunningSystem.SERVICES) {
            heap = Math.max(heap, report.path("resources").path(service).path("heap_used_max_mb").asDouble(0));
        }
        ratios.put("max_service_heap_used_mb", heap).put("service_heap_target_mb", 512);
        return ratios;
    }

    // ---- output ----

    private String table() {
        StringBuilder out = new StringBuilder("\n==== commentary watch end-to-end benchmark ====\n");
        JsonNode m = report.path("machine");
        line(out, "machine", m.path("cpus").asText() + " cpus, " + m.path("memory_mb").asText() + " MB, load " + m.path("load_average").asText()
                + " -> " + report.path("load_average_end").asText());
        JsonNode c = report.path("corpus");
        line(out, "corpus", c.path("submissions").asText() + " submissions, " + c.path("languages") + ", " + c.path("kinds")
                + ", words " + c.path("words_min").asText() + "–" + c.path("words_max").asText());
        line(out, "rules loaded", report.path("rules").path("count").asText() + " in " + fmt(report.path("rules").path("seconds")) + " s");
        JsonNode t = report.path("throughput");
        line(out, "ingest accepted", fmt(t.path("ingest_accept_docs_per_s")) + " docs/s");
        line(out, "end to end, sustained (10–90 %)", fmt(t.path("sustained_docs_per_s")) + " docs/s");
        line(out, "end to end, overall", fmt(t.path("overall_docs_per_s")) + " docs/s (" + t.path("distinct_documents").asText()
                + " documents in " + fmt(t.path("all_indexed_seconds")) + " s)");
        JsonNode e = report.path("baseline_embedding");
        line(out, "raw: embedding model alone", fmt(e.path("docs_per_s")) + " docs/s (" + fmt(e.path("passages_per_s"))
                + " passages/s; before the warm-up " + fmt(e.path("before_warm_up").path("docs_per_s")) + ", after the throughput phase "
                + fmt(e.path("after_throughput").path("docs_per_s")) + ")");
        JsonNode k = report.path("baseline_kafka");
        line(out, "raw: Kafka produce / consume", fmt(k.path("produce_records_per_s")) + " / " + fmt(k.path("consume_records_per_s")) + " records/s");
        line(out, "raw: Elasticsearch bulk", fmt(report.path("baseline_elasticsearch").path("docs_per_s")) + " docs/s");
        JsonNode l = report.path("latency");
        line(out, "latency phase", fmt(l.path("achieved_rate")) + " docs/s for " + fmt(l.path("paced_seconds")) + " s");
        line(out, "ingest -> indexed p50/p95/p99", percentileText(l.path("ingest_to_indexed_ms")));
        line(out, "ingest -> webhook p50/p95/p99", percentileText(l.path("ingest_to_webhook_ms")));
        JsonNode st = l.path("stages");
        line(out, "  of it: ingest p50/p95/p99", percentileText(st.path("ingest_ms")));
        line(out, "  of it: enrich (queue included)", percentileText(st.path("enrich_ms")));
        line(out, "  of it: search, alert, webhook", percentileText(st.path("downstream_ms")));
        st.path("slowest").forEach(d -> line(out, "  slow: at " + d.path("posted_at_s").asText() + " s, " + d.path("language").asText()
                + ", " + d.path("words").asText() + " words",
                d.path("total_ms").asText() + " ms = " + d.path("ingest_ms").asText() + " + " + d.path("enrich_ms").asText() + " + "
                        + d.path("downstream_ms").asText()));
        for (String service : RunningSystem.SERVICES) {
            JsonNode r = report.path("resources").path(service);
            line(out, service, "heap used max " + fmt(r.path("heap_used_max_mb")) + " MB (committed " + fmt(r.path("heap_committed_max_mb"))
                    + " MB, -Xmx512m)");
        }
        line(out, "warm-up (not counted)", report.path("warm_up").path("documents").asText() + " documents before the throughput phase");
        for (String name : List.of("warm-up", "throughput", "latency")) {
            JsonNode p = report.path("cpu").path(name);
            if (p.isMissingNode()) {
                continue;
            }
            out.append(String.format("CPU, %s phase (%s documents, %s s wall)%n    %-20s %8s %6s %9s %9s%n", name,
                    p.path("documents").asText(), fmt(p.path("wall_seconds")), "process", "cpu-s", "cores", "cpu-s/doc", "of it JIT"));
            p.path("processes").fields().forEachRemaining(row -> out.append(String.format("    %-20s %8s %6s %9s %9s%n", row.getKey(),
                    fmt(row.getValue().path("cpu_seconds")), fmt(row.getValue().path("cores")),
                    fmt3(row.getValue().path("cpu_seconds_per_document")), fmt3(row.getValue().path("jit_cpu_seconds_per_document")))));
            line(out, "    Elasticsearch + Kafka + benchmark", fmt3(p.path("stack_and_benchmark_cpu_seconds_per_document")) + " cpu-s/doc");
            line(out, "    JIT compilers, all JVMs", fmt3(p.path("jit_cpu_seconds_per_document")) + " cpu-s/doc");
            StringBuilder work = new StringBuilder();
            p.path("elasticsearch_work").fields().forEachRemaining(w -> work.append(w.getKey()).append(' ')
                    .append(String.format("%.0f", w.getValue().asDouble())).append("; "));
            line(out, "    Elasticsearch work", work.toString());
        }
        JsonNode q = report.path("ratios");
        line(out, "RATIO end to end / raw embedding", fmt(q.path("end_to_end_over_raw_embedding")) + " (target >= 0.7)");
        line(out, "p99 ingest -> webhook at " + RATE + " docs/s", fmt(q.path("p99_ingest_to_webhook_ms")) + " ms (target < 2000)");
        line(out, "largest service heap used", fmt(q.path("max_service_heap_used_mb")) + " MB (target <= 512)");
        return out.toString();
    }

    private static void line(StringBuilder out, String what, String value) {
        out.append(String.format("%-40s %s%n", what, value));
    }

    private static String percentileText(JsonNode p) {
        return fmt(p.path("p50")) + " / " + fmt(p.path("p95")) + " / " + fmt(p.path("p99")) + " ms (max " + fmt(p.path("max")) + ")";
    }

    private static String fmt(JsonNode value) {
        return value.isNumber() ? String.format("%.2f", value.asDouble()) : "n/a";
    }

    private static String fmt3(JsonNode value) {
        return value.isNumber() ? String.format("%.3f", value.asDouble()) : "n/a";
    }

    private static ObjectNode percentiles(List<Double> values) {
        ObjectNode node = JSON.createObjectNode().put("count", values.size());
        if (values.isEmpty()) {
            return node;
        }
        List<Double> sorted = values.stream().sorted().toList();
        for (int p : List.of(50, 95, 99)) {
            // nearest rank
            node.put("p" + p, sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
        }
        return node.put("max", sorted.get(sorted.size() - 1)).put("min", sorted.get(0));
    }

    private static ObjectNode describe(List<SyntheticCommentary.Piece> pieces) {
        ObjectNode corpus = JSON.createObjectNode().put("submissions", pieces.size());
        Map<String, Integer> languages = new LinkedHashMap<>();
        Map<String, Integer> kinds = new LinkedHashMap<>();
        pieces.forEach(p -> {
            languages.merge(p.language(), 1, Integer::sum);
            kinds.merge(p.kind().name().toLowerCase(), 1, Integer::sum);
        });
        corpus.set("languages", JSON.valueToTree(languages));
        corpus.set("kinds", JSON.valueToTree(kinds));
        corpus.put("with_rule_word", pieces.stream().filter(p -> p.ruleToken().isPresent()).count());
        corpus.put("words_min", pieces.stream().mapToInt(SyntheticCommentary.Piece::words).min().orElse(0));
        corpus.put("words_max", pieces.stream().mapToInt(SyntheticCommentary.Piece::words).max().orElse(0));
        corpus.put("words_mean", pieces.stream().mapToInt(SyntheticCommentary.Piece::words).average().orElse(0));
        return corpus;
    }

    private static ObjectNode machine() {
        ObjectNode machine = JSON.createObjectNode().put("cpus", Runtime.getRuntime().availableProcessors())
                .put("java", System.getProperty("java.version")).put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
                .put("load_average", loadAverage());
        try {
            Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .ifPresent(l -> machine.put("memory_mb", Long.parseLong(l.replaceAll("\\D", "")) / 1024));
            Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .ifPresent(l -> machine.put("cpu_model", l.substring(l.indexOf(':') + 1).strip()));
        } catch (IOException | RuntimeException e) {
            machine.put("details", "unreadable: " + e);
        }
        return machine;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
