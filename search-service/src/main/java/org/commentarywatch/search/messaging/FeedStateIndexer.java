package org.commentarywatch.search.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

import org.commentarywatch.search.model.ConsumedRecord;
import org.commentarywatch.search.model.DeadLetterRecord;
import org.commentarywatch.search.model.FeedState;
import org.commentarywatch.search.service.BulkWrites;
import org.commentarywatch.search.service.FeedStateIndex;

/**
 * The feeds stage: {@code commentary.feeds} to the feeds index, a batch at a time. The topic is compacted, so a
 * record is the whole state of its feed (key = feed id) and only the latest per key counts:
 * <ol>
 * <li>read each record: a value is the feed's state, a tombstone (no value) removes the feed; a value that is not
 * a feed becomes a dead letter;</li>
 * <li>keep the last change per feed of the batch, so that a retried write can never overtake a later one;</li>
 * <li>write them in one bulk request, waiting out any Elasticsearch outage; dead-letter what it refused;</li>
 * <li>acknowledge the batch only then.</li>
 * </ol>
 */
@ApplicationScoped
public class FeedStateIndexer {

    private static final Logger LOG = Logger.getLogger(FeedStateIndexer.class);

    private final FeedStateIndex index;
    private final DeadLetterPublisher deadLetters;
    private final ObjectMapper mapper;

    public FeedStateIndexer(FeedStateIndex index, DeadLetterPublisher deadLetters, ObjectMapper mapper) {
        this.index = index;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
    }

    @Incoming("feeds")
    @Blocking(ordered = true)
    public CompletionStage<Void> index(KafkaRecordBatch<String, String> batch) {
        Map<String, FeedStateIndex.Change> latest = new LinkedHashMap<>();
        Map<String, ConsumedRecord> origins = new LinkedHashMap<>();
        List<DeadLetterRecord> letters = new ArrayList<>();

        for (KafkaRecord<String, String> record : batch.getRecords()) {
            ConsumedRecord consumed = ConsumedRecords.of(record);
            DeadLetterRecord.Source source = consumed.source();
            try {
                FeedStateIndex.Change change = change(source.key(), Optional.ofNullable(record.getPayload()));
                latest.remove(change.id());
                latest.put(change.id(), change);
                origins.put(change.id(), consumed);
            } catch (IllegalArgumentException | JsonProcessingException e) {
                LOG.warnf("Record %s-%d@%d is not a feed: %s", source.topic(), source.partition(), source.offset(),
                        e.getMessage());
                letters.add(consumed.deadLetter(new DeadLetterRecord.Cause("unreadable_feed",
                        Optional.ofNullable(e.getMessage()).orElse(e.toString())), Optional.empty(), Instant.now()));
            }
        }

        List<FeedStateIndex.Change> changes = List.copyOf(latest.values());
        Optional<List<BulkWrites.Rejection>> rejections = index.apply(changes);
        if (rejections.isEmpty()) {
            LOG.info("Stopping before a batch of feeds was fully indexed; it will be consumed again after the restart");
            return CompletableFuture.completedFuture(null);
        }
        for (BulkWrites.Rejection rejection : rejections.get()) {
            String id = changes.get(rejection.position()).id();
            letters.add(origins.get(id).deadLetter(rejection.cause(), Optional.empty(), Instant.now()));
        }
        if (!deadLetters.publish(letters)) {
            return CompletableFuture.completedFuture(null);
        }
        return batch.ack();
    }

    private FeedStateIndex.Change change(Optional<String> key, Optional<String> payload) throws JsonProcessingException {
        if (payload.isEmpty()) {
            return new FeedStateIndex.Remove(key.orElseThrow(
                    () -> new IllegalArgumentException("a tombstone without a key names no feed")));
        }
        JsonNode tree = mapper.readTree(payload.get());
        if (!(tree instanceof ObjectNode value)) {
            throw new IllegalArgumentException("expected a JSON object, got " + tree.getNodeType());
        }
        // The key is what compaction and a later tombstone go by; a value without its own id takes it.
        String id = key.or(() -> Optional.ofNullable(value.get("feed_id")).filter(JsonNode::isTextual).map(JsonNode::asText))
                .orElseThrow(() -> new IllegalArgumentException("neither a key nor a feed_id"));
        if (!value.path("feed_id").isTextual()) {
            value.put("feed_id", id);
        }
        return new FeedStateIndex.Put(id, mapper.treeToValue(value, FeedState.class));
    }
}
