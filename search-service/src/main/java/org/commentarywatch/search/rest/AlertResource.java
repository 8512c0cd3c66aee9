package org.commentarywatch.search.rest;

import java.io.IOException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.service.AlertService;

@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules")
public class AlertResource {

    private final AlertService alerts;

    public AlertResource(AlertService alerts) {
        this.alerts = alerts;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An alert, why it matched, and its webhook delivery log",
            description = "delivery: status (pending, delivered, failed), attempts, and per attempt its time, HTTP status, "
                    + "latency and error.")
    public ObjectNode alert(@PathParam("id") String id) throws IOException {
        return alerts.alertWithDelivery(id).orElseThrow(() -> new RuleNotFoundException("no alert with id " + id));
    }
}
