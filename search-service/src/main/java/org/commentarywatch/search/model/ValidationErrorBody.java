package org.commentarywatch.search.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Error body of a refused rule: the field at fault and, for a query, the 0-based offset where parsing failed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationErrorBody(String error, String message, String field, Integer position) {
}
