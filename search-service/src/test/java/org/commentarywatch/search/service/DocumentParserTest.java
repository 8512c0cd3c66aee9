package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.commentarywatch.search.Fixtures;

class DocumentParserTest {

    private final DocumentParser parser = new DocumentParser();

    private DocumentParser.Unreadable unreadable(String payload) {
        return assertInstanceOf(DocumentParser.Unreadable.class, parser.parse(payload));
    }

    @Test
    void aDocumentIsReadWithEveryPropertyItHad() {
        String payload = Fixtures.enrichedDocument().put("a_future_field", "kept").toString();
        DocumentParser.Document parsed = assertInstanceOf(DocumentParser.Document.class, parser.parse(payload));
        assertEquals("5f1c0a9e2b7d4c3e8a6f0b1d2c3e4f5a", parsed.document().id());
        assertEquals("kept", parsed.document().source().path("a_future_field").asText());
    }

    @Test
    void numbersKeepTheDigitsTheyWereWrittenWith() {
        DocumentParser.Document parsed = assertInstanceOf(DocumentParser.Document.class,
                parser.parse("{\"id\":\"a\",\"enrichment\":{\"language_confidence\":0.1234567890123456789}}"));
        assertTrue(parsed.document().source().toString().contains("0.1234567890123456789"));
    }

    @Test
    void brokenJsonIsMalformedWithWhereItBroke() {
        DocumentParser.Unreadable result = unreadable("{\"id\": \"abc\", \"title\": ");
        assertEquals("malformed_json", result.cause().type());
        assertTrue(result.cause().message().contains("line 1"), result.cause().message());
    }

    @Test
    void trailingGarbageAfterTheObjectIsMalformed() {
        assertEquals("malformed_json", unreadable("{\"id\": \"abc\"} trailing").cause().type());
    }

    @Test
    void duplicateKeysAreMalformedRatherThanSilentlyResolved() {
        assertEquals("malformed_json", unreadable("{\"id\": \"abc\", \"id\": \"def\"}").cause().type());
    }

    @Test
    void jsonThatIsNotAnObjectIsMalformed() {
        assertEquals("malformed_json", unreadable("[1, 2, 3]").cause().type());
    }

    @Test
    void aDocumentWithoutIdCannotBeIndexed() {
        assertEquals("missing_id", unreadable("{\"title\": \"no id\"}").cause().type());
        assertEquals("missing_id", unreadable("{\"id\": 42}").cause().type());
        assertEquals("missing_id", unreadable("{\"id\": \"  \"}").cause().type());
    }

    @Test
    void anEmptyRecordIsReportedAsSuch() {
        assertEquals("empty_record", unreadable("").cause().type());
    }
}
