package org.commentarywatch.search.model;

/** Body of every error answer: a stable code for programs and a sentence for people. */
public record ErrorBody(String error, String message) {
}
