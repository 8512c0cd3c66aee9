package org.commentarywatch.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;

/**
 * Reads a topic from its end at the time of opening, so a test sees only what was written after it started.
 */
public final class RawTopic implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public RawTopic(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "ingest-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve the positions now, before the test writes anything.
        partitions.forEach(consumer::position);
    }

    /** Every record with this key written since opening; waits (bounded) until there are at least {@code count}. */
    public List<ConsumerRecord<String, String>> awaitKey(String key, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return withKey(key).size() >= count;
        });
        // One more look, so that a duplicate written right behind would be caught.
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        return withKey(key);
    }

    /** The one record written under the id, checked against the raw-document contract. */
    public JsonNode awaitDocument(String id) throws JsonProcessingException {
        List<ConsumerRecord<String, String>> records = awaitKey(id, 1);
        assertEquals(1, records.size(), "exactly one record with key " + id);
        String value = records.get(0).value();
        Set<ValidationMessage> errors = Schemas.validate(Schemas.RAW_DOCUMENT, value);
        assertTrue(errors.isEmpty(), errors + " in " + value);
        return JSON.readTree(value);
    }

    /** Every record written since opening whose value passes the test; waits (bounded) until there are at least {@code count}. */
    public List<ConsumerRecord<String, String>> awaitMatching(Predicate<String> value, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(r -> r.value() != null && value.test(r.value())).count() >= count;
        });
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        return seen.stream().filter(r -> r.value() != null && value.test(r.value())).toList();
    }

    /** Every record written in the next {@code wait} that was not read before: to show that nothing came. */
    public List<ConsumerRecord<String, String>> recordsSince(Duration wait) {
        int before = seen.size();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen.subList(before, seen.size()));
    }

    private List<ConsumerRecord<String, String>> withKey(String key) {
        return seen.stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
