package org.commentarywatch.enrich.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.commentarywatch.enrich.model.ErrorResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns refused requests into a 400 whose JSON body says what was wrong, instead of an empty one. */
public class ApiExceptionMappers {

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return badRequest(e.error(), e.getMessage());
    }

    /** JSON of the wrong shape, e.g. {@code "text": {}}; replaces Quarkus' built-in mapper, which has no message. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return badRequest("invalid_request", describe(e));
    }

    /** Quarkus wraps JSON it cannot parse in a 400 WebApplicationException, the parse error as its cause. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException parseError) {
            return badRequest("malformed_json", "the body is not valid JSON: " + describe(parseError));
        }
        return e.getResponse();
    }

    private static Response badRequest(String error, String message) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(error, message))
                .build();
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return at == null ? e.getOriginalMessage()
                : e.getOriginalMessage() + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
