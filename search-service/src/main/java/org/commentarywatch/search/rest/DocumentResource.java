package org.commentarywatch.search.rest;

import java.io.IOException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.model.ErrorBody;
import org.commentarywatch.search.model.InvalidSearchParameterException;
import org.commentarywatch.search.model.SimilarDocuments;
import org.commentarywatch.search.model.ValidationErrorBody;
import org.commentarywatch.search.service.SearchService;

@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class DocumentResource {

    private final SearchService search;

    public DocumentResource(SearchService search) {
        this.search = search;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A document as indexed",
            description = "The enriched document as it arrived, every property included, plus indexed_at.")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "No document with this id",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch or the index is unavailable",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public ObjectNode document(@PathParam("id") String id) throws IOException {
        return search.document(id).orElseThrow(() -> new DocumentNotFoundException(id));
    }

    // k arrives as text so that "k=ten" gets a 400 naming it, like every other bad value.
    @GET
    @Path("/{id}/similar")
    @Operation(summary = "The documents nearest to this one",
            description = "Approximate kNN over the embeddings (cosine), the document itself left out; score is the "
                    + "cosine similarity. Empty when the document has no embedding.")
    @APIResponse(responseCode = "200", description = "The neighbours, nearest first",
            content = @Content(schema = @Schema(implementation = SimilarDocuments.class)))
    @APIResponse(responseCode = "400", description = "k is not an integer from 1 to " + SearchService.MAX_K,
            content = @Content(schema = @Schema(implementation = ValidationErrorBody.class)))
    @APIResponse(responseCode = "404", description = "No document with this id",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch or the index is unavailable",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public SimilarDocuments similar(@PathParam("id") String id,
                                    @Parameter(description = "How many, 1 to " + SearchService.MAX_K,
                                            schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10", minimum = "1",
                                                    maximum = "100"))
                                    @QueryParam("k") String k) throws IOException {
        return search.similar(id, count(k)).orElseThrow(() -> new DocumentNotFoundException(id));
    }

    private static int count(String k) {
        if (k == null || k.isBlank()) {
            return SearchService.DEFAULT_K;
        }
        try {
            return Integer.parseInt(k.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSearchParameterException("k", "must be an integer, was '" + k.strip() + "'");
        }
    }
}
