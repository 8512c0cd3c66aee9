package org.commentarywatch.enrich.rest;

import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.commentarywatch.enrich.model.AnalyzeRequest;
import org.commentarywatch.enrich.model.DocumentText;
import org.commentarywatch.enrich.model.Enrichment;
import org.commentarywatch.enrich.model.ErrorResponse;
import org.commentarywatch.enrich.service.DocumentEnricher;
import org.commentarywatch.enrich.service.LanguageCodes;
import org.commentarywatch.enrich.service.corpus.SimilarityAnalysis;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The enrichment of a text on demand, without Kafka: for analysts trying a piece, and for checking the analysis. */
@Path("/api/analyze")
@Tag(name = "analysis")
public class AnalyzeResource {

    private final DocumentEnricher enricher;

    public AnalyzeResource(DocumentEnricher enricher) {
        this.enricher = enricher;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enrich a text",
            description = "Returns the enrichment object that the Kafka stage adds to documents on commentary.enriched. "
                    + "Give language (an ISO 639 code or BCP 47 tag) to skip detection.")
    @APIResponse(responseCode = "200", description = "The enrichment",
            content = @Content(schema = @Schema(implementation = Enrichment.class)))
    @APIResponse(responseCode = "400", description = "No body, malformed JSON, blank text or an unknown language",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch does not answer, so neighbours and novelty cannot be "
            + "given; retry later, or ask with neighbours=false",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Enrichment analyze(AnalyzeRequest request,
            @Parameter(description = "false: the vector without neighbours, novelty, near-duplicate and cluster, "
                    + "which need Elasticsearch")
            @QueryParam("neighbours") @DefaultValue("true") boolean neighbours) {
        if (request == null) {
            throw new InvalidRequestException("missing_body", "send a JSON object such as {\"text\": \"...\"}");
        }
        if (request.text().isBlank()) {
            throw new InvalidRequestException("empty_text", "text must not be blank");
        }
        return enricher.enrich(new DocumentText(request.title().orElse(""), request.text(), languageHint(request)),
                SimilarityAnalysis.Query.api(neighbours));
    }

    private static Optional<String> languageHint(AnalyzeRequest request) {
        Optional<String> given = request.language().filter(language -> !language.isBlank());
        if (given.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(LanguageCodes.normalize(given.get()).orElseThrow(() -> new InvalidRequestException(
                "invalid_language", "language must be an ISO 639 code or BCP 47 tag such as \"en\" or \"zh-Hans\", "
                        + "not \"" + given.get() + "\"; leave it out to have it detected")));
    }
}
