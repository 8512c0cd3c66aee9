package org.commentarywatch.search.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.model.DeadLetterRecord;
import org.commentarywatch.search.service.Backoff;
import org.commentarywatch.search.service.IndexingMetrics;
import org.commentarywatch.search.service.ServiceLifecycle;

/**
 * Writes dead letters to {@code commentary.dlq} and waits until Kafka has them: the input offsets they stand
 * for may only be committed after that.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;
    private final IndexingMetrics metrics;
    private final ServiceLifecycle lifecycle;
    private final Backoff backoff;

    // The buffer is bounded in practice by one batch (max.poll.records), all of whose letters are awaited.
    public DeadLetterPublisher(@Channel("dlq") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> emitter,
                               ObjectMapper mapper, IndexingMetrics metrics, ServiceLifecycle lifecycle,
                               CommentaryConfig config) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.metrics = metrics;
        this.lifecycle = lifecycle;
        this.backoff = Backoff.of(config.retry());
    }

    /**
     * Sends all of them, again and again for those Kafka did not acknowledge.
     *
     * @return true once Kafka acknowledged every one; false when the service began to stop first
     */
    public boolean publish(List<DeadLetterRecord> letters) {
        List<DeadLetterRecord> pending = letters;
        for (int failures = 1; !pending.isEmpty(); failures++) {
            pending = sendAll(pending);
            if (!pending.isEmpty()) {
                LOG.warnf("Kafka did not acknowledge %d dead letters, will retry", pending.size());
                if (!lifecycle.pause(backoff.delay(failures))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Sends them all at once, then waits for every acknowledgement; returns those that failed. */
    private List<DeadLetterRecord> sendAll(List<DeadLetterRecord> letters) {
        List<CompletableFuture<Boolean>> acks = new ArrayList<>(letters.size());
        for (DeadLetterRecord letter : letters) {
            acks.add(emitter.sendMessage(message(letter))
                    .subscribeAsCompletionStage()
                    .handle((ok, failure) -> {
                        if (failure != null) {
                            LOG.warnf("Dead letter for %s not acknowledged: %s",
                                    letter.documentId().orElse("a record without id"), failure.toString());
                        }
                        return failure == null;
                    }));
        }
        List<DeadLetterRecord> failed = new ArrayList<>();
        for (int i = 0; i < letters.size(); i++) {
            if (!acks.get(i).join()) {
                failed.add(letters.get(i));
            }
        }
        metrics.deadLettered(letters.size() - failed.size());
        return failed;
    }

    private Message<String> message(DeadLetterRecord letter) {
        String json;
        try {
            json = mapper.writeValueAsString(letter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dead-letter record could not be written as JSON", e);
        }
        Message<String> message = Message.of(json);
        return letter.kafkaKey()
                .map(key -> message.addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()))
                .orElse(message);
    }
}
