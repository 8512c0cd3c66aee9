package org.commentarywatch.search.rest;

import java.io.IOException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.model.ErrorBody;
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
}
