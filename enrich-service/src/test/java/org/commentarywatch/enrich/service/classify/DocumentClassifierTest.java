package org.commentarywatch.enrich.service.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.commentarywatch.enrich.model.Stance;
import org.commentarywatch.enrich.model.ThemeScore;
import org.commentarywatch.enrich.service.SentenceSplitter;
import org.commentarywatch.enrich.service.WordCounter;
import org.commentarywatch.enrich.service.stance.StanceClassifier;
import org.commentarywatch.enrich.service.themes.ThemeClassifier;
import org.junit.jupiter.api.Test;

/**
 * How labelled neighbours and the weights combine with the lexical evidence (pieces written for these tests; the
 * vectors are made up: what is under test is the combination, not the model, which {@code EmbeddingSweep} and the
 * evaluation measure).
 */
class DocumentClassifierTest {

    private static final DocumentClassifier LEXICAL = DocumentClassifier.lexical();
    private static final Optional<DocumentClassifier.Embedded> EMBEDDED = Optional.of(
            new DocumentClassifier.Embedded(unit(1, 0, 0), List.of(unit(1, 0, 0))));

    /** On topic, and no side argued: the cues say neutral. */
    private static final String TITLE = "Ministers meet";
    private static final String TEXT = "The foreign ministers of China and Russia will meet in Harbin next week. "
            + "The agenda lists border crossings, river shipping and a new bridge. A joint press conference is planned.";

    private static float[] unit(float... v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return out;
    }

    private static DocumentClassifier.Outcome classify(DocumentClassifier classifier, String text,
            List<DocumentClassifier.LabelledNeighbour> neighbours) {
        return classifier.classify(TITLE, text, SentenceSplitter.split(text, Locale.ENGLISH), WordCounter.count(text),
                List.of(), "en", EMBEDDED, neighbours);
    }

    private static DocumentClassifier.LabelledNeighbour neighbour(String id, double similarity, String stance,
            String... themes) {
        return new DocumentClassifier.LabelledNeighbour(id, similarity, stance, List.of(themes));
    }

    @Test
    void theNearestLabelledReferencesVoteWithoutTheDocumentItselfAndOnlyWhenClose() {
        List<LabelledReference> references = List.of(
                new LabelledReference("self", unit(1, 0, 0), "convergence", List.of()),
                new LabelledReference("near", unit(1, 0.2f, 0), "divergence", List.of("energy")),
                new LabelledReference("nearer", unit(1, 0.1f, 0), "divergence", List.of()),
                new LabelledReference("middle", unit(1, 0.6f, 0), "neutral", List.of()),
                new LabelledReference("fourth", unit(1, 0.8f, 0), "neutral", List.of()),
                new LabelledReference("far", unit(0, 0, 1), "convergence", List.of()));

        List<DocumentClassifier.LabelledNeighbour> voters = DocumentClassifier.nearest(unit(1, 0, 0), references,
                Optional.of("self"));

        assertEquals(List.of("nearer", "near", "middle"), voters.stream().map(DocumentClassifier.LabelledNeighbour::id)
                .toList());
    }

    @Test
    void theLabelledNeighboursVoteIsWeighedAndNamedInDecidedBy() {
        Stance stance = classify(LEXICAL, TEXT, List.of(neighbour("a", 0.8, "divergence"))).classification().stance();

        assertEquals("neutral", stance.label(), stance.decidedBy());
        assertTrue(stance.decidedBy().contains("decided by sentence cues"), stance.decidedBy());
        assertTrue(stance.decidedBy().contains("labelled neighbours vote divergence 1.00 (weight 0.10)"),
                stance.decidedBy());
    }

    @Test
    void heavierNeighbourVotesOverturnTheCuesAndDecidedBySaysWhatTheCuesAloneSaid() {
        DocumentClassifier neighbourLed = LEXICAL.with(LEXICAL.themes().weights(),
                new StanceClassifier.Weights(0, 2.0, 0.05));

        Stance stance = classify(neighbourLed, TEXT, List.of(neighbour("a", 0.8, "divergence"),
                neighbour("b", 0.7, "divergence"))).classification().stance();

        assertEquals("divergence", stance.label(), stance.decidedBy());
        assertTrue(stance.decidedBy().contains("decided by labelled neighbours (the sentence cues alone say neutral)"),
                stance.decidedBy());
    }

    @Test
    void neighboursDoNotOverruleTheOffTopicGateNorVoteOffTopicOnceItIsPassed() {
        DocumentClassifier neighbourLed = LEXICAL.with(LEXICAL.themes().weights(),
                new StanceClassifier.Weights(0, 2.0, 0.05));
        String unrelated = "The city council approved a new tram line after a long debate. Construction starts in "
                + "spring and should take three years.";

        assertEquals("off_topic", classify(neighbourLed, unrelated, List.of(neighbour("a", 0.9, "convergence")))
                .classification().stance().label());
        Stance onTopic = classify(neighbourLed, TEXT, List.of(neighbour("b", 0.9, "off_topic"))).classification()
                .stance();
        assertEquals("neutral", onTopic.label(), onTopic.decidedBy());
    }

    @Test
    void neighboursCarryingAThemeRaiseItsScoreAndShowInItsEvidence() {
        ThemeClassifier.Result without = classify(LEXICAL, TEXT, List.of()).themes();
        ThemeClassifier.Result with = classify(LEXICAL, TEXT, List.of(neighbour("a", 0.8, "neutral", "energy")))
                .themes();

        assertTrue(with.allScores().get("energy") > without.allScores().get("energy"), with.allScores().toString());
        assertTrue(with.allScores().get("taiwan") < without.allScores().get("taiwan") + 1e-9);
        DocumentClassifier neighbourLed = LEXICAL.with(new ThemeClassifier.Weights(0, 0.9, 0.3, 0.6, 0.65),
                LEXICAL.stance().weights());
        ThemeScore energy = classify(neighbourLed, TEXT, List.of(neighbour("a", 0.8, "neutral", "energy")))
                .classification().themes().stream().filter(t -> t.label().equals("energy")).findFirst().orElseThrow();
        assertTrue(energy.evidence().contains("labelled neighbours 1.00"), energy.toString());
    }

    @Test
    void withoutAnEmbeddingNoNeighbourVotes() {
        Stance stance = LEXICAL.classify(TITLE, TEXT, SentenceSplitter.split(TEXT, Locale.ENGLISH),
                WordCounter.count(TEXT), List.of(), "en", Optional.empty(), List.of(neighbour("a", 0.9, "divergence")))
                .classification().stance();

        assertFalse(stance.decidedBy().contains("labelled neighbours"), stance.decidedBy());
    }

    @Test
    void aThemeSpeaksThroughItsBestPassagesNotTheWholeDocument() {
        List<float[]> prototypes = List.of(unit(1, 0, 0));
        List<float[]> passages = List.of(unit(1, 0, 0), unit(0, 1, 0), unit(0, 1, 0), unit(1, 1, 0));

        assertEquals((1 + Math.sqrt(0.5)) / 2, DocumentClassifier.closestPassages(passages, prototypes), 1e-6);
        assertEquals(0, DocumentClassifier.closestPassages(List.of(), prototypes));
    }
}
