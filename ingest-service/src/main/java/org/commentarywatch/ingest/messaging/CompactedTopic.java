package org.commentarywatch.ingest.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

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
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A key-value store kept in a compacted Kafka topic (value = JSON of {@code V}, a tombstone deletes) and mirrored in
 * memory. {@link #load()} creates the topic when missing (one partition, {@code cleanup.policy=compact}) and reads it
 * from the beginning to its end, which is how a restarted service gets its state back. Not a CDI bean, so that a test
 * can open a second one on the same topic (a restart).
 * <p>
 * What the owner cannot do without Kafka fails with the exception {@code unavailable} makes, so that each store keeps
 * the error its callers know (and the REST layer answers 503 for).
 */
public final class CompactedTopic<V> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CompactedTopic.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_LIMIT = Duration.ofSeconds(120);
    private static final Duration WRITE_LIMIT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String topic;
    private final Class<V> type;
    private final ObjectMapper mapper;
    private final BiFunction<String, Throwable, RuntimeException> unavailable;
    private final Map<String, V> memory = new ConcurrentHashMap<>();
    private volatile KafkaProducer<String, String> producer;
    private volatile boolean loaded;

    public CompactedTopic(String bootstrapServers, String topic, Class<V> type, ObjectMapper mapper,
            BiFunction<String, Throwable, RuntimeException> unavailable) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.type = type;
        this.mapper = mapper;
        this.unavailable = unavailable;
    }

    public String topic() {
        return topic;
    }

    public boolean loaded() {
        return loaded;
    }

    /** Creates the topic when missing and reads it to its end. Idempotent once it succeeded. */
    public void load() {
        if (loaded) {
            return; // the common case, without taking the lock
        }
        synchronized (this) {
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
                LOG.infof("%d records read from %s", memory.size(), topic);
            } catch (RuntimeException | InterruptedException | ExecutionException | TimeoutException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw unavailable.apply(topic + " could not be read: " + e, e);
            }
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
                ConsumerConfig.CLIENT_ID_CONFIG, "ingest-" + topic + "-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " took longer than " + READ_LIMIT);
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
            memory.remove(key);
            return;
        }
        try {
            memory.put(key, mapper.readValue(value, type));
        } catch (JsonProcessingException e) {
            // Skipped, not fatal: the rest still loads. What the record held is lost to this version only.
            LOG.warnf("skipping unreadable record %s on %s: %s", key, topic, e.getOriginalMessage());
        }
    }

    public Optional<V> get(String key) {
        return Optional.ofNullable(memory.get(key));
    }

    public Collection<V> values() {
        return memory.values();
    }

    /** Memory only, at once: for a reservation that must be seen before Kafka has it; {@link #write} follows. */
    public void remember(String key, V value) {
        memory.put(key, value);
    }

    /** Memory only: replaces what is held for the key (absent → nothing); the operator returning null removes it. */
    public void rememberIfPresent(String key, UnaryOperator<V> change) {
        memory.computeIfPresent(key, (k, current) -> change.apply(current));
    }

    /** Writes what memory holds for the key; completes once Kafka acknowledged it (at once when nothing is held). */
    public CompletableFuture<Void> write(String key) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        V value = memory.get(key);
        if (value == null) {
            done.complete(null);
            return done;
        }
        if (producer == null) {
            done.completeExceptionally(unavailable.apply(topic + " was never read", null));
            return done;
        }
        producer.send(new ProducerRecord<>(topic, key, json(value)), (metadata, error) -> {
            if (error == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(error);
            }
        });
        return done;
    }

    /** Writes the value and waits for Kafka's acknowledgement; only then is it visible in memory. */
    public void put(String key, V value) {
        send(key, json(value));
        memory.put(key, value);
    }

    /** Writes a tombstone and waits for it; compaction then removes the key from the topic. */
    public void delete(String key) {
        send(key, null);
        memory.remove(key);
    }

    private void send(String key, String value) {
        load();
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(WRITE_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable.apply("interrupted writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable.apply("Kafka did not acknowledge the write to " + topic, e);
        }
    }

    private String json(V value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a " + type.getSimpleName() + " is always serialisable", e);
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
