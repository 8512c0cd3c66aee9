package org.commentarywatch.ingest.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.commentarywatch.ingest.config.JsonMapping;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** How a request body is read, with the service's Jackson setup. */
class DocumentSubmissionTest {

    private static final ObjectMapper MAPPER = JsonMapping.configure(new ObjectMapper());

    private static DocumentSubmission read(String json) throws Exception {
        return MAPPER.readValue(json, DocumentSubmission.class);
    }

    @Test
    void absentFieldsBecomeEmptyValuesNotNulls() throws Exception {
        DocumentSubmission submission = read("{}");

        assertEquals("", submission.title());
        assertEquals("", submission.text());
        assertEquals(Optional.empty(), submission.url());
        assertEquals(Optional.empty(), submission.published());
        assertEquals(Optional.empty(), submission.source());
        assertEquals(List.of(), submission.authors());
        assertFalse(submission.reference());
        assertEquals(Optional.empty(), submission.labels());
    }

    @Test
    void blankOptionalFieldsCountAsAbsent() throws Exception {
        DocumentSubmission submission = read("{\"url\": \" \", \"published\": \"\", \"source\": null}");

        assertEquals(Optional.empty(), submission.url());
        assertEquals(Optional.empty(), submission.published());
        assertEquals(Optional.empty(), submission.source());
    }

    @Test
    void blankNamesAreDroppedAndOthersTrimmed() throws Exception {
        DocumentSubmission submission = read("{\"authors\": [\" A. Writer \", \"\", null, \"B. Editor\"],"
                + "\"labels\": {\"people\": [\"  \"], \"countries_and_blocs\": [\"ASEAN \"]}}");

        assertEquals(List.of("A. Writer", "B. Editor"), submission.authors());
        assertEquals(List.of(), submission.labels().orElseThrow().people());
        assertEquals(List.of("ASEAN"), submission.labels().orElseThrow().countriesAndBlocs());
        assertEquals(List.of(), submission.labels().orElseThrow().themes());
    }

    @Test
    void aMisspeltFieldIsAnErrorNotSilentlyDropped() {
        assertThrows(UnrecognizedPropertyException.class, () -> read("{\"title\": \"t\", \"lables\": {}}"));
        assertThrows(UnrecognizedPropertyException.class, () -> read("{\"labels\": {\"countries\": []}}"));
    }

    @Test
    void fieldsAreSnakeCase() throws Exception {
        assertTrue(read("{\"labels\": {\"countries_and_blocs\": [\"EU\"]}}").labels().isPresent());
    }
}
