package org.commentarywatch.enrich.messaging;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic from the beginning, without a consumer group (so no rebalance to wait for), and keeps
 * what it has seen, so that a test can look for its own records among those of other tests.
 */
final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits until a record with this key has arrived; all records with it, in arrival order. */
    List<ConsumerRecord<String, String>> awaitKey(String key, Duration atMost) {
        Predicate<ConsumerRecord<String, String>> wanted = record -> key.equals(record.key());
        await().atMost(atMost).pollInSameThread().pollInterval(Duration.ofMillis(50)).until(() -> {
            pollOnce();
            return seen.stream().anyMatch(wanted);
        });
        return seen.stream().filter(wanted).toList();
    }

    /** Everything that has arrived within {@code period} with this key. */
    List<ConsumerRecord<String, String>> recordsWithKey(String key, Duration period) {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            pollOnce();
        }
        return seen.stream().filter(record -> key.equals(record.key())).toList();
    }

    private void pollOnce() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
