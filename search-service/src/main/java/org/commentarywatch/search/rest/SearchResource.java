package org.commentarywatch.search.rest;

import java.io.IOException;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.commentarywatch.search.model.ErrorBody;
import org.commentarywatch.search.model.SearchParams;
import org.commentarywatch.search.model.SearchResult;
import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.service.AtomFeeds;
import org.commentarywatch.search.service.SearchService;

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
    @Operation(summary = "Any search as an Atom 1.0 feed", description = "The same parameters as the search; each entry "
            + "links to the document.")
    public Response feed(@QueryParam("q") String q, @QueryParam("size") String size, @QueryParam("from") String from,
                         @Context UriInfo uri) throws IOException {
        SearchParams params = SearchParams.parse(Optional.ofNullable(q), Optional.ofNullable(size), Optional.ofNullable(from));
        String self = publicUrl + "/api/search/feed.atom" + Optional.ofNullable(uri.getRequestUri().getRawQuery())
                .map(query -> "?" + query).orElse("");
        String xml = AtomFeeds.forSearch(params.query(), search.search(params), publicUrl, self);
        return Response.ok(xml, AtomFeeds.MEDIA_TYPE + ";charset=utf-8").build();
    }

    // size and from arrive as text and are parsed by SearchParams, so that "size=ten" gets a 400 with a reason
    // like any other bad value, not the framework's bare 404.
    @GET
    @Operation(summary = "Full-text search over title and text",
            description = "q uses simple_query_string syntax (\"quoted phrases\", -exclusion, prefix*, a | b); every term "
                    + "is required unless | says otherwise. Without q: every document, most recently ingested first.")
    @APIResponse(responseCode = "200", description = "The page of matches and the exact total",
            content = @Content(schema = @Schema(implementation = SearchResult.class)))
    @APIResponse(responseCode = "400", description = "size or from out of range or not an integer",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch or the index is unavailable",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public SearchResult search(
            @Parameter(description = "The query; empty for everything") @QueryParam("q") String q,
            @Parameter(description = "Hits per page, 1 to " + SearchParams.MAX_SIZE,
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10", minimum = "1", maximum = "100"))
            @QueryParam("size") String size,
            @Parameter(description = "Hits to skip", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0"))
            @QueryParam("from") String from) throws IOException {
        return search.search(SearchParams.parse(Optional.ofNullable(q), Optional.ofNullable(size), Optional.ofNullable(from)));
    }
}
