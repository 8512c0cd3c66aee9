package org.commentarywatch.ingest.model;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An analyst's reading of a piece. Stance and themes come from {@link Vocabulary}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(description = "An analyst's reading of the piece.")
public record Labels(
        @Schema(description = "Does the piece argue China and Russia are moving toward an alliance?",
                enumeration = { "convergence", "divergence", "neutral", "off_topic" })
        Optional<String> stance,
        @Schema(description = "Themes from the project's theme vocabulary.")
        List<String> themes,
        List<String> countriesAndBlocs,
        List<String> people,
        Optional<String> publisher,
        @Schema(description = "What the piece was taken from, e.g. web, pdf.")
        Optional<String> origin) {

    public Labels {
        stance = Fields.optional(stance);
        themes = Fields.names(themes);
        countriesAndBlocs = Fields.names(countriesAndBlocs);
        people = Fields.names(people);
        publisher = Fields.optional(publisher);
        origin = Fields.optional(origin);
    }
}
