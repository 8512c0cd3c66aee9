package org.commentarywatch.system;

import static org.commentarywatch.system.SystemHttp.JSON;
import static org.commentarywatch.system.SystemHttp.countWithTerm;
import static org.commentarywatch.system.SystemHttp.get;
import static org.commentarywatch.system.SystemHttp.parse;
import static org.commentarywatch.system.SystemHttp.postJson;
import static org.commentarywatch.system.SystemHttp.presentIds;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.commentarywatch.localstack.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults real clusters have, on the shared running system (issue 7, item 5): nothing lost, nothing doubled. Each test
 * posts a stream of documents carrying a marker of its own, causes the fault mid-stream, and then counts the marker
 * behind the alias in Elasticsearch and checks every accepted id is there. Runs after the other system tests
 * ({@link ClassOrderer.OrderAnnotation}, see junit-platform.properties), and leaves the system ready after each fault.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(RunningSystem.Extension.class)
class FaultToleranceIT {

    /** The outage: Elasticsearch away for 30 s. */
    static final Duration ELASTICSEARCH_OUTAGE = Duration.ofSeconds(30);
    /** The stream for the Elasticsearch outage. */
    static final int ELASTICSEARCH_STREAM = 500;
    /** The same stream for the process faults ("→ same"). */
    static final int PROCESS_FAULT_STREAM = 500;
    /** Pause between two posts: the stream spans the fault instead of being all accepted before it. */
    static final Duration POST_INTERVAL = Duration.ofMillis(40);
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(240);
    static final Duration READY_TIMEOUT = Duration.ofSeconds(150);

    private static RunningSystem system;

    @BeforeAll
    static void shareSystem(RunningSystem running) {
        system = running;
        system.awaitAllReady(READY_TIMEOUT);
    }

    @AfterEach
    void systemIsHealthyAgain() {
        system.awaitAllReady(READY_TIMEOUT);
    }

    @Order(2)
    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void elasticsearchDownForThirtySecondsMidStreamLosesAndDoublesNothingWithoutRestartingAService() throws Exception {
        String marker = marker("esoutage");
        try (Stream stream = Stream.start(marker, ELASTICSEARCH_STREAM)) {
            stream.awaitAccepted(ELASTICSEARCH_STREAM / 5);
            Instant killed = Instant.now();
            system.stack().elasticsearch().kill();
            Thread.sleep(ELASTICSEARCH_OUTAGE.toMillis());
            Instant restarting = Instant.now();
            system.stack().elasticsearch().start();
            System.out.printf("[FaultToleranceIT] Elasticsearch killed for %d s, then %d s to start again (%d s without it); "
                            + "%d documents accepted by then%n", Duration.between(killed, restarting).toSeconds(),
                    Duration.between(restarting, Instant.now()).toSeconds(), Duration.between(killed, Instant.now()).toSeconds(),
                    stream.accepted());
            assertAllIndexedExactlyOnce(marker, stream.finish());
        }
    }

    @Order(3)
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void enrichServiceKilledMidStreamAndRestartedLosesAndDoublesNothing() throws Exception {
        String marker = marker("enrichkill");
        try (Stream stream = Stream.start(marker, PROCESS_FAULT_STREAM)) {
            stream.awaitAccepted(PROCESS_FAULT_STREAM / 4);
            system.enrich().kill();
            system.enrich().start();
            assertAllIndexedExactlyOnce(marker, stream.finish());
        }
    }

    @Order(4)
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void kafkaBrokerRestartedMidStreamLosesAndDoublesNothing() throws Exception {
        String marker = marker("kafkarestart");
        try (Stream stream = Stream.start(marker, PROCESS_FAULT_STREAM)) {
            stream.awaitAccepted(PROCESS_FAULT_STREAM / 4);
            system.stack().kafka().kill();
            Thread.sleep(3000);
            system.stack().kafka().start();
            List<String> ids = stream.finish();
            System.out.printf("[FaultToleranceIT] Kafka restart: %d answers other than 202 retried by the client%n", stream.retries());
            assertAllIndexedExactlyOnce(marker, ids);
        }
    }

    @Order(1)
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void poisonRecordsOnRawAndEnrichedBecomeDeadLettersWithTheirCauseAndTheStreamGoesOn() throws Exception {
        String marker = marker("poison");
        String rawPoison = "{\"id\": \"" + marker + "-raw\", \"text\": \"unterminated " + marker;
        String enrichedPoison = "{\"id\": \"" + marker + "-enriched\", \"enrichment\": {" + marker;
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            // On every partition, so that whichever partition the good document goes to has poison before it.
            for (Map.Entry<String, String> poison : Map.of(Topics.RAW, rawPoison, Topics.ENRICHED, enrichedPoison).entrySet()) {
                for (PartitionInfo partition : producer.partitionsFor(poison.getKey())) {
                    producer.send(new ProducerRecord<>(poison.getKey(), partition.partition(), marker + "-" + partition.partition(),
                            poison.getValue())).get(30, TimeUnit.SECONDS);
                }
            }
        }
        String good = Stream.post(marker, 0);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> get(system.search().url() + "/api/documents/" + good).statusCode() == 200);

        Map<String, List<String>> causes = deadLetters(marker, 2 * partitions());
        System.out.println("[FaultToleranceIT] dead letters by source topic: " + causes);
        assertEquals(partitions(), causes.getOrDefault(Topics.RAW, List.of()).size(), "dead letters of commentary.raw: " + causes);
        assertEquals(partitions(), causes.getOrDefault(Topics.ENRICHED, List.of()).size(), "dead letters of commentary.enriched: " + causes);
        causes.values().stream().flatMap(List::stream).forEach(cause -> assertTrue(!cause.isBlank(), "a dead letter without a cause"));
        // Only the good document carries the marker behind the alias (searchable after the next refresh).
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> countWithTerm(system.elasticsearchUrl(), marker) >= 1);
        Thread.sleep(2000);
        assertEquals(1, countWithTerm(system.elasticsearchUrl(), marker));
    }

    private static int partitions() {
        return system.settings().partitions();
    }

    /** Reads commentary.dlq from the start until {@code expected} dead letters carrying {@code marker} are found. */
    private static Map<String, List<String>> deadLetters(String marker, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.stack().kafkaBootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, List<String>> causes = new java.util.TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DLQ).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            int found = 0;
            while (found < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null || !record.value().contains(marker)) {
                        continue;
                    }
                    found++;
                    String topic;
                    String cause;
                    JsonNode envelope = tryParse(record.value());
                    if (envelope != null && envelope.has("cause") && envelope.has("payload")) {
                        // enrich reads commentary.raw, index reads commentary.enriched
                        topic = switch (envelope.path("stage").asText()) {
                            case "enrich" -> Topics.RAW;
                            case "index" -> Topics.ENRICHED;
                            default -> envelope.path("source").path("topic").asText("?");
                        };
                        cause = envelope.path("stage").asText() + ": " + envelope.path("cause").path("type").asText() + ": "
                                + envelope.path("cause").path("message").asText();
                        assertTrue(envelope.path("payload").asText().contains(marker), record.value());
                        assertTrue(!envelope.path("cause").path("message").asText().isBlank(), record.value());
                    } else {
                        // The connector's safety net: the original value, the reason in headers.
                        topic = header(record, "dead-letter-topic");
                        cause = "header: " + header(record, "dead-letter-reason");
                    }
                    causes.computeIfAbsent(topic, t -> new ArrayList<>()).add(cause);
                }
            }
        }
        return causes;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode tryParse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Every accepted id is behind the alias, and the marker counts exactly as many documents as were accepted. */
    private static void assertAllIndexedExactlyOnce(String marker, List<String> ids) throws Exception {
        Instant start = Instant.now();
        Set<String> expected = new HashSet<>(ids);
        assertEquals(ids.size(), expected.size(), "the stream's documents must have distinct ids");
        await().atMost(DRAIN_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> countWithTerm(system.elasticsearchUrl(), marker) >= ids.size());
        Set<String> present = presentIds(system.elasticsearchUrl(), ids);
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(present);
        assertTrue(missing.isEmpty(), missing.size() + " documents lost, e.g. " + missing.stream().limit(5).toList());
        // Give a late redelivery time to show up as a second copy before counting again.
        Thread.sleep(3000);
        assertEquals(ids.size(), countWithTerm(system.elasticsearchUrl(), marker), "documents with the marker " + marker);
        System.out.printf("[FaultToleranceIT] %s: %d documents indexed exactly once, %d s after the last was accepted%n",
                marker, ids.size(), Duration.between(start, Instant.now()).toSeconds());
    }

    private static String marker(String what) {
        return what + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Posts {@code total} distinct documents to ingest-service in the background, retrying each until it is accepted. */
    static final class Stream implements AutoCloseable {

        private final String marker;
        private final int total;
        private final List<String> ids = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger retries = new AtomicInteger();
        private volatile boolean stopped;
        private CompletableFuture<Void> poster;

        private Stream(String marker, int total) {
            this.marker = marker;
            this.total = total;
        }

        static Stream start(String marker, int total) {
            Stream stream = new Stream(marker, total);
            stream.poster = CompletableFuture.runAsync(stream::run, task -> {
                Thread thread = new Thread(task, "fault-test-stream");
                thread.setDaemon(true);
                thread.start();
            });
            return stream;
        }

        private void run() {
            for (int i = 0; i < total && !stopped; i++) {
                while (!stopped) {
                    try {
                        ids.add(post(marker, i));
                        break;
                    } catch (Exception e) {
                        retries.incrementAndGet();
                        sleep(Duration.ofSeconds(1));
                    }
                }
                sleep(POST_INTERVAL);
            }
        }

        /** One document of a stream; throws when ingest-service did not accept it (a real client retries). */
        static String post(String marker, int i) throws Exception {
            ObjectNode document = JSON.createObjectNode()
                    .put("title", "Fault test " + marker + " piece " + i)
                    .put("text", "Piece " + i + " of a fault test stream. Moscow and Beijing discussed trade and energy "
                            + "links on day " + i + ". The term " + marker + " appears only in this stream.")
                    .put("source", "fault test");
            HttpResponse<String> response = postJson(system.ingest().url() + "/api/documents", document.toString(),
                    Duration.ofSeconds(60));
            if (response.statusCode() != 202) {
                throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
            }
            return parse(response.body()).path("id").asText();
        }

        int accepted() {
            return ids.size();
        }

        int retries() {
            return retries.get();
        }

        void awaitAccepted(int count) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> ids.size() >= count);
        }

        /** Waits until every document was accepted; the ids in order. */
        List<String> finish() throws Exception {
            poster.get(DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (ids.size() != total) {
                fail("only " + ids.size() + " of " + total + " documents accepted");
            }
            return List.copyOf(ids);
        }

        @Override
        public void close() {
            stopped = true;
        }

        private static void sleep(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
