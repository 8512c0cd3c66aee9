package org.commentarywatch.ingest.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A record on {@code commentary.raw}, shaped by {@code deploy/schemas/raw-document.schema.json}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RawDocument(
        int schemaVersion,
        String id,
        String title,
        String text,
        Optional<String> url,
        Optional<String> published,
        Optional<String> source,
        List<String> authors,
        boolean reference,
        Optional<Labels> labels,
        String contentType,
        Instant ingestedAt,
        Optional<String> language,
        Optional<CleaningReport> cleaning) {

    public static final int SCHEMA_VERSION = 1;

    public RawDocument {
        url = Fields.optionalObject(url);
        published = Fields.optionalObject(published);
        source = Fields.optionalObject(source);
        authors = authors == null ? List.of() : List.copyOf(authors);
        labels = Fields.optionalObject(labels);
        language = Fields.optionalObject(language);
        cleaning = Fields.optionalObject(cleaning);
    }
}
