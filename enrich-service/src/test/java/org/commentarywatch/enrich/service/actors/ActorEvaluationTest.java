package org.commentarywatch.enrich.service.actors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.commentarywatch.enrich.model.ActorMention;
import org.commentarywatch.enrich.SharedCorpus;
import org.junit.jupiter.api.Test;

/**
 * Actor precision and recall over a labelled set in the reference corpus's format (a folder of texts and
 * {@code labels.json}): the gold actors are each piece's {@code countries_and_blocs} and {@code people}, mapped to
 * knowledge-base ids through the aliases (the tagger reads the label); the predicted ones are the states, blocs,
 * people and international organisations tagged in the title and text. Runs on {@code commentary-test.corpus-dir}
 * (the shared corpus, set by the parent pom):
 * {@code ./mvnw -o -B -pl enrich-service test -Dtest=ActorEvaluationTest [-Dcommentary-test.corpus-dir=DIR]}.
 */
class ActorEvaluationTest {

    private static final ActorTagger TAGGER = new ActorTagger(KnowledgeBase.load());

    record Score(int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        Score plus(Score other) {
            return new Score(truePositives + other.truePositives, falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives);
        }
    }

    @Test
    void actorRecallOnTheLabelledCorpusIsAtLeastNinetyPercent() throws IOException {
        Path corpus = SharedCorpus.directory();
        JsonNode labels = new ObjectMapper().readTree(corpus.resolve("labels.json").toFile());
        Score all = new Score(0, 0, 0);
        Score frequent = new Score(0, 0, 0);
        List<String> report = new ArrayList<>();
        for (JsonNode piece : labels) {
            Path file = corpus.resolve(piece.get("file").asText());
            String text = piece.path("title").asText("") + "\n\n" + Files.readString(file);
            Set<String> gold = new TreeSet<>();
            List<String> unmapped = new ArrayList<>();
            for (String field : List.of("countries_and_blocs", "people")) {
                for (JsonNode name : piece.path(field)) {
                    String id = idOf(name.asText());
                    if (id == null) {
                        unmapped.add(name.asText());
                    } else {
                        gold.add(id);
                    }
                }
            }
            // Recall: any tagged actor the labels name (Hong Kong is a place, yet labelled); precision: the actors of
            // the kinds the labels list.
            List<ActorMention> tagged = TAGGER.tag(text).stream()
                    .filter(a -> countsAsAnActor(a) || gold.contains(a.id())).toList();
            Set<String> predicted = tagged.stream().map(ActorMention::id).collect(Collectors.toCollection(TreeSet::new));
            Set<String> predictedTwice = tagged.stream().filter(a -> a.mentions() >= 2).map(ActorMention::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            Score score = score(gold, unmapped.size(), predicted);
            all = all.plus(score);
            frequent = frequent.plus(score(gold, unmapped.size(), predictedTwice));
            Set<String> missed = new TreeSet<>(gold);
            missed.removeAll(predicted);
            Set<String> extra = new TreeSet<>(predicted);
            extra.removeAll(gold);
            report.add(String.format(Locale.ROOT, "  %s: gold %d, predicted %d, P %.2f R %.2f; missed %s%s; not labelled %s",
                    piece.get("file").asText(), gold.size() + unmapped.size(), predicted.size(), score.precision(),
                    score.recall(), missed, unmapped.isEmpty() ? "" : ", not in the knowledge base " + unmapped, extra));
        }
        System.out.printf(Locale.ROOT, "actor evaluation on %s%n%s%n  all mentions: precision %.3f recall %.3f "
                + "(tp %d, fp %d, fn %d)%n  mentioned at least twice: precision %.3f recall %.3f%n", corpus,
                String.join("\n", report), all.precision(), all.recall(), all.truePositives(), all.falsePositives(),
                all.falseNegatives(), frequent.precision(), frequent.recall());
        double recall = all.recall();
        assertTrue(recall >= 0.9, "actor recall " + recall + " is under 0.9");
    }

    private static Score score(Set<String> gold, int unmapped, Set<String> predicted) {
        int tp = (int) gold.stream().filter(predicted::contains).count();
        return new Score(tp, predicted.size() - tp, gold.size() - tp + unmapped);
    }

    /** What the labels call actors: states, blocs, people, and organisations of states (no country of their own). */
    private static boolean countsAsAnActor(ActorMention actor) {
        return switch (actor.type()) {
            case "state", "bloc", "person" -> true;
            case "organization" -> actor.country() == null;
            default -> false;
        };
    }

    /** The knowledge-base id a label names: the actor of the longest alias found in the label. */
    static String idOf(String label) {
        return TAGGER.spans(label).stream()
                .max(Comparator.comparingInt(s -> s.end() - s.start()))
                .filter(s -> s.actorIds().size() == 1)
                .map(s -> s.actorIds().get(0))
                .orElse(null);
    }
}
