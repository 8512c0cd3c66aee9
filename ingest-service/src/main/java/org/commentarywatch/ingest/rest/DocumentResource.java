package org.commentarywatch.ingest.rest;

import org.commentarywatch.ingest.model.Accepted;
import org.commentarywatch.ingest.model.DocumentSubmission;
import org.commentarywatch.ingest.model.ErrorBody;
import org.commentarywatch.ingest.service.IngestService;
import org.commentarywatch.ingest.service.InvalidDocumentException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/documents")
@Tag(name = "documents", description = "Commentary going into the pipeline")
public class DocumentResource {

    /** What the text of a JSON submission is: already plain text, nothing was extracted. */
    static final String SUBMITTED_CONTENT_TYPE = MediaType.TEXT_PLAIN;

    private final IngestService ingest;

    public DocumentResource(IngestService ingest) {
        this.ingest = ingest;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ApiKeyRequired
    // Off the event loop: normalising and hashing a text of several megabytes takes longer than an event loop
    // may be held, and extraction (PDF, HTML) will join this path.
    @Blocking
    @ResponseStatus(202)
    @Operation(summary = "Submit a piece of commentary",
            description = "Validates the piece, gives it a stable id (from its canonical URL, else from its "
                    + "normalized text) and writes it to the Kafka topic commentary.raw for enrichment. Answers "
                    + "only once Kafka acknowledged the write. Submitting the same piece again gives the same id "
                    + "and replaces the earlier record downstream.")
    @Parameter(name = "X-API-Key", in = ParameterIn.HEADER, required = false,
            schema = @Schema(type = SchemaType.STRING),
            description = "Required when the service is configured with commentary.api-key.")
    @APIResponse(responseCode = "202", description = "Written to Kafka; the id of the document.",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, empty text or title, a URL that is not http(s), "
            + "a published date in another format, or a label outside the vocabulary.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "An API key is configured and X-API-Key is missing or wrong.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than quarkus.http.limits.max-body-size.")
    @APIResponse(responseCode = "415", description = "The body is not application/json.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge the write; nothing was stored. "
            + "Retry later.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Uni<Accepted> submit(DocumentSubmission submission) {
        if (submission == null) {
            throw new InvalidDocumentException("missing_body",
                    "the request body must be a JSON object with at least title and text");
        }
        return ingest.ingest(submission, SUBMITTED_CONTENT_TYPE).map(Accepted::new);
    }
}
