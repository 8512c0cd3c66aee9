package org.commentarywatch.ingest.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.commentarywatch.ingest.Schemas;
import org.commentarywatch.ingest.config.JsonMapping;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Dead letters for whole inputs (a feed, a dropped file): the payload kept verbatim, bounded, in the contract. */
class DeadLetterTest {

    private static final ObjectMapper MAPPER = JsonMapping.configure(new ObjectMapper());
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static String valid(DeadLetter letter) throws Exception {
        String json = MAPPER.writeValueAsString(letter);
        assertEquals(Set.of(), Schemas.validate("dlq-record.schema.json", json), json);
        return json;
    }

    @Test
    void aTextOriginalIsKeptVerbatimAsUtf8WithItsSource() throws Exception {
        byte[] feed = "<rss><channel><title>Крым — 天气</title>".getBytes(StandardCharsets.UTF_8);
        DeadLetter letter = DeadLetter.ofContent("feed_unparsable", "not a readable RSS/Atom feed",
                DeadLetter.Source.url("https://feeds.example.org/rss"), feed, feed.length, AT);

        assertEquals("utf-8", letter.payloadEncoding());
        assertEquals(new String(feed, StandardCharsets.UTF_8), letter.payload());
        assertEquals("not a readable RSS/Atom feed", letter.cause().message());
        assertTrue(valid(letter).contains("\"source\":{\"url\":\"https://feeds.example.org/rss\"}"));
    }

    @Test
    void aBinaryOriginalIsBase64AndAFileNamesItsSource() throws Exception {
        byte[] pdf = { '%', 'P', 'D', 'F', '-', 1, (byte) 0xff, (byte) 0xfe, 0, 7 };
        DeadLetter letter = DeadLetter.ofContent("unreadable_pdf", "not a PDF", DeadLetter.Source.file("a.pdf"),
                pdf, pdf.length, AT);

        assertEquals("base64", letter.payloadEncoding());
        assertArrayEquals(pdf, Base64.getDecoder().decode(letter.payload()));
        assertTrue(valid(letter).contains("\"source\":{\"file\":\"a.pdf\"}"));
    }

    @Test
    void aLongOriginalIsCutAtTheBoundWithoutSplittingACharacterAndTheMessageSaysSo() throws Exception {
        // Three-byte characters, so that the bound falls inside one.
        byte[] text = "語".repeat(DeadLetter.MAX_PAYLOAD_BYTES / 3 + 10).getBytes(StandardCharsets.UTF_8);
        DeadLetter letter = DeadLetter.ofContent("unsupported_extension", "not read here",
                DeadLetter.Source.file("long.csv"), text, text.length + 5000L, AT);

        assertEquals("utf-8", letter.payloadEncoding());
        assertEquals(DeadLetter.MAX_PAYLOAD_BYTES / 3, letter.payload().length());
        assertEquals("not read here (payload: the first " + DeadLetter.MAX_PAYLOAD_BYTES + " of " + (text.length + 5000)
                + " bytes)", letter.cause().message());
        valid(letter);
    }

    @Test
    void noAnswerAtAllIsAnEmptyPayload() throws Exception {
        DeadLetter letter = DeadLetter.ofContent("feed_unreachable", "connection refused",
                DeadLetter.Source.url("http://127.0.0.1:9/feed"), new byte[0], 0, AT);

        assertEquals("", letter.payload());
        assertEquals("connection refused", letter.cause().message());
        valid(letter);
    }
}
