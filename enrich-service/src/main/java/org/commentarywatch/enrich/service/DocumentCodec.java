package org.commentarywatch.enrich.service;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.enrich.model.DeadLetter;
import org.commentarywatch.enrich.model.Enrichment;
import org.commentarywatch.enrich.model.FailureType;
import org.commentarywatch.enrich.model.RawDocument;

/**
 * The JSON on this stage's topics. Raw documents are read as trees, not bound to a class: the stage needs only
 * the id, title and text, and every other property, including ones ingest-service adds later, must reach
 * {@code commentary.enriched} exactly as it came.
 */
@ApplicationScoped
public class DocumentCodec {

    private final ObjectMapper mapper;
    private final ObjectReader documentReader;

    public DocumentCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        // Numbers are passed through: kept as decimals (not doubles) with their trailing zeros. A record with
        // something after the object is not one document, so it is refused rather than silently cut.
        this.documentReader = mapper.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    /** @param value the record's value as sent; null for a record without one */
    public ReadOutcome read(String value) {
        if (value == null || value.isBlank()) {
            return unreadable(FailureType.MALFORMED_JSON, "the record has no value", Optional.empty());
        }
        JsonNode tree;
        try {
            tree = documentReader.readTree(value);
        } catch (JsonProcessingException e) {
            return unreadable(FailureType.MALFORMED_JSON, "not valid JSON: " + describe(e), Optional.empty());
        }
        if (!(tree instanceof ObjectNode json)) {
            return unreadable(FailureType.MALFORMED_JSON,
                    "expected a JSON object, got " + tree.getNodeType().name().toLowerCase(Locale.ROOT), Optional.empty());
        }
        JsonNode id = json.get("id");
        if (id == null || !id.isTextual() || id.textValue().isBlank()) {
            return unreadable(FailureType.MISSING_ID,
                    id == null || id.isNull() ? "the document has no id" : "the document's id is not a non-blank string",
                    Optional.empty());
        }
        String documentId = id.textValue();
        JsonNode text = json.get("text");
        if (text == null || !text.isTextual() || text.textValue().isBlank()) {
            return unreadable(FailureType.EMPTY_TEXT,
                    text == null || text.isNull() ? "the document has no text"
                            : text.isTextual() ? "the document's text is blank" : "the document's text is not a string",
                    Optional.of(documentId));
        }
        JsonNode title = json.get("title");
        return new ReadOutcome.Readable(new RawDocument(documentId, title != null && title.isTextual() ? title.textValue() : "",
                text.textValue(), json));
    }

    /** The raw document with every property it had, and its enrichment. */
    public String writeEnriched(RawDocument document, Enrichment enrichment) {
        ObjectNode enriched = document.json().deepCopy();
        enriched.set("enrichment", mapper.valueToTree(enrichment));
        return write(enriched);
    }

    public String writeDeadLetter(DeadLetter deadLetter) {
        return write(deadLetter);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Trees and records of strings and numbers always serialise; failing here is a bug, not bad input.
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static ReadOutcome unreadable(FailureType type, String message, Optional<String> documentId) {
        return new ReadOutcome.Unreadable(type, message, documentId);
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? e.getOriginalMessage()
                : e.getOriginalMessage() + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
