package org.commentarywatch.search.messaging;

import java.util.Optional;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

import org.commentarywatch.search.model.ConsumedRecord;
import org.commentarywatch.search.model.DeadLetterRecord;

/** How the stages read a Kafka record: where it came from, its key (a blank one names nothing) and its value. */
final class ConsumedRecords {

    private ConsumedRecords() {
    }

    static ConsumedRecord of(KafkaRecord<String, String> record) {
        IncomingKafkaRecordMetadata<?, ?> metadata = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("a consumed record without Kafka metadata"));
        return new ConsumedRecord(
                new DeadLetterRecord.Source(metadata.getTopic(), metadata.getPartition(), metadata.getOffset(),
                        Optional.ofNullable(record.getKey()).filter(key -> !key.isBlank())),
                // A tombstone has no value: an empty payload, which each stage reads in its own way.
                Optional.ofNullable(record.getPayload()).orElse(""));
    }
}
