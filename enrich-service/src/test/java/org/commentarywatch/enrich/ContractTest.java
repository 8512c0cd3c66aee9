package org.commentarywatch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.enrich.model.DeadLetter;
import org.commentarywatch.enrich.model.FailureType;
import org.commentarywatch.enrich.model.RawDocument;
import org.commentarywatch.enrich.service.DocumentCodec;
import org.commentarywatch.enrich.service.DocumentEnricher;
import org.commentarywatch.enrich.service.LanguageDetector;
import org.commentarywatch.enrich.service.ReadOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What the stage emits satisfies the contracts in deploy/schemas. */
class ContractTest {

    private static final DocumentCodec CODEC = new DocumentCodec(Fixtures.MAPPER);
    private static DocumentEnricher enricher;

    @BeforeAll
    static void create() {
        enricher = new DocumentEnricher(new LanguageDetector(), "enrich-service/0.1.0", Clock.systemUTC());
    }

    static Stream<Map.Entry<String, String>> pieces() {
        return Fixtures.PIECES.entrySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pieces")
    void enrichedDocumentsSatisfyTheEnrichedDocumentSchema(Map.Entry<String, String> piece) {
        ObjectNode raw = Fixtures.rawDocument(Fixtures.newId(), "A piece in " + piece.getKey(), piece.getValue());
        Contracts.assertValid(Contracts.RAW_DOCUMENT, raw.toString());

        RawDocument document = ((ReadOutcome.Readable) CODEC.read(raw.toString())).document();
        String enriched = CODEC.writeEnriched(document, enricher.enrich(document.documentText()));

        Contracts.assertValid(Contracts.ENRICHED_DOCUMENT, enriched);
    }

    @Test
    void aDocumentOfUndeterminedLanguageStillSatisfiesTheSchema() throws Exception {
        ObjectNode raw = Fixtures.rawDocument(Fixtures.newId(), "", "Ok.");
        RawDocument document = ((ReadOutcome.Readable) CODEC.read(raw.toString())).document();

        String enriched = CODEC.writeEnriched(document, enricher.enrich(document.documentText()));

        Contracts.assertValid(Contracts.ENRICHED_DOCUMENT, enriched);
        assertEquals("und", Fixtures.MAPPER.readTree(enriched).at("/enrichment/language").textValue());
    }

    @ParameterizedTest
    @EnumSource(FailureType.class)
    void deadLettersOfEveryCauseSatisfyTheDlqSchema(FailureType type) throws Exception {
        String payload = "{\"id\": \"abc\", \"text\": \"\"}";
        DeadLetter deadLetter = DeadLetter.of(type, "what went wrong",
                new DeadLetter.Source("commentary.raw", 2, 41, Optional.of("abc")), Optional.of("abc"), payload,
                Instant.parse("2026-11-23T10:00:00.5Z"));

        String json = CODEC.writeDeadLetter(deadLetter);

        Contracts.assertValid(Contracts.DLQ_RECORD, json);
        JsonNode written = Fixtures.MAPPER.readTree(json);
        assertEquals(type.code(), written.at("/cause/type").textValue());
        assertEquals(payload, written.get("payload").textValue());
        assertEquals("enrich", written.get("stage").textValue());
        assertEquals("enrich-service", written.get("service").textValue());
        assertEquals("utf-8", written.get("payload_encoding").textValue());
    }

    @Test
    void aDeadLetterWithoutIdOrKeyLeavesThemOutRatherThanWritingNull() throws Exception {
        DeadLetter deadLetter = DeadLetter.of(FailureType.MALFORMED_JSON, "not valid JSON",
                new DeadLetter.Source("commentary.raw", 0, 0, Optional.empty()), Optional.empty(), "{oops",
                Instant.now());

        String json = CODEC.writeDeadLetter(deadLetter);

        Contracts.assertValid(Contracts.DLQ_RECORD, json);
        JsonNode written = Fixtures.MAPPER.readTree(json);
        assertEquals(false, written.has("document_id"));
        assertEquals(false, written.get("source").has("key"));
    }
}
