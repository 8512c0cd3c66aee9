package org.commentarywatch.enrich.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A document read from {@code commentary.raw}. Only what enrichment needs is pulled out; {@code json} keeps
 * the whole object, properties this service does not know included, so that they travel on unchanged.
 *
 * @param title empty when the document has none
 * @param json the document as received; never modified, copied on output
 */
public record RawDocument(String id, String title, String text, ObjectNode json) {

    public DocumentText documentText() {
        return DocumentText.of(title, text);
    }
}
