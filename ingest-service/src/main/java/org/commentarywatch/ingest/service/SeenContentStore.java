package org.commentarywatch.ingest.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.commentarywatch.ingest.model.RawDocument;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Content already emitted, kept in a compacted Kafka topic (key = content fingerprint, value = the document that
 * holds the content, without its text) and mirrored in memory. {@link #load()} creates the topic when missing and
 * reads it to its end, which is how a restarted service still recognises content it emitted before. Not a CDI bean,
 * so that a test can open a second store on the same topic (a restart).
 */
public class SeenContentStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SeenContentStore.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final String topic;
    private final ObjectMapper mapper;
    private final Map<String, RawDocument> seen = new ConcurrentHashMap<>();
    private volatile KafkaProducer<String, String> producer;
    private volatile boolean loaded;

    public SeenContentStore(String bootstrapServers, String topic, ObjectMapper mapper) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.mapper = mapper;
    }

    /**
     * Creates the topic when missing and reads it to its end. Idempotent once it succeeded.
     *
     * @throws SeenContentUnavailableException when Kafka cannot be reached
     */
    public synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            createTopicIfMissing();
            readAll();
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000),
                    new StringSerializer(), new StringSerializer());
            loaded = true;
            LOG.infof("%d content fingerprints read from %s", seen.size(), topic);
        } catch (RuntimeException | InterruptedException | ExecutionException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new SeenContentUnavailableException("content already seen could not be read from " + topic + ": "
                    + e, e);
        }
    }

    private void createTopicIfMissing() throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8_000))) {
            if (admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).contains(topic)) {
                return;
            }
            NewTopic newTopic = new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(newTopic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                LOG.infof("created compacted topic %s", topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    private void readAll() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "ingest-fingerprints-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " took longer than 120 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    apply(r.key(), r.value());
                }
            }
        }
    }

    private void apply(String key, String value) {
        if (key == null) {
            return;
        }
        if (value == null) {
            seen.remove(key);
            return;
        }
        try {
            seen.put(key, mapper.readValue(value, RawDocument.class));
        } catch (JsonProcessingException e) {
            // Skipped, not fatal: at worst that content is emitted once more as a document of its own.
            LOG.warnf("skipping unreadable fingerprint record %s on %s: %s", key, topic, e.getOriginalMessage());
        }
    }

    /** The document holding this content (its text left out), if any was emitted. */
    public Optional<RawDocument> get(String fingerprint) {
        return Optional.ofNullable(seen.get(fingerprint));
    }

    /** Memory only, at once: a concurrent submission of the same content must see it before Kafka has it. */
    void remember(String fingerprint, RawDocument holder) {
        seen.put(fingerprint, holder.withText(""));
    }

    /** Undoes {@link #remember} when the document it announced was not stored after all. */
    void forget(String fingerprint, String documentId, Optional<RawDocument> before) {
        seen.computeIfPresent(fingerprint, (key, current) -> current.id().equals(documentId)
                ? before.orElse(null) : current);
    }

    /** Writes what {@link #remember} holds for the fingerprint; completes once Kafka acknowledged it. */
    CompletableFuture<Void> write(String fingerprint) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        RawDocument holder = seen.get(fingerprint);
        if (holder == null) {
            done.complete(null);
            return done;
        }
        String json;
        try {
            json = mapper.writeValueAsString(holder);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a RawDocument is always serialisable", e);
        }
        producer.send(new ProducerRecord<>(topic, fingerprint, json), (metadata, error) -> {
            if (error == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(error);
            }
        });
        return done;
    }

    int size() {
        return seen.size();
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
