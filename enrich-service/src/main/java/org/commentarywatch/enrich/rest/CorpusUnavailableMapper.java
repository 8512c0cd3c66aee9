package org.commentarywatch.enrich.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.commentarywatch.enrich.model.ErrorResponse;
import org.commentarywatch.enrich.service.corpus.CorpusUnavailableException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Elasticsearch away: 503 rather than an enrichment that would call every text novel. */
public class CorpusUnavailableMapper {

    @ServerExceptionMapper
    public Response corpusUnavailable(CorpusUnavailableException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", "5")
                .entity(new ErrorResponse("corpus_unavailable", "the corpus of earlier documents (Elasticsearch) does "
                        + "not answer, so neighbours and novelty cannot be given: " + e.getMessage()
                        + "; retry later, or ask with ?neighbours=false"))
                .build();
    }
}
