package org.commentarywatch.ingest.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.commentarywatch.ingest.config.CommentaryConfig;
import org.commentarywatch.ingest.model.Accepted;
import org.commentarywatch.ingest.model.DocumentSubmission;
import org.commentarywatch.ingest.model.ErrorBody;
import org.commentarywatch.ingest.service.IngestService;
import org.commentarywatch.ingest.service.InvalidDocumentException;
import org.commentarywatch.ingest.service.extraction.DocumentExtractor;
import org.commentarywatch.ingest.service.fetch.PageIngest;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/documents")
@Tag(name = "documents", description = "Commentary going into the pipeline")
public class DocumentResource {

    /** What the text of a JSON submission is: already plain text, nothing was extracted. */
    static final String SUBMITTED_CONTENT_TYPE = MediaType.TEXT_PLAIN;

    private final IngestService ingest;
    private final PageIngest pages;
    private final Duration answerWithin;

    public DocumentResource(IngestService ingest, PageIngest pages, CommentaryConfig config) {
        this.ingest = ingest;
        this.pages = pages;
        // The write itself gives up after ack-timeout (503); the fingerprint write behind it is bounded by Kafka's
        // delivery timeout. This is only the outer bound on both.
        this.answerWithin = config.ingest().ackTimeout().multipliedBy(2);
    }

    /**
     * Waits for Kafka's acknowledgement on this worker thread and answers from it. Handing the Uni to Quarkus REST
     * instead would resume the request on whatever thread completes it (the Kafka client's I/O thread): under
     * concurrent posting that resumption intermittently found the request context gone
     * ({@code ContextNotActiveException} in the response writer) and the client got a bare 500.
     */
    private Accepted answer(Uni<String> id) {
        return new Accepted(id.await().atMost(answerWithin));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ApiKeyRequired
    // On a worker thread from start to answer: normalising and hashing a text of several megabytes takes longer
    // than an event loop may be held, extraction (PDF, HTML) and fetching pages block, and the answer waits for Kafka.
    @Blocking
    @ResponseStatus(202)
    @Operation(summary = "Submit a piece of commentary",
            description = "Validates the piece, gives it a stable id (from its canonical URL, else from its "
                    + "normalized text) and writes it to the Kafka topic commentary.raw for enrichment. Answers "
                    + "only once Kafka acknowledged the write. Submitting the same piece again gives the same id "
                    + "and replaces the earlier record downstream. With a url and no text, the page is fetched "
                    + "(http/https only, robots.txt honoured, one request per host per second, size and redirect "
                    + "bounds) and extracted like an upload of its Content-Type; given fields win over the page's own.")
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
    @APIResponse(responseCode = "413", description = "The body is larger than quarkus.http.limits.max-body-size, or "
            + "the page of a url without text is larger than commentary.fetch.max-bytes.")
    @APIResponse(responseCode = "415", description = "The body (or the fetched page) is of a type the service cannot "
            + "read.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "422", description = "A url without text whose page may not be fetched (robots.txt), "
            + "answered 4xx, redirected too often or elsewhere than http(s), or holds no readable text.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "502", description = "The page's site answered 5xx or could not be reached.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "504", description = "The page did not answer within the read timeout.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge the write; nothing was stored. "
            + "Retry later.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Accepted submit(DocumentSubmission submission) {
        if (submission == null) {
            throw new InvalidDocumentException("missing_body",
                    "the request body must be a JSON object with at least title and text");
        }
        if (submission.text().isBlank() && submission.url().isPresent()) {
            // No text: the URL is the document, fetched and extracted like an upload of its Content-Type.
            return answer(pages.ingest(submission.url().get(), submission));
        }
        return answer(ingest.ingest(submission, SUBMITTED_CONTENT_TYPE));
    }

    @POST
    @Consumes({ DocumentExtractor.HTML, DocumentExtractor.XHTML, DocumentExtractor.PDF, DocumentExtractor.PLAIN,
            DocumentExtractor.MARKDOWN, DocumentExtractor.MARKDOWN_X })
    @Produces(MediaType.APPLICATION_JSON)
    @ApiKeyRequired
    @Blocking
    @ResponseStatus(202)
    @Operation(summary = "Submit a whole document: HTML, PDF, plain text or Markdown",
            description = "The body is the document. Its text is extracted (HTML: main text and metadata from JSON-LD, "
                    + "OpenGraph and meta tags; PDF: columns in reading order, metadata from the document "
                    + "information and the first page), cleaned (page furniture, captions, boilerplate, footnote "
                    + "markers, hyphenation) and published like a JSON submission; content_type records the type. "
                    + "Metadata given as query parameters wins over what the document says about itself.")
    @APIResponse(responseCode = "202", description = "Written to Kafka; the id of the document.",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "A url or published parameter in the wrong format.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than quarkus.http.limits.max-body-size.")
    @APIResponse(responseCode = "415", description = "The body is of a type the service cannot read.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "422", description = "A corrupt or encrypted PDF, one over the page or time limit, "
            + "or a document without text.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge the write; nothing was stored.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Accepted submitDocument(byte[] body, @HeaderParam("Content-Type") String contentType,
            @QueryParam("title") String title, @QueryParam("url") String url, @QueryParam("source") String source,
            @QueryParam("published") String published,
            @Parameter(description = "An author; repeat the parameter for several, or separate names with ';'.")
            @QueryParam("authors") List<String> authors) {
        if (body == null || body.length == 0) {
            throw new InvalidDocumentException("missing_body", "the request body must be the document");
        }
        return answer(ingest.ingest(body, contentType, given(title, url, source, published, authors)));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @ApiKeyRequired
    @Blocking
    @ResponseStatus(202)
    @Operation(summary = "Upload a document as a form",
            description = "A 'file' part holding an HTML, PDF, plain text or Markdown document (its part's content "
                    + "type says which; application/octet-stream is resolved from the file name), and optional "
                    + "'title', 'url', 'source', 'published' and 'authors' parts. Handled like a raw document.")
    @APIResponse(responseCode = "202", description = "Written to Kafka; the id of the document.",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "No file part, or a url or published part in the wrong format.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than quarkus.http.limits.max-body-size.")
    @APIResponse(responseCode = "415", description = "The file is of a type the service cannot read.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "422", description = "A corrupt or encrypted PDF, one over the page or time limit, "
            + "or a document without text.", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge the write; nothing was stored.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Accepted submitForm(@RestForm("file") FileUpload file, @RestForm("title") String title,
            @RestForm("url") String url, @RestForm("source") String source, @RestForm("published") String published,
            @RestForm("authors") List<String> authors) {
        if (file == null) {
            throw new InvalidDocumentException("missing_file",
                    "the form must have a 'file' part holding the document");
        }
        byte[] body;
        try {
            body = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded part back", e);
        }
        if (body.length == 0) {
            throw new InvalidDocumentException("missing_body", "the 'file' part is empty");
        }
        String type = file.contentType();
        if (type == null || type.isBlank() || DocumentExtractor.baseType(type).equals(MediaType.APPLICATION_OCTET_STREAM)) {
            type = DocumentExtractor.typeOfFileName(file.fileName()).orElse(type == null ? "" : type);
        }
        return answer(ingest.ingest(body, type, given(title, url, source, published, authors)));
    }

    /** What the caller says about a document; the text is left empty (the body is the text). */
    private static DocumentSubmission given(String title, String url, String source, String published,
            List<String> authors) {
        List<String> names = new ArrayList<>();
        if (authors != null) {
            for (String value : authors) {
                if (value != null) {
                    names.addAll(List.of(value.split("\\s*[;\\n]\\s*")));
                }
            }
        }
        return new DocumentSubmission(title, "", Optional.ofNullable(url), Optional.ofNullable(published),
                Optional.ofNullable(source), names, false, Optional.empty());
    }
}
