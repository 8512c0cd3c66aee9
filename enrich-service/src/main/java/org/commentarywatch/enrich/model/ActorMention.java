package org.commentarywatch.enrich.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One knowledge-base actor found in a text: an item of {@code enrichment.actors}.
 *
 * @param wikidata the Wikidata id, only when the knowledge base vouches for it; null leaves it out
 * @param country knowledge-base id of the state a person, company, project or place belongs to; null when none
 * @param mentions how many times the text names the actor
 * @param location where a place (or a state's capital) lies; null for actors without one
 * @param offsets [start, end) character offsets into the text of the first mentions (at most {@link #MAX_OFFSETS})
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActorMention(
        String id,
        String name,
        String type,
        String wikidata,
        String country,
        int mentions,
        GeoPoint location,
        List<int[]> offsets) {

    public static final int MAX_OFFSETS = 20;

    /** A point for Elasticsearch's geo_point and Kibana maps. */
    public record GeoPoint(double lat, double lon) {
    }
}
