package org.commentarywatch.search.rest;

import java.io.IOException;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.model.ErrorBody;
import org.commentarywatch.search.model.SearchParams;
import org.commentarywatch.search.model.SearchResult;
import org.commentarywatch.search.model.ValidationErrorBody;
import org.commentarywatch.search.service.AtomFeeds;
import org.commentarywatch.search.service.SearchService;

// The parameters are read from the request's query map and checked by SearchParams, so that a bad value of any of
// them ("size=ten", "stance=allies", "to=yesterday") gets a 400 naming it, not the framework's bare 404, and
// repeated filters (stance=a&stance=b) arrive whole. @Parameters documents them.
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
public class SearchResource {

    private final SearchService search;
    private final String publicUrl;

    public SearchResource(SearchService search, CommentaryConfig config) {
        this.search = search;
        this.publicUrl = config.publicUrl();
    }

    @GET
    @Path("/feed.atom")
    @Produces(AtomFeeds.MEDIA_TYPE)
    @Operation(summary = "Any search as an Atom 1.0 feed", description = "The same parameters as GET /api/search (see there); "
            + "each entry links to the document.")
    public Response feed(@Context UriInfo uri) throws IOException {
        SearchParams params = SearchParams.parse(uri.getQueryParameters());
        String self = publicUrl + "/api/search/feed.atom" + Optional.ofNullable(uri.getRequestUri().getRawQuery())
                .map(query -> "?" + query).orElse("");
        String xml = AtomFeeds.forSearch(params.query(), search.search(params), publicUrl, self);
        return Response.ok(xml, AtomFeeds.MEDIA_TYPE + ";charset=utf-8").build();
    }

    @GET
    @Operation(summary = "Search with filters, highlights and facets",
            description = "q is Lucene query-string syntax over title (weighted x2) and text: every term required (AND), "
                    + "OR, NOT, \"phrases\", prefix*, fuzzy~, ( ), and field:value for any field of the mapping. A query "
                    + "that does not parse is a 400 with the reason and the position. Filters given more than once match "
                    + "any of their values. Without q: every document, most recently ingested first.")
    @Parameters({
            @Parameter(name = "q", in = ParameterIn.QUERY, description = "The query; empty for everything"),
            @Parameter(name = "stance", in = ParameterIn.QUERY, description = "convergence, divergence, neutral or off_topic; repeatable"),
            @Parameter(name = "theme", in = ParameterIn.QUERY, description = "A theme label, e.g. energy; repeatable"),
            @Parameter(name = "actor", in = ParameterIn.QUERY, description = "An actor's id or name, e.g. china or Xi Jinping; repeatable"),
            @Parameter(name = "language", in = ParameterIn.QUERY, description = "ISO 639 code, e.g. en; repeatable"),
            @Parameter(name = "source", in = ParameterIn.QUERY, description = "The source (publisher) exactly; repeatable"),
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "Published on or after: 2026-10-14 or 2026-10-14T08:00:00Z"),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Published on or before (a date: up to the end of that day)"),
            @Parameter(name = "reference", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN),
                    description = "true: only reference documents; false: only the others"),
            @Parameter(name = "page", in = ParameterIn.QUERY, description = "1-based; page × size at most " + SearchParams.MAX_WINDOW,
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "1", minimum = "1")),
            @Parameter(name = "size", in = ParameterIn.QUERY, description = "Hits per page, 1 to " + SearchParams.MAX_SIZE,
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10", minimum = "1", maximum = "100")),
            @Parameter(name = "sort", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"relevance", "published_desc", "published_asc", "novelty", "ingested_desc"}),
                    description = "Default: relevance with q, ingested_desc without")
    })
    @APIResponse(responseCode = "200", description = "The page of matches, the exact total and the facets of all matches",
            content = @Content(schema = @Schema(implementation = SearchResult.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (named in field) or q does not parse",
            content = @Content(schema = @Schema(implementation = ValidationErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch or the index is unavailable",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public SearchResult search(@Context UriInfo uri) throws IOException {
        return search.search(SearchParams.parse(uri.getQueryParameters()));
    }
}
