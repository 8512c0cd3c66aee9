package org.commentarywatch.search.model;

import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An enriched document as read from Kafka. Kept as the whole JSON object rather than a fixed record: properties
 * this service does not know yet still reach {@code _source} (the mapping ignores them until it learns them).
 */
public record IncomingDocument(String id, ObjectNode source) {
    public IncomingDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }
}
