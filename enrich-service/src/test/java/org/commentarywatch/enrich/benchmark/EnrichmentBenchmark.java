package org.commentarywatch.enrich.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.enrich.Fixtures;
import org.commentarywatch.enrich.PieceGenerator;
import org.commentarywatch.enrich.config.CommentaryConfig;
import org.commentarywatch.enrich.config.EmbeddingConfig;
import org.commentarywatch.enrich.config.IndexConfig;
import org.commentarywatch.enrich.service.SentenceSplitter;
import org.commentarywatch.enrich.service.embedding.DocumentEmbedder;
import org.commentarywatch.enrich.service.embedding.Passage;
import org.commentarywatch.enrich.service.embedding.Passages;
import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 5 item 12: documents per second of the whole enrichment of 800-word pieces, next to the raw embedding
 * throughput of the same model, same passages, same two calling threads, measured in the same run; and the heap.
 * The whole enrichment is the service's own Kafka stage at work: each round produces its pieces to the raw topic
 * and waits until all of them are on the enriched topic, so the figure includes what the stage really does (its
 * consumers and records in flight, the kNN {@code _msearch} on a real Elasticsearch index of earlier pieces, the
 * publication and its acknowledgement). Not part of the default build (neither *Test nor *IT). Run it with
 *
 * <pre>JAVA_TOOL_OPTIONS=-Xmx512m ./mvnw -B -pl enrich-service test -Dtest=EnrichmentBenchmark</pre>
 *
 * <p>Rounds alternate raw and whole so that drift of a shared machine hits both alike; the table gives each
 * round and the medians.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class EnrichmentBenchmark {

    private static final int WORDS = 800;
    private static final int DOCS_PER_ROUND = Integer.getInteger("benchmark.docs", 150);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    /**
     * Steady state, as a long-running service sees it: measured from cold, the whole enrichment keeps speeding up
     * for about 400 pieces (JIT compilation of the analysis, the Kafka and Elasticsearch clients), the native
     * embedding does not, and the first rounds would measure the compiler.
     */
    private static final int WARM_UP = Integer.getInteger("benchmark.warm-up", 300);
    private static final int EARLIER_DOCUMENTS = Integer.getInteger("benchmark.earlier", 500);

    @Inject
    CommentaryConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DocumentEmbedder embedder;

    @Inject
    EmbeddingConfig embeddingConfig;

    @Inject
    IndexConfig index;

    @Test
    void measure() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        Random random = new Random(20261201);
        indexEarlierDocuments(random);
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < WARM_UP + DOCS_PER_ROUND * ROUNDS; i++) {
            pieces.add(PieceGenerator.piece(random, WORDS));
        }
        // The raw baseline embeds exactly the passages the enrichment embeds, built beforehand.
        List<List<String>> passages = pieces.stream().map(this::passagesOf).toList();

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
                KafkaConsumer<String, String> enriched = enrichedReader()) {
            rounds(pieces, passages, producer, enriched, memory, peakHeap, sampler);
        }
    }

    private void rounds(List<String> pieces, List<List<String>> passages, KafkaProducer<String, String> producer,
            KafkaConsumer<String, String> enriched, MemoryMXBean memory, AtomicLong peakHeap, Thread sampler)
            throws Exception {
        // warm-up: JIT, ONNX Runtime arenas, the consumers' partition assignment, the Elasticsearch query path
        for (int i = 0; i < WARM_UP; i++) {
            embedder.embedAll(passages.get(i));
        }
        throughTheStage(pieces.subList(0, WARM_UP), producer, enriched);

        double[] rawDocs = new double[ROUNDS];
        double[] rawPassages = new double[ROUNDS];
        double[] wholeDocs = new double[ROUNDS];
        double[] rawCpu = new double[ROUNDS];
        double[] wholeCpu = new double[ROUNDS];
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int passageCount = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int from = WARM_UP + round * DOCS_PER_ROUND;
            List<List<String>> roundPassages = passages.subList(from, from + DOCS_PER_ROUND);
            int roundPassageCount = roundPassages.stream().mapToInt(List::size).sum();
            passageCount += roundPassageCount;

            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            for (List<String> texts : roundPassages) {
                embedder.embedAll(texts);
            }
            double rawSeconds = (System.nanoTime() - start) / 1e9;
            rawCpu[round] = (os.getProcessCpuTime() - cpu) / 1e6 / DOCS_PER_ROUND;
            rawDocs[round] = DOCS_PER_ROUND / rawSeconds;
            rawPassages[round] = roundPassageCount / rawSeconds;

            cpu = os.getProcessCpuTime();
            start = System.nanoTime();
            throughTheStage(pieces.subList(from, from + DOCS_PER_ROUND), producer, enriched);
            wholeDocs[round] = DOCS_PER_ROUND / ((System.nanoTime() - start) / 1e9);
            wholeCpu[round] = (os.getProcessCpuTime() - cpu) / 1e6 / DOCS_PER_ROUND;
        }
        sampler.interrupt();
        System.gc();
        long afterGc = memory.getHeapMemoryUsage().getUsed();
        long maxHeap = memory.getHeapMemoryUsage().getMax();

        StringBuilder table = new StringBuilder("\n");
        table.append(String.format(Locale.ROOT, "enrichment benchmark: %d-word pieces, %d per round, %d rounds after %d warm-up pieces, "
                + "%.1f passages per piece, %d earlier documents in Elasticsearch, %d cores, %d embedding threads, "
                + "whole enrichment through the Kafka stage (%s consumers)%n",
                WORDS, DOCS_PER_ROUND, ROUNDS, WARM_UP, passageCount / (double) (DOCS_PER_ROUND * ROUNDS), EARLIER_DOCUMENTS,
                Runtime.getRuntime().availableProcessors(), embeddingConfig.threads(),
                org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getOptionalValue("mp.messaging.incoming.raw.concurrency", String.class).orElse("1")));
        table.append(String.format(Locale.ROOT, "| %-6s | %-24s | %-20s | %-23s | %-5s | %-17s | %-19s | %-9s |%n",
                "round", "raw embedding passages/s", "raw embedding docs/s", "whole enrichment docs/s", "ratio",
                "raw CPU ms / doc", "whole CPU ms / doc", "CPU ratio"));
        for (int round = 0; round < ROUNDS; round++) {
            table.append(row(String.valueOf(round + 1), rawPassages[round], rawDocs[round], wholeDocs[round],
                    rawCpu[round], wholeCpu[round]));
        }
        double[] ratios = new double[ROUNDS];
        double[] cpuRatios = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            ratios[round] = wholeDocs[round] / rawDocs[round];
            cpuRatios[round] = rawCpu[round] / wholeCpu[round];
        }
        table.append(String.format(Locale.ROOT, "| %-6s | %24.1f | %20.2f | %23.2f | %5.2f | %17.1f | %19.1f | %9.2f |%n",
                "median", median(rawPassages), median(rawDocs), median(wholeDocs), median(ratios), median(rawCpu),
                median(wholeCpu), median(cpuRatios)));
        table.append(String.format(Locale.ROOT, "heap: peak used %d MB, used after GC %d MB, max (-Xmx) %d MB%n",
                peakHeap.get() >> 20, afterGc >> 20, maxHeap >> 20));
        System.out.println(table);
    }

    /** CPU ratio: raw CPU per document over whole CPU per document, the throughput ratio of a saturated machine. */
    private static String row(String round, double rawPassages, double rawDocs, double wholeDocs, double rawCpu,
            double wholeCpu) {
        return String.format(Locale.ROOT, "| %-6s | %24.1f | %20.2f | %23.2f | %5.2f | %17.1f | %19.1f | %9.2f |%n",
                round, rawPassages, rawDocs, wholeDocs, wholeDocs / rawDocs, rawCpu, wholeCpu, rawCpu / wholeCpu);
    }

    /** Produces the pieces to the raw topic and waits until every one of them is on the enriched topic. */
    private void throughTheStage(List<String> round, KafkaProducer<String, String> producer,
            KafkaConsumer<String, String> enriched) throws Exception {
        Set<String> waiting = new HashSet<>();
        for (String piece : round) {
            String id = Fixtures.newId();
            ObjectNode document = Fixtures.MAPPER.createObjectNode().put("schema_version", 1).put("id", id)
                    .put("title", "A generated piece").put("text", piece).put("reference", false)
                    .put("content_type", "text/plain").put("ingested_at", "2026-12-01T00:00:00Z");
            document.putArray("authors");
            waiting.add(id);
            producer.send(new ProducerRecord<>(config.topics().raw(), id, document.toString()));
        }
        producer.flush();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!waiting.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting.size() + " pieces were not enriched within 5 minutes");
            }
            for (ConsumerRecord<String, String> record : enriched.poll(Duration.ofMillis(20))) {
                waiting.remove(record.key());
            }
        }
    }

    /** Reads the enriched topic from its end, without a consumer group. */
    private KafkaConsumer<String, String> enrichedReader() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(config.topics().enriched()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolves the end now, before the first piece is sent
        return consumer;
    }

    private List<String> passagesOf(String piece) {
        List<Passage> built = Passages.build(SentenceSplitter.split(piece, Locale.ENGLISH), embedder.wordPieces(),
                embeddingConfig.maxPassageTokens(), embeddingConfig.maxPassageSentences());
        return built.stream().limit(embeddingConfig.maxPassages()).map(Passage::text).toList();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** An index made as search-service makes it, holding earlier documents with (random unit) vectors. */
    private void indexEarlierDocuments(Random random) throws IOException, InterruptedException {
        String mappingFile = System.getProperty("user.dir")
                + "/../search-service/src/main/resources/elasticsearch/commentary-v1.json";
        ObjectNode body = (ObjectNode) Fixtures.MAPPER.readTree(Files.readString(Path.of(mappingFile)));
        body.putObject("aliases").putObject(index.alias()).put("is_write_index", true);
        es("PUT", "/commentary-v1", body.toString());
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < EARLIER_DOCUMENTS; i++) {
            String id = Fixtures.newId();
            ObjectNode document = Fixtures.MAPPER.createObjectNode().put("id", id).put("title", "Earlier piece " + i)
                    .put("text", "An earlier piece, number " + i + ".");
            ObjectNode enrichment = document.putObject("enrichment");
            double[] vector = new double[384];
            double norm = 0;
            for (int d = 0; d < vector.length; d++) {
                vector[d] = random.nextGaussian();
                norm += vector[d] * vector[d];
            }
            var array = enrichment.putArray("vector");
            for (double v : vector) {
                array.add((float) (v / Math.sqrt(norm)));
            }
            enrichment.put("cluster_id", id);
            bulk.append("{\"index\":{\"_id\":\"").append(id).append("\"}}\n").append(document).append('\n');
        }
        HttpResponse<String> response = es("POST", "/" + index.alias() + "/_bulk?refresh=true", bulk.toString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\":true")) {
            throw new IllegalStateException("bulk indexing failed: " + response.body().substring(0, 500));
        }
    }

    private static HttpResponse<String> es(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalStackTestResource.stack().elasticsearchUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(60))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
