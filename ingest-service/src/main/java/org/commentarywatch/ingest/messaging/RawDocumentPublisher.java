package org.commentarywatch.ingest.messaging;

import java.util.concurrent.TimeoutException;

import org.commentarywatch.ingest.config.CommentaryConfig;
import org.commentarywatch.ingest.model.RawDocument;
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
 * Writes documents to {@code commentary.raw} (channel {@code raw}), keyed by document id so that a document
 * submitted again replaces the earlier record. The returned Uni completes only once Kafka acknowledged the write
 * ({@code acks=all}); a nack or a timeout fails it with {@link PublishFailedException}: there is no other failure
 * strategy on this channel, the caller gets the error and may retry.
 */
@ApplicationScoped
public class RawDocumentPublisher {

    private static final Logger LOG = Logger.getLogger(RawDocumentPublisher.class);

    private final MutinyEmitter<String> emitter;
    private final ObjectMapper mapper;
    private final CommentaryConfig config;

    public RawDocumentPublisher(@Channel("raw") MutinyEmitter<String> emitter, ObjectMapper mapper,
            CommentaryConfig config) {
        this.emitter = emitter;
        this.mapper = mapper;
        this.config = config;
    }

    public Uni<Void> publish(RawDocument document) {
        Message<String> message = Message.of(toJson(document), Metadata.of(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(document.id()).build()));
        // Deferred: the emitter throws at once (rather than failing the Uni) when its buffer is full.
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
                .ifNoItem().after(config.ingest().ackTimeout())
                .failWith(() -> new TimeoutException("no acknowledgement within " + config.ingest().ackTimeout()))
                .onFailure().transform(cause -> {
                    LOG.warnf("Kafka did not take document %s on %s: %s", document.id(), config.topics().raw(),
                            cause.toString());
                    return new PublishFailedException(
                            "Kafka is unavailable: the document was not stored. Retry later; the id will be the same.",
                            cause);
                });
    }

    private String toJson(RawDocument document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a RawDocument is always serialisable", e);
        }
    }
}
