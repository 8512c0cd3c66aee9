package org.commentarywatch.ingest.rest;

import org.commentarywatch.ingest.model.ErrorBody;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * 413 with an {@link ErrorBody} for a body announced larger than {@code quarkus.http.limits.max-body-size}. The
 * HTTP layer's own check refuses such a body too, but with an empty answer; this one runs just before it (the same
 * test on {@code Content-Length}, before a byte of the body is read) and says what was wrong.
 * <p>
 * Except for a request with {@code Expect: 100-continue}: it is left to the HTTP layer's empty 413, because the
 * JDK 17 HttpClient never completes a request that expected a 100 and got a final answer with a body (it does
 * complete with an empty one). A chunked body without a length is cut off by the HTTP layer while it is read.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long limit;
    private final String limitText;
    private final ObjectMapper mapper;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
            ObjectMapper mapper) {
        this.limit = limit.asLongValue();
        this.limitText = limit.asLongValue() + " bytes";
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long announced;
        try {
            announced = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            // Not ours to judge: the HTTP layer answers a malformed length itself.
            context.next();
            return;
        }
        if (announced <= limit || context.request().headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            context.next();
            return;
        }
        ErrorBody error = new ErrorBody("body_too_large", "the body has " + announced + " bytes; at most "
                + limitText + " are accepted (quarkus.http.limits.max-body-size)");
        HttpServerResponse response = context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                // The unread body would otherwise be taken for the next request on this connection.
                .putHeader(HttpHeaders.CONNECTION, "close");
        response.end(json(error)).onComplete(done -> context.request().connection().close());
    }

    private String json(ErrorBody error) {
        try {
            return mapper.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ErrorBody is always serialisable", e);
        }
    }
}
