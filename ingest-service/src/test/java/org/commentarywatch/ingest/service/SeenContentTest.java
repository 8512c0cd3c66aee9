package org.commentarywatch.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.commentarywatch.ingest.Schemas;
import org.commentarywatch.ingest.config.JsonMapping;
import org.commentarywatch.ingest.model.DocumentSubmission;
import org.commentarywatch.ingest.model.RawDocument;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;

/** The duplicate decision on its own: what is emitted for content already seen, and the contract of the result. */
class SeenContentTest {

    private static final ObjectMapper MAPPER = JsonMapping.configure(new ObjectMapper());
    private static final String TEXT = "A freight corridor opened on an invented date. Two more sentences follow here.";

    private static RawDocument document(Optional<String> url, String text) {
        return IngestService.toDocument(new DocumentSubmission("Corridor opens", text, url, Optional.empty(),
                Optional.empty(), List.of(), false, Optional.empty()), "text/plain");
    }

    /** What the memory holds for a document once emitted. */
    private static Optional<RawDocument> seen(RawDocument document) {
        return Optional.of(document.withText(""));
    }

    @Test
    void contentNeverSeenIsEmittedAsItIs() {
        RawDocument first = document(Optional.of("https://a.example.org/corridor"), TEXT);

        assertEquals(Optional.of(first), SeenContent.decide(Optional.empty(), first));
    }

    @Test
    void theSameContentUnderAnotherUrlReEmitsTheFirstDocumentWithThatUrlAdded() throws Exception {
        RawDocument first = document(Optional.of("https://a.example.org/corridor"), TEXT);
        // Case and spacing differ, the normalized text does not: an exact duplicate.
        RawDocument copy = document(Optional.of("https://b.example.org/mirror"), TEXT.toUpperCase().replace(" ", "  "));
        assertEquals(DocumentIds.fingerprint(first.text()), DocumentIds.fingerprint(copy.text()));

        RawDocument emitted = SeenContent.decide(seen(first), copy).orElseThrow();

        assertEquals(first.id(), emitted.id());
        assertEquals(first.url(), emitted.url());
        assertEquals(List.of("https://b.example.org/mirror"), emitted.alsoSeenAt());
        assertFalse(emitted.text().isBlank(), "re-emitted with the text, which the memory does not keep");
        String json = MAPPER.writeValueAsString(emitted);
        Set<ValidationMessage> errors = Schemas.validate(Schemas.RAW_DOCUMENT, json);
        assertTrue(errors.isEmpty(), errors + " in " + json);
        assertEquals("https://b.example.org/mirror", MAPPER.readTree(json).path("also_seen_at").get(0).asText());
    }

    @Test
    void aUrlAlreadyRecordedOrNoUrlAtAllAddsNothingAndEmitsNothing() {
        RawDocument first = document(Optional.of("https://a.example.org/corridor"), TEXT);
        RawDocument recorded = first.withAlsoSeenAt(List.of("https://b.example.org/mirror"));

        assertEquals(Optional.empty(), SeenContent.decide(seen(recorded),
                document(Optional.of("https://b.example.org/mirror"), TEXT)));
        assertEquals(Optional.empty(), SeenContent.decide(seen(recorded), document(Optional.empty(), TEXT)));
    }

    @Test
    void theSameDocumentSubmittedAgainIsEmittedAndKeepsTheUrlsItWasAlsoSeenAt() {
        RawDocument first = document(Optional.of("https://a.example.org/corridor"), TEXT);
        RawDocument recorded = first.withAlsoSeenAt(List.of("https://b.example.org/mirror"));
        RawDocument again = document(Optional.of("https://a.example.org/corridor?utm_source=mail"), TEXT);

        RawDocument emitted = SeenContent.decide(seen(recorded), again).orElseThrow();

        assertEquals(first.id(), emitted.id());
        assertEquals(again.text(), emitted.text());
        assertEquals(List.of("https://b.example.org/mirror"), emitted.alsoSeenAt());
    }

    @Test
    void textFirstSeenWithoutUrlCollectsTheUrlsItTurnsUpAt() {
        RawDocument pasted = document(Optional.empty(), TEXT);
        RawDocument page = document(Optional.of("https://a.example.org/corridor"), TEXT);

        RawDocument emitted = SeenContent.decide(seen(pasted), page).orElseThrow();

        assertEquals(pasted.id(), emitted.id());
        assertEquals(Optional.empty(), emitted.url());
        assertEquals(List.of("https://a.example.org/corridor"), emitted.alsoSeenAt());
    }

    @Test
    void theListOfOtherUrlsIsBounded() {
        RawDocument first = document(Optional.of("https://a.example.org/corridor"), TEXT);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < SeenContent.MAX_ALSO_SEEN_AT; i++) {
            many.add("https://mirror" + i + ".example.org/corridor");
        }

        assertEquals(Optional.empty(), SeenContent.decide(seen(first.withAlsoSeenAt(many)),
                document(Optional.of("https://one-more.example.org/corridor"), TEXT)));
    }

    @Test
    void aDocumentWithoutOtherUrlsLeavesTheFieldOut() throws Exception {
        JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString(document(Optional.empty(), TEXT)));

        assertFalse(json.has("also_seen_at"), json.toString());
    }

    @Test
    void theMemoryRecordReadsBackAsTheDocumentWithoutText() throws Exception {
        RawDocument recorded = document(Optional.of("https://a.example.org/corridor"), TEXT)
                .withAlsoSeenAt(List.of("https://b.example.org/mirror")).withText("");

        RawDocument back = MAPPER.readValue(MAPPER.writeValueAsString(recorded), RawDocument.class);

        assertEquals(recorded, back);
    }
}
