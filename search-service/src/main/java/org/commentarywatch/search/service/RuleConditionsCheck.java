package org.commentarywatch.search.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import com.fasterxml.jackson.databind.JsonNode;

import org.commentarywatch.search.model.Rule;
import org.commentarywatch.search.model.RuleConditions;

/** The structured conditions of a rule against an enriched document. */
public final class RuleConditionsCheck {

    /**
     * What the document had that satisfied the rule (or that an analyst wants to see with the alert): its stance,
     * the themes and actors that counted, its novelty and, for a similarity condition, the similarity.
     */
    public record Satisfied(Optional<JsonNode> stance, List<JsonNode> themes, List<JsonNode> actors,
                            OptionalDouble novelty, OptionalDouble similarity) {
    }

    private RuleConditionsCheck() {
    }

    public static Optional<Satisfied> check(Rule rule, JsonNode document) {
        RuleConditions c = rule.conditions();
        JsonNode enrichment = document.path("enrichment");

        JsonNode stance = enrichment.path("stance");
        if (c.stance() != null && !c.stance().isEmpty()
                && !c.stance().contains(stance.path("label").asText(null))) {
            return Optional.empty();
        }
        if (c.minStanceScore() != null
                && !(stance.path("score").isNumber() && stance.path("score").asDouble() >= c.minStanceScore())) {
            return Optional.empty();
        }

        List<JsonNode> themes = new ArrayList<>();
        boolean themeCondition = (c.themes() != null && !c.themes().isEmpty()) || c.minThemeScore() != null;
        for (JsonNode theme : enrichment.path("themes")) {
            boolean labelOk = c.themes() == null || c.themes().isEmpty() || c.themes().contains(theme.path("label").asText());
            boolean scoreOk = c.minThemeScore() == null
                    || (theme.path("score").isNumber() && theme.path("score").asDouble() >= c.minThemeScore());
            if (!themeCondition || (labelOk && scoreOk)) {
                themes.add(theme);
            }
        }
        if (themeCondition && themes.isEmpty()) {
            return Optional.empty();
        }

        List<JsonNode> actors = new ArrayList<>();
        if (c.actors() != null && !c.actors().isEmpty()) {
            List<String> wanted = c.actors().stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
            for (JsonNode actor : enrichment.path("actors")) {
                if (wanted.contains(actor.path("id").asText("").toLowerCase(Locale.ROOT))
                        || wanted.contains(actor.path("name").asText("").toLowerCase(Locale.ROOT))) {
                    actors.add(actor);
                }
            }
            if (actors.isEmpty()) {
                return Optional.empty();
            }
        }

        if (c.language() != null && !c.language().isEmpty()
                && !c.language().contains(enrichment.path("language").asText("und"))) {
            return Optional.empty();
        }

        JsonNode noveltyNode = enrichment.path("novelty");
        OptionalDouble novelty = noveltyNode.isNumber() ? OptionalDouble.of(noveltyNode.asDouble()) : OptionalDouble.empty();
        if (c.minNovelty() != null && !(novelty.isPresent() && novelty.getAsDouble() >= c.minNovelty())) {
            return Optional.empty();
        }

        OptionalDouble similarity = OptionalDouble.empty();
        if (c.similarTo() != null) {
            if (document.path("id").asText("").equals(c.similarTo().documentId()) || rule.similarToVector() == null) {
                return Optional.empty();
            }
            Optional<float[]> vector = vector(enrichment.path("vector"));
            if (vector.isEmpty() || vector.get().length != rule.similarToVector().length) {
                return Optional.empty();
            }
            double cosine = cosine(vector.get(), rule.similarToVector());
            double threshold = c.similarTo().threshold() == null ? 0.8 : c.similarTo().threshold();
            if (cosine < threshold) {
                return Optional.empty();
            }
            similarity = OptionalDouble.of(cosine);
        }

        if (c.reference() != null && document.path("reference").asBoolean(false) != c.reference()) {
            return Optional.empty();
        }

        return Optional.of(new Satisfied(stance.isObject() ? Optional.of(stance) : Optional.empty(), themes, actors,
                novelty, similarity));
    }

    public static Optional<float[]> vector(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return Optional.empty();
        }
        float[] vector = new float[node.size()];
        for (int i = 0; i < vector.length; i++) {
            if (!node.get(i).isNumber()) {
                return Optional.empty();
            }
            vector[i] = (float) node.get(i).asDouble();
        }
        return Optional.of(vector);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * (double) b[i];
            na += a[i] * (double) a[i];
            nb += b[i] * (double) b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
