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
import org.commentarywatch.ingest.model.Labels;
import org.commentarywatch.ingest.model.Vocabulary;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;

/** What ingest writes to commentary.raw, serialised as the service does, against deploy/schemas. */
class RawDocumentContractTest {

    private static final ObjectMapper MAPPER = JsonMapping.configure(new ObjectMapper());

    private static String serialise(DocumentSubmission submission) throws Exception {
        return MAPPER.writeValueAsString(IngestService.toDocument(submission, "text/plain"));
    }

    private static DocumentSubmission minimal() {
        return new DocumentSubmission("Rail freight across the steppe", "Two sentences of fresh text. Nothing more.",
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), false, Optional.empty());
    }

    private static DocumentSubmission fullyLabelled() {
        Labels labels = new Labels(Optional.of("neutral"), List.of("trade_finance", "central_asia"),
                List.of("Kazakhstan", "China"), List.of("An Example Minister"), Optional.of("Example Review"),
                Optional.of("web"));
        return new DocumentSubmission("Rail freight across the steppe", "A short piece written for this test.",
                Optional.of("HTTPS://Example.org/rail/?utm_source=feed"), Optional.of("2023-11-04T09:30:00+02:00"),
                Optional.of("test suite"), List.of("A. Writer", "B. Editor"), true, Optional.of(labels));
    }

    @Test
    void aFullyLabelledDocumentValidatesAgainstTheSchema() throws Exception {
        String json = serialise(fullyLabelled());

        Set<ValidationMessage> errors = Schemas.validate(Schemas.RAW_DOCUMENT, json);

        assertTrue(errors.isEmpty(), errors + " in " + json);
        JsonNode doc = MAPPER.readTree(json);
        assertEquals("https://example.org/rail", doc.path("url").asText());
        assertEquals("text/plain", doc.path("content_type").asText());
        assertEquals(1, doc.path("schema_version").asInt());
        assertEquals("Kazakhstan", doc.path("labels").path("countries_and_blocs").path(0).asText());
    }

    @Test
    void aMinimalDocumentValidatesAndLeavesAbsentFieldsOutInsteadOfWritingNull() throws Exception {
        String json = serialise(minimal());

        Set<ValidationMessage> errors = Schemas.validate(Schemas.RAW_DOCUMENT, json);

        assertTrue(errors.isEmpty(), errors + " in " + json);
        JsonNode doc = MAPPER.readTree(json);
        for (String absent : List.of("url", "published", "source", "labels")) {
            assertFalse(doc.has(absent), absent + " should be left out: " + json);
        }
        assertFalse(json.contains("null"), json);
        assertTrue(doc.path("authors").isArray() && doc.path("authors").isEmpty(), json);
        assertFalse(doc.path("reference").asBoolean(true), json);
    }

    @Test
    void theValidatorRefusesWhatTheSchemaForbids() {
        // Guards the two tests above against a schema that failed to load and lets everything through.
        assertFalse(Schemas.validate(Schemas.RAW_DOCUMENT, "{\"schema_version\": 1, \"id\": null}").isEmpty());
        assertFalse(Schemas.validate(Schemas.RAW_DOCUMENT, "{\"schema_version\":1,\"id\":\"0123456789abcdef0123456789abcdef\","
                + "\"title\":\"t\",\"text\":\"x\",\"authors\":[],\"reference\":false,\"content_type\":\"text/plain\","
                + "\"ingested_at\":\"yesterday\"}").isEmpty(), "a date-time format is asserted");
    }

    @Test
    void theLabelVocabulariesAreThoseOfTheSchema() {
        JsonNode defs = Schemas.json(Schemas.RAW_DOCUMENT).path("$defs");
        assertEquals(strings(defs.path("stance").path("enum")), Vocabulary.STANCES);
        assertEquals(strings(defs.path("theme").path("enum")), Vocabulary.THEMES);
    }

    @Test
    void aDocumentExtractedFromHtmlCarriesItsLanguageAndCleaningReportAndValidates() throws Exception {
        org.commentarywatch.ingest.service.extraction.DocumentExtractor extractor =
                new org.commentarywatch.ingest.service.extraction.DocumentExtractor(
                        new org.commentarywatch.ingest.service.extraction.PdfExtractor.Limits(300,
                                java.time.Duration.ofSeconds(5)));
        DocumentSubmission nothingGiven = new DocumentSubmission("", "", Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), false, Optional.empty());

        String json = MAPPER.writeValueAsString(IngestService.fromDocument(extractor,
                org.commentarywatch.ingest.Fixtures.bytes("news-article.html"), "text/html; charset=utf-8",
                nothingGiven));

        Set<ValidationMessage> errors = Schemas.validate(Schemas.RAW_DOCUMENT, json);
        assertTrue(errors.isEmpty(), errors + " in " + json);
        JsonNode doc = MAPPER.readTree(json);
        assertEquals("text/html", doc.path("content_type").asText());
        assertEquals("en-GB", doc.path("language").asText());
        assertEquals("https://ledger.example.org/river/barge-quotas", doc.path("url").asText());
        assertTrue(doc.path("cleaning").path("lines_before").asInt() >= doc.path("cleaning").path("lines_after").asInt(),
                json);
    }

    @Test
    void aJsonSubmissionIsCleanedToo() throws Exception {
        DocumentSubmission submission = new DocumentSubmission("Rail freight", "Rail freight\nA line about wag-\nons."
                + "\nPage 1 of 1", Optional.empty(), Optional.empty(), Optional.empty(), List.of(), false,
                Optional.empty());

        JsonNode doc = MAPPER.readTree(serialise(submission));

        assertEquals("A line about wagons.", doc.path("text").asText());
        assertEquals(1, doc.path("cleaning").path("removed").path("title_repeat").asInt(), doc.toString());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
