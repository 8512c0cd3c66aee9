package org.commentarywatch.search.rest;

import java.io.IOException;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;

import org.commentarywatch.search.model.ErrorBody;
import org.commentarywatch.search.model.InvalidRuleException;
import org.commentarywatch.search.model.InvalidSearchParameterException;
import org.commentarywatch.search.model.ValidationErrorBody;

/** Every error of the API as {@code {"error", "message"}}. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response invalidParameter(InvalidSearchParameterException e) {
        String code = e.parameter().filter("q"::equals).isPresent() ? "invalid_query" : "invalid_parameter";
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(new ValidationErrorBody(code, e.getMessage(), e.parameter().orElse(null), e.position().orElse(null)))
                .build();
    }

    @ServerExceptionMapper
    public Response notFound(DocumentNotFoundException e) {
        return error(Response.Status.NOT_FOUND, "not_found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidRule(InvalidRuleException e) {
        String code = "query".equals(e.field()) ? "invalid_query" : "invalid_rule";
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(new ValidationErrorBody(code, e.getMessage(), e.field(), e.position().orElse(null))).build();
    }

    @ServerExceptionMapper
    public Response notFound(RuleNotFoundException e) {
        return error(Response.Status.NOT_FOUND, "not_found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response unreachable(IOException e) {
        LOG.warnf("Elasticsearch unreachable: %s", e.toString());
        return error(Response.Status.SERVICE_UNAVAILABLE, "elasticsearch_unavailable",
                "Elasticsearch cannot be reached: " + e.getMessage());
    }

    @ServerExceptionMapper
    public Response elasticsearch(ElasticsearchException e) {
        String reason = e.error() == null ? e.getMessage() : e.error().type() + ": " + e.error().reason();
        if (e.status() == 400) {
            // Only what the user typed can make a request we built invalid, e.g. a query with too many clauses.
            return error(Response.Status.BAD_REQUEST, "query_rejected", reason);
        }
        LOG.warnf("Elasticsearch failed a read: %s", reason);
        return error(Response.Status.SERVICE_UNAVAILABLE, "elasticsearch_unavailable", reason);
    }

    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(code, message)).build();
    }
}
