package org.commentarywatch.search.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.commentarywatch.localstack.LocalStackTestResource;
import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.config.IndexLayout;
import org.commentarywatch.search.model.IncomingDocument;
import org.commentarywatch.search.service.BulkIndexer;
import org.commentarywatch.search.service.BulkWrites;
import org.commentarywatch.search.service.DocumentParser;
import org.commentarywatch.search.service.IndexBootstrap;

/**
 * Indexing throughput next to a raw bulk baseline, on the local stack, in one run: the same generated enriched
 * documents (300 to 2,000 words, full analysis, 384-dimension vector), the same batch size (the consumer's
 * {@code max.poll.records}), the same mapping.
 * <ul>
 * <li>raw: the Elasticsearch client bulk-indexes the parsed documents into the same index, under ids of their
 * own, nothing else;</li>
 * <li>service: the same batches through {@link BulkIndexer} (parsing, {@code indexed_at}, per-item outcome checks,
 * metrics) into the alias;</li>
 * <li>pipeline: the documents produced to {@code commentary.enriched} and consumed by the running service
 * (EnrichedDocumentIndexer: Kafka batches, bulk, rule matching, offset commits), timed from the first record sent
 * until all are searchable.</li>
 * </ul>
 * Raw and service alternate for a few rounds so that a burst of load from elsewhere hits both. Not a test (its
 * name keeps it out of the build); it prints figures and asserts only that the documents arrived. Run it with
 * {@code ./mvnw -o -B -pl search-service test -Dtest=IndexingBenchmark -Dbench.documents=5000}.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class IndexingBenchmark {

    @Inject
    ElasticsearchClient client;

    @Inject
    BulkIndexer indexer;

    @Inject
    IndexBootstrap bootstrap;

    @Inject
    CommentaryConfig config;

    @Test
    void printsIndexingThroughputNextToARawBulkBaselineOfTheSameDocuments() throws Exception {
        int count = Integer.getInteger("bench.documents", 5_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int batchSize = ConfigProvider.getConfig().getValue("mp.messaging.incoming.enriched.max.poll.records", Integer.class);
        String alias = IndexLayout.of(config.index()).alias();
        await().atMost(Duration.ofMinutes(3)).until(bootstrap::isReady);

        BenchDocuments generator = new BenchDocuments(new Random(7));
        List<String> payloads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            payloads.add(generator.document("doc-" + i).toString());
        }
        long bytes = payloads.stream().mapToLong(String::length).sum();
        System.out.printf("indexing benchmark: %d documents (%.1f KB mean), batches of %d, load average %.1f%n", count,
                bytes / 1024.0 / count, batchSize, load());

        double rawBest = 0;
        double serviceBest = 0;
        for (int round = 1; round <= rounds; round++) {
            double raw = raw(payloads, batchSize, "r" + round);
            double service = service(payloads, batchSize, "s" + round);
            rawBest = Math.max(rawBest, raw);
            serviceBest = Math.max(serviceBest, service);
            System.out.printf("round %d: raw bulk %.0f docs/s, service (BulkIndexer) %.0f docs/s, ratio %.2f; load average %.1f%n",
                    round, raw, service, service / raw, load());
        }
        double pipeline = pipeline(payloads, alias);
        System.out.printf("best: raw bulk %.0f docs/s, service %.0f docs/s, ratio %.2f; pipeline (Kafka -> service -> "
                + "searchable) %.0f docs/s, ratio %.2f to the best raw; load average %.1f%n", rawBest, serviceBest,
                serviceBest / rawBest, pipeline, pipeline / rawBest, load());
    }

    /**
     * Plain bulk requests into the same index the service writes to, under ids of their own: raw and service rounds
     * alternate on one index that grows alike for both (a fresh index for raw alone would favour it, as merging
     * and the vector graph cost more as the index grows).
     */
    private double raw(List<String> payloads, int batchSize, String run) throws Exception {
        String index = config.index().alias();
        long start = System.nanoTime();
        for (int from = 0; from < payloads.size(); from += batchSize) {
            List<ObjectNode> batch = new ArrayList<>();
            for (String payload : payloads.subList(from, Math.min(payloads.size(), from + batchSize))) {
                batch.add((ObjectNode) Fixtures.JSON.readTree(payload));
            }
            String indexedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
            BulkResponse response = client.bulk(bulk -> {
                bulk.index(index);
                for (ObjectNode document : batch) {
                    document.put("indexed_at", indexedAt);
                    bulk.operations(op -> op.index(ix -> ix.id(run + "-" + document.get("id").asText()).document(document)));
                }
                return bulk;
            });
            assertFalse(response.errors(), "the raw baseline had item errors");
        }
        return payloads.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** The same batches through the service's indexer, as the Kafka stage hands them over. */
    private double service(List<String> payloads, int batchSize, String run) {
        DocumentParser parser = new DocumentParser();
        long start = System.nanoTime();
        for (int from = 0; from < payloads.size(); from += batchSize) {
            List<IncomingDocument> batch = new ArrayList<>();
            for (String payload : payloads.subList(from, Math.min(payloads.size(), from + batchSize))) {
                ObjectNode source = ((DocumentParser.Document) parser.parse(payload)).document().source();
                source.put("id", run + "-" + source.get("id").asText());
                batch.add(new IncomingDocument(source.get("id").asText(), source));
            }
            Optional<List<BulkWrites.Rejection>> rejections = indexer.index(batch);
            assertTrue(rejections.isPresent() && rejections.get().isEmpty(), "the service refused documents: " + rejections);
        }
        return payloads.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** Through Kafka and the running service, until every document is searchable. */
    private double pipeline(List<String> payloads, String alias) throws Exception {
        String run = "k" + Fixtures.newId().substring(0, 8);
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackTestResource.stack().kafkaBootstrapServers());
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerConfig.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (String payload : payloads) {
                ObjectNode document = (ObjectNode) Fixtures.JSON.readTree(payload);
                String id = run + "-" + document.get("id").asText();
                sent.add(producer.send(new ProducerRecord<>(config.topics().enriched(), id, document.put("id", id).toString())));
            }
            for (Future<RecordMetadata> future : sent) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250)).until(() -> {
            client.indices().refresh(refresh -> refresh.index(alias));
            return client.count(c -> c.index(alias).query(q -> q.prefix(p -> p.field("id").value(run + "-")))).count()
                    == payloads.size();
        });
        return payloads.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
