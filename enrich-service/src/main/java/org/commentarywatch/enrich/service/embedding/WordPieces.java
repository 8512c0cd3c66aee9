package org.commentarywatch.enrich.service.embedding;

import java.util.List;

/** Counts and cuts text in the word-piece tokens of the embedding model, special tokens excluded. */
public interface WordPieces {

    int count(String text);

    /** The counts of several texts, in order; in one call where the tokenizer can batch. */
    default int[] counts(List<String> texts) {
        return texts.stream().mapToInt(this::count).toArray();
    }

    /**
     * The text cut into consecutive pieces of at most {@code maxTokens} tokens each, at token boundaries,
     * nothing left out.
     */
    List<String> cut(String text, int maxTokens);
}
