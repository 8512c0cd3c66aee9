package org.commentarywatch.enrich.service.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.commentarywatch.enrich.model.ActorMention;
import org.commentarywatch.enrich.model.Classification;
import org.commentarywatch.enrich.service.embedding.Vectors;
import org.commentarywatch.enrich.service.stance.StanceClassifier;
import org.commentarywatch.enrich.service.themes.ThemeClassifier;

/**
 * Themes and stance of one document, from its words, the actors found in it and, when there is one, its
 * embedding: the cosine to each theme's description and each stance's prototype sentences (embedded once, when
 * this classifier is built with an embedding function), and the votes of the nearest labelled references.
 * Thread-safe.
 */
public final class DocumentClassifier {

    /** References closer than this vote; further ones say little about a document. */
    static final double NEIGHBOUR_MIN_SIMILARITY = 0.35;
    static final int NEIGHBOURS = 3;
    /** Characters and sentences of a text that are read; a longer text is classified on its beginning. */
    public static final int MAX_CHARS = 200_000;
    public static final int MAX_SENTENCES = 2_000;

    private static volatile DocumentClassifier lexicalOnly;

    private final ThemeClassifier themes;
    private final StanceClassifier stance;
    private final Map<String, float[]> themePrototypes;
    private final Map<String, List<float[]>> stancePrototypes;
    private final List<LabelledReference> references;

    /** Everything this classifier found, for evaluation. */
    public record Outcome(Classification classification, ThemeClassifier.Result themes, StanceClassifier.Result stance) {
    }

    public DocumentClassifier(ThemeClassifier themes, StanceClassifier stance,
            Optional<Function<List<String>, List<float[]>>> embed, List<LabelledReference> references) {
        this.themes = themes;
        this.stance = stance;
        this.references = List.copyOf(references);
        Map<String, float[]> themeVectors = new LinkedHashMap<>();
        Map<String, List<float[]>> stanceVectors = new LinkedHashMap<>();
        if (embed.isPresent()) {
            List<String> labels = new ArrayList<>(themes.themes().keySet());
            List<float[]> vectors = embed.get().apply(labels.stream()
                    .map(l -> themes.themes().get(l).description()).toList());
            for (int i = 0; i < labels.size(); i++) {
                themeVectors.put(labels.get(i), vectors.get(i));
            }
            stance.prototypes().forEach((label, sentences) -> stanceVectors.put(label, embed.get().apply(sentences)));
        }
        this.themePrototypes = themeVectors;
        this.stancePrototypes = stanceVectors;
    }

    /** Lexical evidence only, shared by the process (tests and callers without a model). */
    public static DocumentClassifier lexical() {
        DocumentClassifier instance = lexicalOnly;
        if (instance == null) {
            synchronized (DocumentClassifier.class) {
                instance = lexicalOnly;
                if (instance == null) {
                    instance = new DocumentClassifier(ThemeClassifier.load(), StanceClassifier.load(), Optional.empty(),
                            List.of());
                    lexicalOnly = instance;
                }
            }
        }
        return instance;
    }

    public boolean usesEmbeddings() {
        return !themePrototypes.isEmpty();
    }

    /**
     * @param actors the knowledge-base actors of the text (offsets into the text); empty when not tagged
     * @param vector the document's unit vector, when it was embedded
     * @param excludeId a reference never to vote for itself (leave-one-out)
     */
    public Outcome classify(String title, String text, List<String> sentences, int wordCount,
            List<ActorMention> actors, Optional<float[]> vector, Optional<String> excludeId) {
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
        }
        if (sentences.size() > MAX_SENTENCES) {
            sentences = sentences.subList(0, MAX_SENTENCES);
        }
        Optional<float[]> usable = vector.filter(v -> usesEmbeddings());
        Map<String, Double> themeVotes = new HashMap<>();
        Map<String, Double> stanceVotes = new LinkedHashMap<>();
        usable.ifPresent(v -> neighbourVotes(v, excludeId, themeVotes, stanceVotes));
        Optional<ThemeClassifier.EmbeddingEvidence> themeEvidence = usable.map(v -> {
            Map<String, Double> similarity = new HashMap<>();
            themePrototypes.forEach((label, prototype) -> similarity.put(label, Vectors.cosine(v, prototype)));
            Map<String, Double> votes = stanceVotes.isEmpty() ? Map.of() : withZeros(themeVotes);
            return new ThemeClassifier.EmbeddingEvidence(similarity, votes);
        });
        ThemeClassifier.Result themeResult = themes.classify(title, text, wordCount, themeEvidence);
        Optional<StanceClassifier.EmbeddingEvidence> stanceEvidence = usable.map(v -> {
            Map<String, Double> similarity = new HashMap<>();
            stancePrototypes.forEach((label, prototypes) -> similarity.put(label,
                    prototypes.stream().mapToDouble(p -> Vectors.cosine(v, p)).max().orElse(0)));
            return new StanceClassifier.EmbeddingEvidence(similarity, stanceVotes);
        });
        StanceClassifier.Result stanceResult = stance.classify(title, text, sentences, sides(actors), stanceEvidence);
        return new Outcome(new Classification(themeResult.reported(), stanceResult.stance()), themeResult,
                stanceResult);
    }

    private Map<String, Double> withZeros(Map<String, Double> votes) {
        Map<String, Double> all = new HashMap<>();
        themes.themes().keySet().forEach(label -> all.put(label, votes.getOrDefault(label, 0.0)));
        return all;
    }

    private void neighbourVotes(float[] vector, Optional<String> excludeId, Map<String, Double> themeVotes,
            Map<String, Double> stanceVotes) {
        record Near(LabelledReference reference, double similarity) {
        }
        List<Near> near = references.stream()
                .filter(r -> excludeId.map(id -> !id.equals(r.id())).orElse(true))
                .map(r -> new Near(r, Vectors.cosine(vector, r.vector())))
                .filter(n -> n.similarity() >= NEIGHBOUR_MIN_SIMILARITY)
                .sorted(Comparator.comparingDouble(Near::similarity).reversed())
                .limit(NEIGHBOURS).toList();
        double total = near.stream().mapToDouble(Near::similarity).sum();
        if (total <= 0) {
            return;
        }
        for (Near n : near) {
            double share = n.similarity() / total;
            stanceVotes.merge(n.reference().stance(), share, Double::sum);
            n.reference().themes().forEach(t -> themeVotes.merge(t, share, Double::sum));
        }
    }

    /** China and Russia (and their people) as the actor tagger found them. */
    static List<StanceClassifier.Mention> sides(List<ActorMention> actors) {
        List<StanceClassifier.Mention> mentions = new ArrayList<>();
        if (actors == null) {
            return mentions;
        }
        for (ActorMention actor : actors) {
            String side = side(actor);
            if (side == null || actor.offsets() == null) {
                continue;
            }
            for (int[] offset : actor.offsets()) {
                mentions.add(new StanceClassifier.Mention(offset[0], offset[1], side));
            }
        }
        return mentions;
    }

    private static String side(ActorMention actor) {
        if ("china".equals(actor.id()) || "russia".equals(actor.id())) {
            return actor.id();
        }
        if ("person".equals(actor.type()) && ("china".equals(actor.country()) || "russia".equals(actor.country()))) {
            return actor.country();
        }
        return null;
    }
}
