package org.commentarywatch.search.service;

import java.util.Optional;
import java.util.Set;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

/** What to do with one document after Elasticsearch answered for it. */
public enum BulkOutcome {
    /** Stored. */
    INDEXED,
    /** Elasticsearch could not take it now (overloaded, unavailable, blocked, index missing): try again later. */
    RETRY,
    /** Elasticsearch will never take it as it is (it does not fit the mapping): dead-letter it, keep going. */
    DEAD_LETTER;

    /**
     * Failures that are about the cluster's state, not the document, even when reported with a 4xx status: an
     * operator's write block (403), the alias or index missing (404, e.g. deleted while we run).
     */
    private static final Set<String> CLUSTER_STATE_ERRORS = Set.of(
            "cluster_block_exception",
            "index_not_found_exception",
            "es_rejected_execution_exception",
            "circuit_breaking_exception",
            "unavailable_shards_exception",
            "no_shard_available_action_exception",
            "process_cluster_event_timeout_exception");

    /** Errors that mean the document itself does not fit the mapping. */
    private static final Set<String> MAPPING_ERRORS = Set.of(
            "document_parsing_exception",
            "mapper_parsing_exception",
            "strict_dynamic_mapping_exception",
            "illegal_argument_exception");

    public static BulkOutcome classify(BulkResponseItem item) {
        return classify(item.status(), Optional.ofNullable(item.error()));
    }

    public static BulkOutcome classify(int status, Optional<ErrorCause> error) {
        if (error.isEmpty() && status >= 200 && status < 300) {
            return INDEXED;
        }
        if (status == 429 || status >= 500) {
            return RETRY;
        }
        if (error.map(ErrorCause::type).filter(CLUSTER_STATE_ERRORS::contains).isPresent()) {
            return RETRY;
        }
        if (status >= 400) {
            return DEAD_LETTER;
        }
        // No status we understand (e.g. an error reported with 2xx): waiting costs less than losing the document.
        return RETRY;
    }

    /** Whether the failure says the index or alias is gone, so that it must be created again. */
    public static boolean indexMissing(Optional<ErrorCause> error) {
        return error.map(ErrorCause::type).filter("index_not_found_exception"::equals).isPresent();
    }

    /** The dead-letter cause type for a rejected document. */
    public static String causeType(Optional<ErrorCause> error) {
        return error.map(ErrorCause::type).filter(MAPPING_ERRORS::contains).isPresent()
                ? "mapping_rejected" : "index_rejected";
    }

    /** Elasticsearch's own words, with the chain of causes: "type: reason (caused by type: reason)". */
    public static String describe(int status, Optional<ErrorCause> error) {
        if (error.isEmpty()) {
            return "Elasticsearch answered " + status + " without a reason";
        }
        StringBuilder text = new StringBuilder("Elasticsearch answered ").append(status).append(": ");
        ErrorCause cause = error.get();
        text.append(cause.type()).append(": ").append(Optional.ofNullable(cause.reason()).orElse("no reason given"));
        for (ErrorCause inner = cause.causedBy(); inner != null; inner = inner.causedBy()) {
            text.append(" (caused by ").append(inner.type()).append(": ")
                    .append(Optional.ofNullable(inner.reason()).orElse("no reason given")).append(')');
        }
        return text.toString();
    }
}
