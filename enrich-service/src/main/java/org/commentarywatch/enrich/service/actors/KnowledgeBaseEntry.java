package org.commentarywatch.enrich.service.actors;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of {@code knowledge-base/actors.jsonl}. Aliases are keyed by language ({@code en}, {@code ru},
 * {@code zh}); how an alias is written decides how it matches (see {@link AliasPattern}).
 *
 * @param wikidataVerified false when the Wikidata id was not checked; such ids are not published
 * @param country id of the state entry the actor belongs to
 * @param lat latitude of a place, or of a state's capital
 */
public record KnowledgeBaseEntry(
        String id,
        String type,
        String name,
        String wikidata,
        @JsonProperty("wikidata_verified") Boolean wikidataVerified,
        String country,
        Double lat,
        Double lon,
        Map<String, List<String>> aliases) {

    public static final List<String> TYPES = List.of("state", "bloc", "organization", "person", "company", "project",
            "place");

    /** The Wikidata id when it is present and not marked unverified. */
    public String publishedWikidata() {
        return wikidata != null && !Boolean.FALSE.equals(wikidataVerified) ? wikidata : null;
    }

    public List<String> aliases(String language) {
        return aliases == null ? List.of() : aliases.getOrDefault(language, List.of());
    }
}
