package org.commentarywatch.search.rest;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.model.InvalidSearchParameterException;
import org.commentarywatch.search.model.Rule;
import org.commentarywatch.search.model.RuleBody;
import org.commentarywatch.search.model.RuleView;
import org.commentarywatch.search.model.ValidationErrorBody;
import org.commentarywatch.search.service.AlertService;
import org.commentarywatch.search.service.AtomFeeds;
import org.commentarywatch.search.service.RuleService;

@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules")
public class RuleResource {

    private final RuleService rules;
    private final AlertService alerts;
    private final String publicUrl;
    private final int feedSize;

    public RuleResource(RuleService rules, AlertService alerts, CommentaryConfig config) {
        this.rules = rules;
        this.alerts = alerts;
        this.publicUrl = config.publicUrl();
        this.feedSize = config.alerting().feedSize();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiKeyRequired
    @Operation(summary = "Create a rule", description = "Applies to the next document indexed. The webhook secret and "
            + "header values are never shown back.")
    @APIResponse(responseCode = "201", description = "The rule", content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "400", description = "Invalid rule; for a query, the column where it cannot be parsed",
            content = @Content(schema = @Schema(implementation = ValidationErrorBody.class)))
    public Response create(RuleBody body) throws IOException {
        Rule rule = rules.create(body);
        return Response.created(URI.create("/api/rules/" + rule.id())).entity(RuleView.of(rule, publicUrl)).build();
    }

    @GET
    @Operation(summary = "The rules, newest first")
    public List<RuleView> list(@QueryParam("from") @DefaultValue("0") int from,
                               @QueryParam("size") @DefaultValue("100") int size) throws IOException {
        if (from < 0 || size < 1 || size > 1000 || from + size > 10_000) {
            throw new InvalidSearchParameterException("size must be 1 to 1000, from at least 0, from + size at most 10000");
        }
        return rules.list(from, size).stream().map(rule -> RuleView.of(rule, publicUrl)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A rule")
    public RuleView get(@PathParam("id") String id) throws IOException {
        return RuleView.of(rules.get(id).orElseThrow(() -> notFound(id)), publicUrl);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiKeyRequired
    @Operation(summary = "Replace a rule", description = "A webhook secret or header value given as \"***\" (or a secret "
            + "left out) keeps the stored one.")
    public RuleView update(@PathParam("id") String id, RuleBody body) throws IOException {
        return RuleView.of(rules.update(id, body).orElseThrow(() -> notFound(id)), publicUrl);
    }

    @DELETE
    @Path("/{id}")
    @ApiKeyRequired
    @Operation(summary = "Delete a rule", description = "Its alerts stay; pending webhook deliveries fail.")
    public Response delete(@PathParam("id") String id) throws IOException {
        if (!rules.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/alerts")
    @Operation(summary = "The rule's recent alerts, newest first")
    public List<ObjectNode> alerts(@PathParam("id") String id, @QueryParam("size") @DefaultValue("50") int size)
            throws IOException {
        if (size < 1 || size > 1000) {
            throw new InvalidSearchParameterException("size must be 1 to 1000");
        }
        rules.get(id).orElseThrow(() -> notFound(id));
        return alerts.recentAlerts(id, size);
    }

    @GET
    @Path("/{id}/feed.atom")
    @Produces(AtomFeeds.MEDIA_TYPE)
    @Operation(summary = "The rule's recent alerts as an Atom 1.0 feed")
    public Response feed(@PathParam("id") String id) throws IOException {
        Rule rule = rules.get(id).orElseThrow(() -> notFound(id));
        String xml = AtomFeeds.forRule(rule, alerts.recentAlerts(id, feedSize), publicUrl);
        return Response.ok(xml, AtomFeeds.MEDIA_TYPE + ";charset=utf-8").build();
    }

    private static RuleNotFoundException notFound(String id) {
        return new RuleNotFoundException("no rule with id " + id);
    }
}
