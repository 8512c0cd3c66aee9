package org.commentarywatch.ingest.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/corpus/import}. */
@Schema(description = "A directory on the service's machine holding texts and a labels.json describing them.")
public record CorpusImportRequest(
        @Schema(required = true, description = "Directory path as the service sees it; absolute is safest.",
                examples = "/srv/commentary/corpus")
        String path) {

    public CorpusImportRequest {
        path = Fields.text(path);
    }
}
