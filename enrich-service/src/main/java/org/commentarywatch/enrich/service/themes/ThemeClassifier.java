package org.commentarywatch.enrich.service.themes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.commentarywatch.enrich.model.ThemeScore;

/**
 * The 14 themes of a document, multi-label, each with a score in 0..1 and the terms that gave it away.
 *
 * <p>Lexical evidence first: each theme's lexicon ({@code classify/themes.json}, terms in English, Russian and
 * Chinese, some German, French and Japanese) is matched in title and text; strong terms count double, a repeated
 * term counts less each time (1 + ln n), the title counts one and a half times, and the sum is scaled by a power of
 * the text's length (a long essay touches every theme in passing; a short piece's every term counts). When the
 * document's embedding is at hand, the similarity of its passages to the theme's prototype sentences and the
 * share of labelled neighbours carrying the theme are weighed in ({@link Weights}). Thread-safe.
 */
public final class ThemeClassifier {

    public static final String RESOURCE = "/classify/themes.json";

    /** A title names what the piece is about: its terms count this much more than the text's. */
    static final double TITLE_WEIGHT = 1.5;

    /**
     * A theme's definition: its lexicons, and the description and prototype sentences embedded as its
     * prototypes.
     */
    public record Theme(String label, String description, List<String> prototypes, Lexicon strong, Lexicon terms) {

        /** The sentences a passage on this theme resembles: the description and the prototypes. */
        public List<String> prototypeSentences() {
            List<String> all = new ArrayList<>();
            all.add(description);
            all.addAll(prototypes);
            return all;
        }
    }

    /**
     * Embedding evidence for one document, computed by the caller.
     *
     * @param prototypeSimilarity theme → how close the document's passages come to the theme's description and
     *        prototype sentences (cosine); empty when they do not apply (a language the model does not read)
     * @param neighbourVotes theme → similarity-weighted share (0..1) of labelled neighbours that carry the theme
     *        (0 for a theme none of them carries); empty when there are no labelled neighbours
     */
    public record EmbeddingEvidence(Map<String, Double> prototypeSimilarity, Map<String, Double> neighbourVotes) {
    }

    /**
     * How much the embedding evidence weighs beside the lexicons ({@code embedding} in {@code themes.json}).
     *
     * @param prototypeWeight share of the similarity to the theme's description
     * @param neighbourWeight share of the labelled neighbours' votes, when there are labelled neighbours
     * @param prototypeFloor cosine to a description that counts as nothing (unrelated texts reach about this)
     * @param prototypeCeiling cosine that counts as fully on the theme
     * @param threshold the score from which a theme is reported when the embedding weighed in (the combined
     *        scores spread differently from the lexical ones)
     */
    public record Weights(double prototypeWeight, double neighbourWeight, double prototypeFloor,
            double prototypeCeiling, double threshold) {
    }

    /** The lexical scores of every theme and their terms: everything that does not need the embedding. */
    public record Analysis(Map<String, Double> lexicalScores, Map<String, Double> lexicalEvidence,
            Map<String, List<String>> terms) {
    }

    /** Scores of all themes (for evaluation and tuning), and the ones reported. */
    public record Result(List<ThemeScore> reported, Map<String, Double> allScores, Map<String, Double> lexicalEvidence) {
    }

    private final Map<String, Theme> themes;
    private final double threshold;
    private final int maxReported;
    private final double lengthExponent;
    private final double saturation;
    private final Weights weights;

    /**
     * @param lengthExponent the evidence is divided by (words / 100) to this power
     * @param saturation lexical score = 1 − exp(−evidence / saturation)
     * @param weights of the embedding evidence, when there is an embedding
     */
    public ThemeClassifier(Map<String, Theme> themes, double threshold, int maxReported, double lengthExponent,
            double saturation, Weights weights) {
        this.themes = themes;
        this.threshold = threshold;
        this.maxReported = maxReported;
        this.lengthExponent = lengthExponent;
        this.saturation = saturation;
        this.weights = weights;
    }

    /** The same lexicons with other lexical settings (tuning). */
    public ThemeClassifier with(double threshold, double lengthExponent, double saturation) {
        return new ThemeClassifier(themes, threshold, maxReported, lengthExponent, saturation, weights);
    }

    /** The same lexicons with other embedding weights (tuning). */
    public ThemeClassifier with(Weights other) {
        return new ThemeClassifier(themes, threshold, maxReported, lengthExponent, saturation, other);
    }

    public Weights weights() {
        return weights;
    }

    public static ThemeClassifier load() {
        try (InputStream in = ThemeClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Theme> themes = new LinkedHashMap<>();
            root.path("themes").fields().forEachRemaining(e -> themes.put(e.getKey(), new Theme(e.getKey(),
                    e.getValue().path("description").asText(), strings(e.getValue().path("prototypes")),
                    new Lexicon(strings(e.getValue().path("strong"))),
                    new Lexicon(strings(e.getValue().path("terms"))))));
            JsonNode embedding = root.path("embedding");
            Weights weights = new Weights(embedding.path("prototype_weight").asDouble(0),
                    embedding.path("neighbour_weight").asDouble(0), embedding.path("prototype_floor").asDouble(0.15),
                    embedding.path("prototype_ceiling").asDouble(0.5),
                    embedding.path("threshold").asDouble(root.path("threshold").asDouble(0.5)));
            return new ThemeClassifier(themes, root.path("threshold").asDouble(0.5), root.path("max_reported").asInt(8),
                    root.path("length_exponent").asDouble(0.5), root.path("saturation").asDouble(4.0), weights);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    public Map<String, Theme> themes() {
        return themes;
    }

    public double threshold() {
        return threshold;
    }

    /**
     * @param wordCount words of the text (CJK characters count one each)
     */
    public Result classify(String title, String text, int wordCount, Optional<EmbeddingEvidence> embedding) {
        return decide(analyse(title, text, wordCount), embedding);
    }

    /** The lexical evidence of every theme. */
    public Analysis analyse(String title, String text, int wordCount) {
        Lexicon.Text normalisedTitle = Lexicon.Text.of(Lexicon.normalise(title == null ? "" : title));
        Lexicon.Text normalisedText = Lexicon.Text.of(Lexicon.normalise(text));
        double lengthScale = Math.pow(Math.max(wordCount, 60) / 100.0, lengthExponent);
        Map<String, Double> scores = new TreeMap<>();
        Map<String, Double> raw = new TreeMap<>();
        Map<String, List<String>> terms = new TreeMap<>();
        for (Theme theme : themes.values()) {
            Map<String, Integer> strongCounts = counts(theme.strong(), normalisedText);
            Map<String, Integer> termCounts = counts(theme.terms(), normalisedText);
            Map<String, Integer> strongTitle = counts(theme.strong(), normalisedTitle);
            Map<String, Integer> termTitle = counts(theme.terms(), normalisedTitle);
            double evidence = 2 * weight(strongCounts) + weight(termCounts)
                    + TITLE_WEIGHT * (2 * weight(strongTitle) + weight(termTitle));
            double lexical = evidence / lengthScale;
            raw.put(theme.label(), lexical);
            scores.put(theme.label(), 1 - Math.exp(-lexical / saturation));
            terms.put(theme.label(), top(strongCounts, strongTitle, termCounts, termTitle));
        }
        return new Analysis(scores, raw, terms);
    }

    /**
     * The score of each theme: the lexical score, weighed with the similarity to the theme's description and the
     * labelled neighbours' votes when there is an embedding (the weights of the missing parts go to the lexicons).
     */
    public Result decide(Analysis analysis, Optional<EmbeddingEvidence> embedding) {
        Map<String, Double> all = new TreeMap<>();
        List<ThemeScore> reported = new ArrayList<>();
        boolean weighed = embedding.isPresent() && (!embedding.get().prototypeSimilarity().isEmpty()
                || !embedding.get().neighbourVotes().isEmpty());
        double reportFrom = weighed ? weights.threshold() : threshold;
        for (Theme theme : themes.values()) {
            double score = analysis.lexicalScores().get(theme.label());
            List<String> why = new ArrayList<>(analysis.terms().get(theme.label()));
            if (embedding.isPresent()) {
                Double prototype = embedding.get().prototypeSimilarity().get(theme.label());
                Double votes = embedding.get().neighbourVotes().get(theme.label());
                double wp = prototype == null ? 0 : weights.prototypeWeight();
                double wn = votes == null ? 0 : weights.neighbourWeight();
                double combined = (1 - weights.prototypeWeight() - weights.neighbourWeight()) * score;
                if (prototype != null) {
                    combined += wp * clamp((prototype - weights.prototypeFloor())
                            / (weights.prototypeCeiling() - weights.prototypeFloor()));
                    why.add(String.format(java.util.Locale.ROOT, "prototype similarity %.2f", prototype));
                }
                if (votes != null) {
                    combined += wn * votes;
                    why.add(String.format(java.util.Locale.ROOT, "labelled neighbours %.2f", votes));
                }
                // the weight of evidence that is missing goes back to the lexicons
                double used = 1 - (weights.prototypeWeight() - wp) - (weights.neighbourWeight() - wn);
                score = used <= 0 ? score : combined / used;
            }
            score = Math.round(clamp(score) * 1000) / 1000.0;
            all.put(theme.label(), score);
            if (score >= reportFrom) {
                reported.add(new ThemeScore(theme.label(), score, why));
            }
        }
        reported.sort(Comparator.comparingDouble(ThemeScore::score).reversed());
        return new Result(reported.size() > maxReported ? List.copyOf(reported.subList(0, maxReported)) : reported, all,
                analysis.lexicalEvidence());
    }

    private static Map<String, Integer> counts(Lexicon lexicon, Lexicon.Text text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Lexicon.Hit hit : lexicon.find(text)) {
            counts.merge(hit.text().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        }
        return counts;
    }

    private static double weight(Map<String, Integer> counts) {
        double sum = 0;
        for (int n : counts.values()) {
            sum += 1 + Math.log(n);
        }
        return sum;
    }

    @SafeVarargs
    private static List<String> top(Map<String, Integer>... maps) {
        Map<String, Integer> merged = new LinkedHashMap<>();
        for (Map<String, Integer> map : maps) {
            map.forEach((k, v) -> merged.merge(k, v, Integer::sum));
        }
        return merged.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(5).map(Map.Entry::getKey).toList();
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
