package org.commentarywatch.enrich.service.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.commentarywatch.enrich.model.ActorMention;
import org.commentarywatch.enrich.model.Classification;
import org.commentarywatch.enrich.service.embedding.Vectors;
import org.commentarywatch.enrich.service.stance.StanceClassifier;
import org.commentarywatch.enrich.service.themes.ThemeClassifier;

/**
 * Themes and stance of one document, from its words, the actors found in it and, when there is one, its
 * embedding: the cosine of the document to each theme's description and of each passage to the stance prototype
 * sentences (all embedded once, when this classifier is built with an embedding function), and the votes of the
 * nearest labelled documents (reference pieces an analyst labelled). Thread-safe.
 *
 * <p>In two steps, so that the words are read while the passages embed: {@link #prepare} (lexicons, cues, the
 * off-topic gate), then {@link #decide} with the embedding and the labelled neighbours.
 */
public final class DocumentClassifier {

    /** Labelled documents closer than this vote; further ones say little about a document. */
    public static final double NEIGHBOUR_MIN_SIMILARITY = 0.35;
    /** Labelled documents that vote at most. */
    public static final int NEIGHBOURS = 3;
    /** Passages that speak for a theme's prototype similarity. */
    static final int TOP_PASSAGES = 2;
    /** Characters and sentences of a text that are read; a longer text is classified on its beginning. */
    public static final int MAX_CHARS = 200_000;
    public static final int MAX_SENTENCES = 2_000;
    /**
     * Languages the model reads (all-MiniLM-L6-v2 learnt English): the English descriptions and prototypes are
     * compared only with documents in these; in another language their cosines measure little but the script.
     */
    static final Set<String> MODEL_LANGUAGES = Set.of("en");

    private static volatile DocumentClassifier lexicalOnly;

    private final ThemeClassifier themes;
    private final StanceClassifier stance;
    private final Map<String, List<float[]>> themePrototypes;
    private final Map<String, List<float[]>> stancePrototypes;

    /** Everything this classifier found, for evaluation. */
    public record Outcome(Classification classification, ThemeClassifier.Result themes, StanceClassifier.Result stance) {
    }

    /** The document's embedding. @param vector unit document vector @param passageVectors unit, text order */
    public record Embedded(float[] vector, List<float[]> passageVectors) {
    }

    /**
     * A labelled document near this one.
     *
     * @param similarity cosine to the document classified
     */
    public record LabelledNeighbour(String id, double similarity, String stance, List<String> themes) {
    }

    /** What the words say; {@link #decide} adds the embedding evidence. */
    public record Prepared(ThemeClassifier.Analysis themes, StanceClassifier.Analysis stance) {
    }

    public DocumentClassifier(ThemeClassifier themes, StanceClassifier stance,
            Optional<Function<List<String>, List<float[]>>> embed) {
        this.themes = themes;
        this.stance = stance;
        Map<String, List<float[]>> themeVectors = new LinkedHashMap<>();
        Map<String, List<float[]>> stanceVectors = new LinkedHashMap<>();
        if (embed.isPresent()) {
            themes.themes().forEach((label, theme) -> themeVectors.put(label,
                    embed.get().apply(theme.prototypeSentences())));
            stance.prototypes().forEach((label, sentences) -> stanceVectors.put(label, embed.get().apply(sentences)));
        }
        this.themePrototypes = themeVectors;
        this.stancePrototypes = stanceVectors;
    }

    private DocumentClassifier(ThemeClassifier themes, StanceClassifier stance,
            Map<String, List<float[]>> themePrototypes,
            Map<String, List<float[]>> stancePrototypes) {
        this.themes = themes;
        this.stance = stance;
        this.themePrototypes = themePrototypes;
        this.stancePrototypes = stancePrototypes;
    }

    /** The same prototypes with other embedding weights (tuning). */
    public DocumentClassifier with(ThemeClassifier.Weights themeWeights, StanceClassifier.Weights stanceWeights) {
        return with(themes.with(themeWeights), stance.with(stanceWeights));
    }

    /** The same prototypes with other settings of the same lexicons (tuning). */
    public DocumentClassifier with(ThemeClassifier otherThemes, StanceClassifier otherStance) {
        return new DocumentClassifier(otherThemes, otherStance, themePrototypes, stancePrototypes);
    }

    /** Lexical evidence only, shared by the process (tests and callers without a model). */
    public static DocumentClassifier lexical() {
        DocumentClassifier instance = lexicalOnly;
        if (instance == null) {
            synchronized (DocumentClassifier.class) {
                instance = lexicalOnly;
                if (instance == null) {
                    instance = new DocumentClassifier(ThemeClassifier.load(), StanceClassifier.load(), Optional.empty());
                    lexicalOnly = instance;
                }
            }
        }
        return instance;
    }

    public boolean usesEmbeddings() {
        return !themePrototypes.isEmpty();
    }

    public ThemeClassifier themes() {
        return themes;
    }

    public StanceClassifier stance() {
        return stance;
    }

    /**
     * Everything at once.
     *
     * @param actors the knowledge-base actors of the text (offsets into the text); empty when not tagged
     * @param language the document's language (ISO 639-1): the prototypes weigh in only where the model reads it
     * @param neighbours labelled documents near this one, most similar first
     */
    public Outcome classify(String title, String text, List<String> sentences, int wordCount,
            List<ActorMention> actors, String language, Optional<Embedded> embedding,
            List<LabelledNeighbour> neighbours) {
        return decide(prepare(title, text, sentences, wordCount, actors), language, embedding, neighbours);
    }

    /** The lexical evidence and the off-topic gate. */
    public Prepared prepare(String title, String text, List<String> sentences, int wordCount, List<ActorMention> actors) {
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
        }
        if (sentences.size() > MAX_SENTENCES) {
            sentences = sentences.subList(0, MAX_SENTENCES);
        }
        return new Prepared(themes.analyse(title, text, wordCount),
                stance.analyse(title, text, sentences, sides(actors)));
    }

    /** Weighs the lexical evidence with the embedding and the labelled neighbours' votes. */
    public Outcome decide(Prepared prepared, String language, Optional<Embedded> embedding,
            List<LabelledNeighbour> neighbours) {
        boolean prototypesApply = usesEmbeddings() && MODEL_LANGUAGES.contains(language);
        List<LabelledNeighbour> voters = embedding.isPresent() ? voters(neighbours) : List.of();
        Map<String, Double> themeVotes = new HashMap<>();
        Map<String, Double> stanceVotes = new LinkedHashMap<>();
        double total = voters.stream().mapToDouble(LabelledNeighbour::similarity).sum();
        for (LabelledNeighbour n : voters) {
            double share = n.similarity() / total;
            stanceVotes.merge(n.stance(), share, Double::sum);
            n.themes().forEach(t -> themeVotes.merge(t, share, Double::sum));
        }
        Optional<ThemeClassifier.EmbeddingEvidence> themeEvidence = embedding.map(e -> {
            Map<String, Double> similarity = new HashMap<>();
            if (prototypesApply) {
                themePrototypes.forEach((label, prototypes) -> similarity.put(label,
                        closestPassages(e.passageVectors(), prototypes)));
            }
            return new ThemeClassifier.EmbeddingEvidence(similarity, voters.isEmpty() ? Map.of() : withZeros(themeVotes));
        });
        ThemeClassifier.Result themeResult = themes.decide(prepared.themes(), themeEvidence);
        Optional<StanceClassifier.EmbeddingEvidence> stanceEvidence = embedding.map(e -> {
            List<Map<String, Double>> passages = new ArrayList<>();
            if (prototypesApply) {
                for (float[] passage : e.passageVectors()) {
                    Map<String, Double> similarity = new LinkedHashMap<>();
                    stancePrototypes.forEach((label, prototypes) -> similarity.put(label,
                            prototypes.stream().mapToDouble(p -> Vectors.cosine(passage, p)).max().orElse(0)));
                    passages.add(similarity);
                }
            }
            return new StanceClassifier.EmbeddingEvidence(passages, stanceVotes);
        });
        StanceClassifier.Result stanceResult = stance.decide(prepared.stance(), stanceEvidence);
        return new Outcome(new Classification(themeResult.reported(), stanceResult.stance()), themeResult,
                stanceResult);
    }

    /**
     * How close the passages nearest a theme's prototypes come to them: the mean of the best {@link #TOP_PASSAGES}
     * passages' cosines to their nearest prototype. A theme lives in a few passages; the document's mean vector
     * dilutes it in a long piece.
     */
    static double closestPassages(List<float[]> passages, List<float[]> prototypes) {
        double[] best = passages.stream()
                .mapToDouble(p -> prototypes.stream().mapToDouble(q -> Vectors.cosine(p, q)).max().orElse(0))
                .sorted().toArray();
        int take = Math.min(TOP_PASSAGES, best.length);
        double sum = 0;
        for (int i = best.length - take; i < best.length; i++) {
            sum += best[i];
        }
        return take == 0 ? 0 : sum / take;
    }

    /** The labelled neighbours that vote: close enough, the nearest few. */
    static List<LabelledNeighbour> voters(List<LabelledNeighbour> neighbours) {
        return neighbours.stream()
                .filter(n -> n.similarity() >= NEIGHBOUR_MIN_SIMILARITY && !n.stance().isBlank())
                .sorted(Comparator.comparingDouble(LabelledNeighbour::similarity).reversed())
                .limit(NEIGHBOURS).toList();
    }

    /**
     * The labelled documents nearest {@code vector} among {@code references}, without {@code excludeId}
     * (leave-one-out when the references are themselves classified).
     */
    public static List<LabelledNeighbour> nearest(float[] vector, List<LabelledReference> references,
            Optional<String> excludeId) {
        return voters(references.stream()
                .filter(r -> excludeId.map(id -> !id.equals(r.id())).orElse(true))
                .map(r -> new LabelledNeighbour(r.id(), Vectors.cosine(vector, r.vector()), r.stance(), r.themes()))
                .toList());
    }

    private Map<String, Double> withZeros(Map<String, Double> votes) {
        Map<String, Double> all = new HashMap<>();
        themes.themes().keySet().forEach(label -> all.put(label, votes.getOrDefault(label, 0.0)));
        return all;
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
