package org.commentarywatch.ingest.service.feeds;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
import org.commentarywatch.ingest.model.Feed;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Feed subscriptions and their health, kept in a compacted Kafka topic (key = feed id, value = {@link Feed} JSON,
 * a tombstone on unsubscribe) and mirrored in memory. {@link #load()} creates the topic when missing and reads it
 * from the beginning to its end, which is how a restarted service gets its subscriptions back. Not a CDI bean, so
 * that a test can open a second store on the same topic (a restart).
 */
public class FeedStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FeedStore.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final String topic;
    private final ObjectMapper mapper;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private volatile KafkaProducer<String, String> producer;
    private volatile boolean loaded;

    public FeedStore(String bootstrapServers, String topic, ObjectMapper mapper) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.mapper = mapper;
    }

    public boolean loaded() {
        return loaded;
    }

    /** Creates the topic when missing and reads it to its end. Idempotent once it succeeded. */
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
            LOG.infof("%d feed subscriptions read from %s", feeds.size(), topic);
        } catch (RuntimeException | InterruptedException | ExecutionException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new FeedStoreUnavailableException("feed subscriptions could not be read from " + topic + ": " + e, e);
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
                ConsumerConfig.CLIENT_ID_CONFIG, "ingest-feeds-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + topic + " took longer than 60 s");
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
            feeds.remove(key);
            return;
        }
        try {
            feeds.put(key, mapper.readValue(value, Feed.class));
        } catch (JsonProcessingException e) {
            // A record this version cannot read is skipped, not fatal: the rest of the subscriptions still load.
            LOG.warnf("skipping unreadable feed record %s on %s: %s", key, topic, e.getOriginalMessage());
        }
    }

    public Collection<Feed> all() {
        return feeds.values();
    }

    public Optional<Feed> get(String id) {
        return Optional.ofNullable(feeds.get(id));
    }

    /** Writes the feed and waits for Kafka's acknowledgement; only then is it visible in memory. */
    public void put(Feed feed) {
        String json;
        try {
            json = mapper.writeValueAsString(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        send(feed.feedId(), json);
        feeds.put(feed.feedId(), feed);
    }

    /** Writes a tombstone; compaction removes the feed from the topic. */
    public void delete(String id) {
        send(id, null);
        feeds.remove(id);
    }

    private void send(String key, String value) {
        load();
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedStoreUnavailableException("interrupted writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new FeedStoreUnavailableException("Kafka did not acknowledge the write to " + topic, e);
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
