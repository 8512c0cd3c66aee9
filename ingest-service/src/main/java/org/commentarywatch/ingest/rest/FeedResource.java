package org.commentarywatch.ingest.rest;

import java.net.URI;
import java.util.List;

import org.commentarywatch.ingest.model.ErrorBody;
import org.commentarywatch.ingest.model.Feed;
import org.commentarywatch.ingest.model.FeedRequest;
import org.commentarywatch.ingest.service.feeds.FeedService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/feeds")
@Tag(name = "feeds", description = "Feed subscriptions and their health")
@Produces(MediaType.APPLICATION_JSON)
@Blocking // the subscriptions live in Kafka: every write waits for its acknowledgement
public class FeedResource {

    private final FeedService feeds;

    public FeedResource(FeedService feeds) {
        this.feeds = feeds;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiKeyRequired
    @Operation(summary = "Subscribe to a feed",
            description = "RSS 0.9x/1.0/2.0, Atom 1.0 or JSON Feed 1.1. The id is derived from the canonical URL, "
                    + "so subscribing again to the same feed updates its interval and tags.")
    @APIResponse(responseCode = "201", description = "Subscribed; the feed with its health.",
            content = @Content(schema = @Schema(implementation = Feed.class)))
    @APIResponse(responseCode = "400", description = "No url, a url that is not http(s), or an interval out of bounds.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "An API key is configured and X-API-Key is missing or wrong.")
    @APIResponse(responseCode = "503", description = "Kafka (the subscription store) is unreachable.")
    public Response subscribe(FeedRequest request) {
        if (request == null) {
            throw new org.commentarywatch.ingest.service.InvalidDocumentException("empty_body",
                    "a JSON object with a url is required");
        }
        Feed feed = feeds.subscribe(request);
        return Response.created(URI.create("/api/feeds/" + feed.feedId())).entity(feed).build();
    }

    @GET
    @Operation(summary = "All feed subscriptions with their health")
    public List<Feed> list() {
        return feeds.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One feed with its health")
    @APIResponse(responseCode = "404", description = "No such feed.")
    public Response get(@PathParam("id") String id) {
        return feeds.get(id).map(f -> Response.ok(f).build())
                .orElseGet(() -> notFound(id));
    }

    @DELETE
    @Path("{id}")
    @ApiKeyRequired
    @Operation(summary = "Unsubscribe", description = "Writes a tombstone to the feed topic.")
    @APIResponse(responseCode = "204", description = "Unsubscribed.")
    @APIResponse(responseCode = "404", description = "No such feed.")
    public Response delete(@PathParam("id") String id) {
        return feeds.unsubscribe(id) ? Response.noContent().build() : notFound(id);
    }

    private static Response notFound(String id) {
        return Response.status(404).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("not_found", "no feed with id " + id)).build();
    }
}
