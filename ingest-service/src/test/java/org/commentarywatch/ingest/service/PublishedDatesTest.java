package org.commentarywatch.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedDatesTest {

    @ParameterizedTest
    @ValueSource(strings = { "2023", "2023-11", "2023-11-04", "2024-02-29", "2023-11-04T09:30:00Z",
            "2023-11-04T09:30Z", "2023-11-04T09:30:00.250+02:00", "2023-11-04T09:30:00-0500",
            "2023-11-04T09:30:00" })
    void acceptsAYearAMonthADayOrADateTimeAsGiven(String published) {
        assertEquals(published, PublishedDates.validate(published));
    }

    @ParameterizedTest
    @ValueSource(strings = { "23", "2023-1", "2023/11/04", "04.11.2023", "November 2023", "2023-11-04 09:30",
            "2023-02-29", "2023-13", "2023-11-31", "2023-11-04T25:00:00Z", "2023-11-04T09", "2023-11-04t09:30:00z",
            "2023-11-04T09:30:00+02:00[Europe/Berlin]", "+12023-01-01", "" })
    void refusesOtherFormsAndImpossibleDatesNamingTheValue(String published) {
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class,
                () -> PublishedDates.validate(published));
        assertEquals("invalid_published", e.kind());
        assertTrue(e.getMessage().contains("'" + published + "'"), e.getMessage());
    }
}
