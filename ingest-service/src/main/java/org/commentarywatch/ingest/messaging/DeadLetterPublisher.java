package org.commentarywatch.ingest.messaging;

import java.util.concurrent.TimeoutException;

import org.commentarywatch.ingest.config.CommentaryConfig;
import org.commentarywatch.ingest.model.DeadLetter;
import org.commentarywatch.ingest.service.DocumentMetrics;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes dead letters to {@code commentary.dlq} (channel {@code dlq}), keyed by the id the document would have had,
 * so that the same failure recorded again lands under the same key. Completes once Kafka acknowledged the record; a
 * nack or a timeout fails it with {@link PublishFailedException}, and the caller (the feed poller) then fails the
 * poll rather than lose the item silently.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;
    private final CommentaryConfig config;
    private final DocumentMetrics metrics;

    public DeadLetterPublisher(@Channel("dlq") MutinyEmitter<String> emitter, ObjectMapper mapper,
            CommentaryConfig config, DocumentMetrics metrics) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<Void> publish(String key, DeadLetter letter) {
        Message<String> message = Message.of(toJson(letter), Metadata.of(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()));
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
                .ifNoItem().after(config.ingest().ackTimeout())
                .failWith(() -> new TimeoutException("no acknowledgement within " + config.ingest().ackTimeout()))
                .onItem().invoke(() -> {
                    metrics.deadLettered();
                    LOG.infof("dead letter %s on %s: %s %s", key, config.topics().dlq(), letter.cause().type(),
                            letter.cause().message());
                })
                .onFailure().transform(cause -> new PublishFailedException(
                        "Kafka did not take the dead letter " + key + " on " + config.topics().dlq(), cause));
    }

    private String toJson(DeadLetter letter) {
        try {
            return mapper.writeValueAsString(letter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a DeadLetter is always serialisable", e);
        }
    }
}
