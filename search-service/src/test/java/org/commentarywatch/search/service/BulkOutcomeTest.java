package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;

class BulkOutcomeTest {

    private static BulkResponseItem item(int status, String errorType, String reason) {
        return BulkResponseItem.of(b -> {
            b.operationType(OperationType.Index).index("commentary-v1").id("a").status(status);
            if (errorType != null) {
                b.error(e -> e.type(errorType).reason(reason));
            }
            return b;
        });
    }

    @Test
    void createdAndUpdatedDocumentsAreIndexed() {
        assertEquals(BulkOutcome.INDEXED, BulkOutcome.classify(item(201, null, null)));
        assertEquals(BulkOutcome.INDEXED, BulkOutcome.classify(item(200, null, null)));
    }

    @Test
    void tooManyRequestsIsRetried() {
        assertEquals(BulkOutcome.RETRY,
                BulkOutcome.classify(item(429, "es_rejected_execution_exception", "rejected execution")));
    }

    @Test
    void serverErrorsAreRetried() {
        assertEquals(BulkOutcome.RETRY, BulkOutcome.classify(item(500, "exception", "boom")));
        assertEquals(BulkOutcome.RETRY, BulkOutcome.classify(item(503, "unavailable_shards_exception", "primary shard is not active")));
    }

    @Test
    void aWriteBlockOrAMissingIndexIsRetriedNotBlamedOnTheDocument() {
        assertEquals(BulkOutcome.RETRY, BulkOutcome.classify(item(403, "cluster_block_exception", "index [commentary-v1] blocked")));
        assertEquals(BulkOutcome.RETRY, BulkOutcome.classify(item(404, "index_not_found_exception", "no such index [commentary]")));
        assertTrue(BulkOutcome.indexMissing(Optional.of(ErrorCause.of(e -> e.type("index_not_found_exception").reason("x")))));
    }

    @Test
    void aDocumentThatDoesNotFitTheMappingIsDeadLettered() {
        BulkResponseItem rejected = item(400, "document_parsing_exception", "failed to parse field [published] of type [date]");
        assertEquals(BulkOutcome.DEAD_LETTER, BulkOutcome.classify(rejected));
        assertEquals("mapping_rejected", BulkOutcome.causeType(Optional.ofNullable(rejected.error())));
    }

    @Test
    void otherClientErrorsAreDeadLetteredAsIndexRejections() {
        BulkResponseItem rejected = item(400, "action_request_validation_exception", "id is too long");
        assertEquals(BulkOutcome.DEAD_LETTER, BulkOutcome.classify(rejected));
        assertEquals("index_rejected", BulkOutcome.causeType(Optional.ofNullable(rejected.error())));
    }

    @Test
    void theDescriptionCarriesElasticsearchsReasonAndItsCauses() {
        ErrorCause cause = ErrorCause.of(e -> e.type("document_parsing_exception").reason("failed to parse field [published]")
                .causedBy(c -> c.type("illegal_argument_exception").reason("failed to parse date field [not a date]")));
        String description = BulkOutcome.describe(400, Optional.of(cause));
        assertTrue(description.contains("400"), description);
        assertTrue(description.contains("document_parsing_exception: failed to parse field [published]"), description);
        assertTrue(description.contains("caused by illegal_argument_exception: failed to parse date field [not a date]"), description);
    }
}
