package org.commentarywatch.ingest.rest;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;

import org.commentarywatch.ingest.model.CorpusImportRequest;
import org.commentarywatch.ingest.model.CorpusImportResult;
import org.commentarywatch.ingest.model.ErrorBody;
import org.commentarywatch.ingest.service.InvalidDocumentException;
import org.commentarywatch.ingest.service.intake.CorpusImport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/corpus")
@Tag(name = "corpus", description = "Reference documents with an analyst's labels")
public class CorpusResource {

    private final CorpusImport corpusImport;

    public CorpusResource(CorpusImport corpusImport) {
        this.corpusImport = corpusImport;
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ApiKeyRequired
    @Blocking
    @Operation(summary = "Import a corpus directory as reference documents",
            description = "Reads labels.json in the directory (an array of {file, title, authors, publisher, "
                    + "published, origin, stance, themes, countries_and_blocs, people}) and ingests each listed "
                    + "text as a reference document carrying those labels. The whole directory is checked before "
                    + "anything is written. Ids come from the texts, so importing again gives the same ids.")
    @APIResponse(responseCode = "200", description = "Every listed file was written to Kafka.",
            content = @Content(schema = @Schema(implementation = CorpusImportResult.class)))
    @APIResponse(responseCode = "400", description = "No path, not a directory, no or a broken labels.json, a listed "
            + "file missing, a label outside the vocabulary.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "401", description = "An API key is configured and X-API-Key is missing or wrong.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "Nothing exists at the path.",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge a write; import again later (the "
            + "ids stay the same).", content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public CorpusImportResult importCorpus(CorpusImportRequest request) {
        if (request == null || request.path().isBlank()) {
            throw new InvalidDocumentException("missing_path",
                    "the body must be {\"path\": \"<directory with the texts and labels.json>\"}");
        }
        java.nio.file.Path directory;
        try {
            directory = java.nio.file.Path.of(request.path()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidDocumentException("invalid_path", "'" + request.path() + "' is not a path: "
                    + e.getMessage());
        }
        if (!Files.exists(directory)) {
            throw new NotFoundException("no directory at " + directory + " (paths are read on the service's machine)");
        }
        if (!Files.isDirectory(directory)) {
            throw new InvalidDocumentException("not_a_directory", directory + " is a file, not a directory");
        }
        return corpusImport.importDirectory(directory);
    }
}
