package org.commentarywatch.enrich.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.enrich.Fixtures;
import org.commentarywatch.enrich.model.Enrichment;
import org.commentarywatch.enrich.model.FailureType;
import org.commentarywatch.enrich.model.RawDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentCodecTest {

    private final DocumentCodec codec = new DocumentCodec(Fixtures.MAPPER);
    private final Enrichment enrichment = new Enrichment("en", 0.9, 12, 2, Instant.parse("2026-11-23T10:00:00Z"),
            "enrich-service/0.1.0", null, null);

    @Test
    void passesPropertiesItDoesNotKnowThroughUnchanged() throws Exception {
        String raw = """
                {"schema_version":1,"id":"0123456789abcdef0123456789abcdef","title":"T","text":"Some text.",
                 "authors":["A"],"reference":false,"content_type":"text/plain","ingested_at":"2026-11-23T09:00:00Z",
                 "future_field":{"nested":[1,2.50,{"deep":null}],"big":123456789012345678901234567890,
                 "exact":0.1000000000000000055511151231257827},"note":"ünïcödé ✓"}""";

        RawDocument document = ((ReadOutcome.Readable) codec.read(raw)).document();
        JsonNode enriched = Fixtures.MAPPER.readTree(codec.writeEnriched(document, enrichment));

        JsonNode original = Fixtures.MAPPER.readTree(raw);
        original.fieldNames().forEachRemaining(name -> assertEquals(original.get(name), enriched.get(name), name));
        String written = codec.writeEnriched(document, enrichment);
        assertTrue(written.contains("2.50"), written);
        assertTrue(written.contains("123456789012345678901234567890"), written);
        assertTrue(written.contains("0.1000000000000000055511151231257827"), written);
    }

    @Test
    void addsTheEnrichmentInSnakeCaseWithAnIsoTimestamp() throws Exception {
        RawDocument document = readable(Fixtures.rawDocument(Fixtures.newId(), "Title", "Body text."));

        JsonNode added = Fixtures.MAPPER.readTree(codec.writeEnriched(document, enrichment)).get("enrichment");

        assertEquals("en", added.get("language").textValue());
        assertEquals(0.9, added.get("language_confidence").doubleValue());
        assertEquals(12, added.get("word_count").intValue());
        assertEquals(2, added.get("sentence_count").intValue());
        assertEquals("2026-11-23T10:00:00Z", added.get("enriched_at").textValue());
        assertEquals("enrich-service/0.1.0", added.get("enricher").textValue());
    }

    @Test
    void leavesTheDocumentItReadUntouched() {
        ObjectNode raw = Fixtures.rawDocument(Fixtures.newId(), "Title", "Body text.");
        RawDocument document = readable(raw);

        codec.writeEnriched(document, enrichment);

        assertTrue(document.json().get("enrichment") == null);
    }

    @Test
    void readsIdTitleAndText() {
        String id = Fixtures.newId();
        RawDocument document = readable(Fixtures.rawDocument(id, "A title", "The text."));

        assertEquals(id, document.id());
        assertEquals("A title", document.title());
        assertEquals("The text.", document.text());
    }

    @Test
    void readsADocumentWithoutATitleAsHavingAnEmptyOne() {
        ObjectNode raw = Fixtures.rawDocument(Fixtures.newId(), "x", "The text.");
        raw.remove("title");

        assertEquals("", readable(raw).title());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\": \"abc\", \"text\": ", "not json at all", "{\"id\":\"a\",\"text\":\"b\"} trailing",
            "[1, 2]", "\"a string\"", "null", "", "   "})
    void refusesWhatIsNotOneJsonObjectAsMalformedJson(String value) {
        ReadOutcome.Unreadable refused = unreadable(value);

        assertEquals(FailureType.MALFORMED_JSON, refused.type());
        assertEquals(Optional.empty(), refused.documentId());
        assertTrue(!refused.message().isBlank());
    }

    @Test
    void refusesARecordWithoutAValueAsMalformedJson() {
        assertEquals(FailureType.MALFORMED_JSON, unreadable(null).type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\":\"Some text.\"}", "{\"id\":\"\",\"text\":\"Some text.\"}",
            "{\"id\":42,\"text\":\"Some text.\"}", "{\"id\":null,\"text\":\"Some text.\"}"})
    void refusesADocumentWithoutAUsableIdAsMissingId(String value) {
        assertEquals(FailureType.MISSING_ID, unreadable(value).type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":\"abc\"}", "{\"id\":\"abc\",\"text\":\"\"}", "{\"id\":\"abc\",\"text\":\" \\n\\t \"}",
            "{\"id\":\"abc\",\"text\":[\"a\"]}"})
    void refusesADocumentWithoutTextAsEmptyTextAndNamesIt(String value) {
        ReadOutcome.Unreadable refused = unreadable(value);

        assertEquals(FailureType.EMPTY_TEXT, refused.type());
        assertEquals(Optional.of("abc"), refused.documentId());
    }

    private RawDocument readable(ObjectNode raw) {
        ReadOutcome outcome = codec.read(raw.toString());
        return assertInstanceOf(ReadOutcome.Readable.class, outcome).document();
    }

    private ReadOutcome.Unreadable unreadable(String value) {
        return assertInstanceOf(ReadOutcome.Unreadable.class, codec.read(value));
    }
}
