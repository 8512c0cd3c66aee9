package org.commentarywatch.enrich.service.embedding;

/**
 * A few consecutive sentences embedded together.
 *
 * @param tokens word-piece tokens, special tokens excluded
 * @param cut true when this is a piece of one sentence too long for the model, cut at a token boundary
 */
public record Passage(String text, int sentences, int tokens, boolean cut) {
}
