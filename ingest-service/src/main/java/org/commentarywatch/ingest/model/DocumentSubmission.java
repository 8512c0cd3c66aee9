package org.commentarywatch.ingest.model;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/documents}: a piece of commentary as a person or script submits it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(description = "A piece of commentary to ingest.")
public record DocumentSubmission(
        @Schema(required = true, description = "Title of the piece.")
        String title,
        @Schema(required = true, description = "Full text, plain. Must not be blank.")
        String text,
        @Schema(description = "Where the piece lives (http or https). When given, the id is derived from it.")
        Optional<String> url,
        @Schema(description = "Publication date: yyyy, yyyy-MM, yyyy-MM-dd or an ISO-8601 date-time.",
                examples = { "2024", "2024-03", "2024-03-05", "2024-03-05T10:15:00Z" })
        Optional<String> published,
        @Schema(description = "Where it came from, free text (site, feed, person).")
        Optional<String> source,
        List<String> authors,
        @Schema(description = "True for reference-corpus documents imported with an analyst's labels.")
        boolean reference,
        Optional<Labels> labels) {

    public DocumentSubmission {
        title = Fields.text(title);
        text = Fields.text(text);
        url = Fields.optional(url);
        published = Fields.optional(published);
        source = Fields.optional(source);
        authors = Fields.names(authors);
        labels = Fields.optionalObject(labels);
    }
}
