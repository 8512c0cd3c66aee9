package org.commentarywatch.ingest.rest;

import org.commentarywatch.ingest.model.ErrorBody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A failure below the REST layer (a route handler, reading the request) would otherwise reach Quarkus' error page,
 * which in production answers {@code {"details":"Error id ...","stack":""}}: no kind, no message. This failure
 * handler runs before it and answers like every other error of the API ({@link ErrorBody}), logging the stack
 * under the error id it names. Failures that carry their own status (413 from the body limit, 404) keep it.
 */
@ApplicationScoped
public class JsonFailureHandler {

    private final ObjectMapper mapper;

    public JsonFailureHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        Throwable failure = context.failure();
        boolean unexpected = failure != null && (context.statusCode() == -1 || context.statusCode() == 500);
        if (!unexpected || context.response().headWritten() || context.response().closed()) {
            context.next();
            return;
        }
        context.response().setStatusCode(500)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(json(ErrorMappers.internalError(failure, context.request().path())));
    }

    private String json(ErrorBody error) {
        try {
            return mapper.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ErrorBody is always serialisable", e);
        }
    }
}
