package org.commentarywatch.ingest.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.commentarywatch.ingest.config.JsonMapping;
import org.commentarywatch.ingest.model.DocumentSubmission;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The messages a client gets for a body Jackson cannot read: they must say what, and where. */
class ErrorMappersTest {

    private static final ObjectMapper MAPPER = JsonMapping.configure(new ObjectMapper());

    private static String messageFor(String body) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue(body, DocumentSubmission.class));
        return ErrorMappers.describe(e);
    }

    @Test
    void brokenSyntaxIsReportedWithLineAndColumn() {
        String message = messageFor("{\"title\": \"t\",\n \"text\": }");
        assertTrue(message.startsWith("the body is not valid JSON at line 2, column "), message);
    }

    @Test
    void aMisspeltFieldIsNamedWithTheFieldsThatExist() {
        String message = messageFor("{\"titel\": \"t\"}");
        assertTrue(message.startsWith("unknown property 'titel'; known here: "), message);
        assertTrue(message.contains("title") && message.contains("labels"), message);
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFieldAndWhatItMustBe() {
        assertEquals("'authors' must be an array", messageFor("{\"authors\": \"A. Writer\"}"));
        assertEquals("'reference' must be true or false", messageFor("{\"reference\": \"perhaps\"}"));
        assertEquals("'labels' must be an object", messageFor("{\"labels\": \"neutral\"}"));
        assertEquals("'url' must be a string", messageFor("{\"url\": {\"href\": \"https://example.org\"}}"));
        assertEquals("'labels.themes[1]' must be a string", messageFor("{\"labels\": {\"themes\": [\"energy\", {}]}}"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsSaidSo() {
        assertEquals("the request body must be a JSON object", messageFor("[\"title\"]"));
    }
}
