package org.commentarywatch.search.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.model.ErrorBody;

/**
 * When {@code commentary.api-key} is set, writes need it in {@code X-API-Key}; unset, the API is open (local use).
 * Neither the expected nor the given key is ever logged or echoed.
 * <p>
 * Application-scoped (a lazy proxy) because Quarkus REST creates its filters at build-time initialisation, before
 * runtime configuration such as the key can be read.
 */
@Provider
@ApplicationScoped
@ApiKeyRequired
public class ApiKeyFilter implements ContainerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final Optional<byte[]> expected;

    @Inject
    public ApiKeyFilter(CommentaryConfig config) {
        this(config.apiKey());
    }

    ApiKeyFilter(Optional<String> key) {
        this.expected = key.filter(k -> !k.isEmpty()).map(k -> k.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        refusal(request.getHeaderString(HEADER)).ifPresent(request::abortWith);
    }

    /** The 401 for this header value, if any. */
    Optional<Response> refusal(String given) {
        if (expected.isEmpty()) {
            return Optional.empty();
        }
        // Constant-time comparison: the time to refuse must not tell how much of a guess was right.
        if (given == null || !MessageDigest.isEqual(expected.get(), given.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(Response.status(Response.Status.UNAUTHORIZED)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorBody("unauthorized", "missing or wrong " + HEADER + " header"))
                    .build());
        }
        return Optional.empty();
    }
}
