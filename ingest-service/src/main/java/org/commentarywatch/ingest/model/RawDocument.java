package org.commentarywatch.ingest.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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
        Optional<CleaningReport> cleaning,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> alsoSeenAt) {

    public static final int SCHEMA_VERSION = 1;

    public RawDocument {
        url = Fields.optionalObject(url);
        published = Fields.optionalObject(published);
        source = Fields.optionalObject(source);
        authors = authors == null ? List.of() : List.copyOf(authors);
        labels = Fields.optionalObject(labels);
        language = Fields.optionalObject(language);
        cleaning = Fields.optionalObject(cleaning);
        alsoSeenAt = alsoSeenAt == null ? List.of() : List.copyOf(alsoSeenAt);
    }

    /** The same document with another text: the memory of seen content keeps documents without theirs. */
    public RawDocument withText(String newText) {
        return new RawDocument(schemaVersion, id, title, newText, url, published, source, authors, reference, labels,
                contentType, ingestedAt, language, cleaning, alsoSeenAt);
    }

    public RawDocument withAlsoSeenAt(List<String> urls) {
        return new RawDocument(schemaVersion, id, title, text, url, published, source, authors, reference, labels,
                contentType, ingestedAt, language, cleaning, urls);
    }
}
