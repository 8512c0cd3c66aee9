package org.commentarywatch.enrich.service.embedding;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups a document's sentences into passages the model reads whole: up to {@code maxSentences} consecutive
 * sentences (2–4 is the aim) under {@code maxTokens} word-piece tokens. all-MiniLM-L6-v2 as packaged reads
 * only the first 126 tokens of what it is given, so a longer passage would be embedded by its beginning alone.
 * A single sentence over the limit is cut at token boundaries into passages of its own, each marked
 * {@link Passage#cut()}.
 */
public final class Passages {

    /** The most the packaged tokenizer lets through: 128 minus [CLS] and [SEP]. */
    public static final int MODEL_MAX_TOKENS = 126;

    private Passages() {
    }

    public static List<Passage> build(List<String> sentences, WordPieces wordPieces, int maxTokens, int maxSentences) {
        if (maxTokens < 1 || maxSentences < 1) {
            throw new IllegalArgumentException("maxTokens and maxSentences must be positive");
        }
        List<Passage> passages = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int count = 0;
        int tokens = 0;
        List<String> stripped = sentences.stream().map(String::strip).filter(sentence -> !sentence.isEmpty()).toList();
        int[] counts = stripped.isEmpty() ? new int[0] : wordPieces.counts(stripped);
        for (int i = 0; i < stripped.size(); i++) {
            String sentence = stripped.get(i);
            int sentenceTokens = counts[i];
            if (sentenceTokens == 0) {
                continue;
            }
            // Word pieces never span white space, so the tokens of joined sentences add up.
            if (count > 0 && (count == maxSentences || tokens + sentenceTokens > maxTokens)) {
                passages.add(new Passage(text.toString(), count, tokens, false));
                text.setLength(0);
                count = 0;
                tokens = 0;
            }
            if (sentenceTokens > maxTokens) {
                for (String piece : wordPieces.cut(sentence, maxTokens)) {
                    passages.add(new Passage(piece, 1, wordPieces.count(piece), true));
                }
                continue;
            }
            if (count > 0) {
                text.append(' ');
            }
            text.append(sentence);
            count++;
            tokens += sentenceTokens;
        }
        if (count > 0) {
            passages.add(new Passage(text.toString(), count, tokens, false));
        }
        return passages;
    }
}
