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
 * term counts less each time (1 + ln n), the title counts one and a half times, and the sum is scaled by the square root of the
 * text's length (a long essay touches every theme in passing; a short piece's every term counts). When the
 * document's embedding is at hand, its cosine similarity to the theme's description (and to labelled
 * documents carrying the theme) adds to that evidence. Thread-safe.
 */
public final class ThemeClassifier {

    public static final String RESOURCE = "/classify/themes.json";

    /** A title names what the piece is about: its terms count this much more than the text's. */
    static final double TITLE_WEIGHT = 1.5;

    /** A theme's definition: its lexicons and the description embedded as its prototype. */
    public record Theme(String label, String description, Lexicon strong, Lexicon terms) {
    }

    /**
     * Embedding evidence for one document, computed by the caller.
     *
     * @param prototypeSimilarity theme → cosine of the document vector and the theme's description
     * @param neighbourVotes theme → similarity-weighted share (0..1) of labelled neighbours that carry the theme
     */
    public record EmbeddingEvidence(Map<String, Double> prototypeSimilarity, Map<String, Double> neighbourVotes) {
    }

    /** Scores of all themes (for evaluation and tuning), and the ones reported. */
    public record Result(List<ThemeScore> reported, Map<String, Double> allScores, Map<String, Double> lexicalEvidence) {
    }

    private final Map<String, Theme> themes;
    private final double threshold;
    private final int maxReported;
    private final double lengthExponent;
    private final double saturation;
    private final double prototypeWeight;

    /**
     * @param lengthExponent the evidence is divided by (words / 100) to this power
     * @param saturation lexical score = 1 − exp(−evidence / saturation)
     * @param prototypeWeight share of the embedding evidence in the score, when there is an embedding
     */
    public ThemeClassifier(Map<String, Theme> themes, double threshold, int maxReported, double lengthExponent,
            double saturation, double prototypeWeight) {
        this.themes = themes;
        this.threshold = threshold;
        this.maxReported = maxReported;
        this.lengthExponent = lengthExponent;
        this.saturation = saturation;
        this.prototypeWeight = prototypeWeight;
    }

    /** The same lexicons with other settings (evaluation). */
    public ThemeClassifier with(double threshold, double lengthExponent, double saturation, double prototypeWeight) {
        return new ThemeClassifier(themes, threshold, maxReported, lengthExponent, saturation, prototypeWeight);
    }

    public static ThemeClassifier load() {
        try (InputStream in = ThemeClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Theme> themes = new LinkedHashMap<>();
            root.path("themes").fields().forEachRemaining(e -> themes.put(e.getKey(), new Theme(e.getKey(),
                    e.getValue().path("description").asText(), new Lexicon(strings(e.getValue().path("strong"))),
                    new Lexicon(strings(e.getValue().path("terms"))))));
            return new ThemeClassifier(themes, root.path("threshold").asDouble(0.5), root.path("max_reported").asInt(8),
                    root.path("length_exponent").asDouble(0.5), root.path("saturation").asDouble(4.0),
                    root.path("prototype_weight").asDouble(0.3));
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
        String normalisedTitle = Lexicon.normalise(title == null ? "" : title);
        String normalisedText = Lexicon.normalise(text);
        double lengthScale = Math.pow(Math.max(wordCount, 60) / 100.0, lengthExponent);
        Map<String, Double> all = new TreeMap<>();
        Map<String, Double> raw = new TreeMap<>();
        List<ThemeScore> reported = new ArrayList<>();
        for (Theme theme : themes.values()) {
            Map<String, Integer> strongCounts = counts(theme.strong(), normalisedText);
            Map<String, Integer> termCounts = counts(theme.terms(), normalisedText);
            Map<String, Integer> strongTitle = counts(theme.strong(), normalisedTitle);
            Map<String, Integer> termTitle = counts(theme.terms(), normalisedTitle);
            double evidence = 2 * weight(strongCounts) + weight(termCounts)
                    + TITLE_WEIGHT * (2 * weight(strongTitle) + weight(termTitle));
            double lexical = evidence / lengthScale;
            raw.put(theme.label(), lexical);
            double score = 1 - Math.exp(-lexical / saturation);
            List<String> why = new ArrayList<>(top(strongCounts, strongTitle, termCounts, termTitle));
            if (embedding.isPresent()) {
                double prototype = embedding.get().prototypeSimilarity().getOrDefault(theme.label(), 0.0);
                double votes = embedding.get().neighbourVotes().getOrDefault(theme.label(), -1.0);
                // cosine to a short description: about 0.1 unrelated, 0.4 and above squarely on it
                double fromPrototype = clamp((prototype - 0.15) / 0.35);
                double combined = (1 - prototypeWeight) * score + prototypeWeight * fromPrototype;
                if (votes >= 0) {
                    combined = 0.8 * combined + 0.2 * votes;
                    why.add(String.format(java.util.Locale.ROOT, "neighbours %.2f", votes));
                }
                why.add(String.format(java.util.Locale.ROOT, "prototype %.2f", prototype));
                score = combined;
            }
            score = Math.round(clamp(score) * 1000) / 1000.0;
            all.put(theme.label(), score);
            if (score >= threshold) {
                reported.add(new ThemeScore(theme.label(), score, why));
            }
        }
        reported.sort(Comparator.comparingDouble(ThemeScore::score).reversed());
        return new Result(reported.size() > maxReported ? List.copyOf(reported.subList(0, maxReported)) : reported, all, raw);
    }

    private static Map<String, Integer> counts(Lexicon lexicon, String text) {
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
