package org.commentarywatch.ingest.rest;

import org.commentarywatch.ingest.model.ErrorBody;
import org.commentarywatch.ingest.service.DocumentMetrics;
import org.commentarywatch.ingest.service.fetch.FetchException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A submitted URL whose page could not be fetched: the status the fetcher chose (400 not http(s), 413 too large,
 * 422 robots.txt, 4xx page or bad redirect, 502 site down, 504 timeout) with its kind and message.
 */
public class FetchErrorMappers {

    private final DocumentMetrics metrics;

    public FetchErrorMappers(DocumentMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerExceptionMapper
    public Response fetchFailed(FetchException e) {
        metrics.rejected();
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(e.kind(), e.getMessage())).build();
    }
}
