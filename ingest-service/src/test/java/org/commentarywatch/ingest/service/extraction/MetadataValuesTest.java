package org.commentarywatch.ingest.service.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MetadataValuesTest {

    @Test
    void datesAsPagesWriteThemBecomeTheContractsShapes() {
        assertEquals(Optional.of("2024-02-11T08:30:00+01:00"), MetadataValues.date("2024-02-11T08:30:00+01:00"));
        assertEquals(Optional.of("2024-02-11T08:30Z"), MetadataValues.date("2024-02-11 08:30Z"));
        assertEquals(Optional.of("2023-09"), MetadataValues.date("2023-09"));
        assertEquals(Optional.of("2022-06-21"), MetadataValues.date("Date of issue: 21 June 2022"));
        assertEquals(Optional.of("2021-10-19"), MetadataValues.date("October 19, 2021"));
        assertEquals(Optional.of("2024-03-05T10:15Z"), MetadataValues.date("Tue, 5 Mar 2024 10:15:00 GMT"));
        assertEquals(Optional.empty(), MetadataValues.date("last Tuesday"));
        assertEquals(Optional.empty(), MetadataValues.date("2024-02-31"));
    }

    @Test
    void authorNamesAreSplitAndProfileLinksDropped() {
        assertEquals(List.of("A. Writer", "B. Editor"), MetadataValues.names(List.of("By A. Writer and B. Editor")));
        assertEquals(List.of("Jane Roe", "John Doe", "Kim Lee"),
                MetadataValues.names(List.of("Jane Roe, John Doe & Kim Lee")));
        assertEquals(List.of(), MetadataValues.names(List.of("https://social.example.org/someone")));
    }

    @Test
    void languageHintsBecomeTags() {
        assertEquals(Optional.of("en-GB"), MetadataValues.language("en_gb"));
        assertEquals(Optional.of("de"), MetadataValues.language("de"));
        assertEquals(Optional.empty(), MetadataValues.language("English"));
    }
}
