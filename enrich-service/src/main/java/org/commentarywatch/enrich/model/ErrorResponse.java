package org.commentarywatch.enrich.model;

/**
 * Body of every 4xx answer of the API.
 *
 * @param error a short machine-readable kind, e.g. {@code empty_text}, {@code malformed_json}
 * @param message what was wrong, for a person
 */
public record ErrorResponse(String error, String message) {
}
