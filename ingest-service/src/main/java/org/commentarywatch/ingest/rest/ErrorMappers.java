package org.commentarywatch.ingest.rest;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.commentarywatch.ingest.messaging.PublishFailedException;
import org.commentarywatch.ingest.model.ErrorBody;
import org.commentarywatch.ingest.service.DocumentMetrics;
import org.commentarywatch.ingest.service.InvalidDocumentException;
import org.commentarywatch.ingest.service.extraction.DocumentExtractor;
import org.commentarywatch.ingest.service.extraction.UnreadableDocumentException;
import org.commentarywatch.ingest.service.extraction.UnsupportedContentTypeException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Every error of the API answers with an {@link ErrorBody} saying what was wrong. Rejections are counted here
 * because this is the one place they all pass, including those Jackson raises before a resource runs.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    private final DocumentMetrics metrics;

    public ErrorMappers(DocumentMetrics metrics) {
        this.metrics = metrics;
    }

    @ServerExceptionMapper
    public Response invalidDocument(InvalidDocumentException e) {
        metrics.rejected();
        return error(Response.Status.BAD_REQUEST, e.kind(), e.getMessage());
    }

    /** A document of a supported type that cannot be read: corrupt or encrypted PDF, no text, over a limit. */
    @ServerExceptionMapper
    public Response unreadableDocument(UnreadableDocumentException e) {
        metrics.rejected();
        return error(422, e.kind(), e.getMessage());
    }

    /** A multipart upload whose file part is of a type without an extractor. */
    @ServerExceptionMapper
    public Response unsupportedContent(UnsupportedContentTypeException e) {
        metrics.rejected();
        return error(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", e.getMessage());
    }

    @ServerExceptionMapper
    public Response publishFailed(PublishFailedException e) {
        return Response.fromResponse(error(Response.Status.SERVICE_UNAVAILABLE, "kafka_unavailable", e.getMessage()))
                .header("Retry-After", "30")
                .build();
    }

    /** The outer bound on waiting for Kafka passed (the write's own timeout normally answers first). */
    @ServerExceptionMapper
    public Response noAcknowledgement(io.smallrye.mutiny.TimeoutException e) {
        return Response.fromResponse(error(Response.Status.SERVICE_UNAVAILABLE, "kafka_unavailable",
                "Kafka did not acknowledge the write in time; the document may not be stored. Retry later; the id "
                        + "will be the same."))
                .header("Retry-After", "30")
                .build();
    }

    @ServerExceptionMapper
    public Response feedStoreUnavailable(org.commentarywatch.ingest.service.feeds.FeedStoreUnavailableException e) {
        return Response.fromResponse(error(Response.Status.SERVICE_UNAVAILABLE, "kafka_unavailable", e.getMessage()))
                .header("Retry-After", "30")
                .build();
    }

    /** Quarkus REST hands a body of the wrong shape (wrong type, unknown field) over as is. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        metrics.rejected();
        return error(Response.Status.BAD_REQUEST, e instanceof UnrecognizedPropertyException
                ? "unknown_property" : "invalid_field", describe(e));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, HttpHeaders headers) {
        String given = Optional.ofNullable(headers.getMediaType()).map(MediaType::toString).orElse("none");
        metrics.rejected();
        return error(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "cannot read '" + given + "'; send " + MediaType.APPLICATION_JSON + ", "
                        + String.join(", ", DocumentExtractor.SUPPORTED) + " or " + MediaType.MULTIPART_FORM_DATA);
    }

    /**
     * Quarkus REST wraps syntax errors in the body in a 400 WebApplicationException. Every other one (404, 405)
     * keeps its status and headers and gets a body that says why.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            metrics.rejected();
            return error(Response.Status.BAD_REQUEST, "malformed_json", describe(json));
        }
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        String kind = status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return Response.fromResponse(original)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(kind, e.getMessage()))
                .build();
    }

    /**
     * Anything no other mapper knows is a fault of this service, not of the request: logged with its stack under an
     * error id, answered 500 with a message that names the id (and the kind of fault, so that a caller's report is
     * useful), never the framework's bare page.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        return Response.status(Response.Status.INTERNAL_SERVER_ERROR).type(MediaType.APPLICATION_JSON)
                .entity(internalError(e, uri.getPath())).build();
    }

    /** Logs the failure with its stack under a new error id; the answer names the id and the kind of fault. */
    static ErrorBody internalError(Throwable e, String path) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "request to %s failed unexpectedly, error id %s", path, errorId);
        return new ErrorBody("internal_error", "the service failed unexpectedly (" + e.getClass().getSimpleName()
                + "); error id " + errorId + " names the stack trace in the service's log. Sending the request "
                + "again is safe: the same document gets the same id.");
    }

    static String describe(MismatchedInputException e) {
        String field = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
            return "unknown property '" + field + "'; known here: " + known;
        }
        if (field.isEmpty()) {
            return "the request body must be a JSON object";
        }
        return "'" + field + "' must be " + expected(e.getTargetType());
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch) {
            return describe(mismatch);
        }
        String where = Optional.ofNullable(e.getLocation())
                .map(l -> " at line " + l.getLineNr() + ", column " + l.getColumnNr())
                .orElse("");
        if (e instanceof StreamReadException) {
            return "the body is not valid JSON" + where + ": " + e.getOriginalMessage();
        }
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        return "the body could not be read" + (field.isEmpty() ? "" : " at '" + field + "'") + where + ": "
                + e.getOriginalMessage();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static Response error(int status, String kind, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(kind, message)).build();
    }

    private static Response error(Response.Status status, String kind, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(kind, message)).build();
    }
}
