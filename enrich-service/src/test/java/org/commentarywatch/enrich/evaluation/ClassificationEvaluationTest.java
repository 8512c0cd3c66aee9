package org.commentarywatch.enrich.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.commentarywatch.enrich.SharedCorpus;
import org.commentarywatch.enrich.service.embedding.DocumentEmbedder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluation command ({@link Evaluation}) on the development set (src/test/resources/devset) and on the shared
 * corpus: as the service classifies (lexicons, prototypes and labelled neighbours, leave-one-out over both sets),
 * and on the words alone (the service's fallback when a text gives the model nothing to read). The floors are the
 * issue's targets or a little below what the analysis achieves (see the README), so that a change to the lexicons,
 * prototypes, weights or the decision that makes it worse fails here.
 */
class ClassificationEvaluationTest {

    private static DocumentEmbedder embedder;
    private static Evaluation combined;
    private static final Evaluation LEXICAL = new Evaluation(null, List.of());
    private static Path devset;

    @BeforeAll
    static void load() throws URISyntaxException {
        devset = Path.of(ClassificationEvaluationTest.class.getResource("/devset/labels.json").toURI()).getParent();
        embedder = DocumentEmbedder.withDefaults();
        combined = new Evaluation(embedder, List.of(devset, SharedCorpus.directory()));
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void theDevelopmentSetIsClassifiedAboveTheTargetsWithEmbeddingsAndNeighbours() {
        Evaluation.Report report = combined.evaluate("devset", devset);
        System.out.println(report.format());
        assertTrue(report.pieces() >= 30, "the development set has " + report.pieces() + " pieces");
        assertTrue(report.stanceAccuracy() >= 0.9, "stance accuracy " + report.stanceAccuracy());
        assertTrue(report.themeMicroF1() >= 0.8, "theme micro-F1 " + report.themeMicroF1());
        assertTrue(report.actorRecall() >= 0.9, "actor recall " + report.actorRecall());
        assertTrue(report.languageAccuracy() >= 0.95, "language accuracy " + report.languageAccuracy());
        // the embedding evidence earns its place: not below the words alone
        Evaluation.Report lexical = LEXICAL.evaluate("devset", devset);
        assertTrue(report.themeMicroF1() >= lexical.themeMicroF1(), report.themeMicroF1() + " < " + lexical.themeMicroF1());
        assertTrue(report.stanceAccuracy() >= lexical.stanceAccuracy());
    }

    @Test
    void theReferenceCorpusIsClassifiedAboveTheTargetsWithEmbeddingsAndNeighbours() {
        Evaluation.Report report = combined.evaluate("corpus", SharedCorpus.directory());
        System.out.println(report.format());
        // five pieces: one piece is 0.2 of the stance accuracy
        assertTrue(report.stanceAccuracy() >= 0.8, "stance accuracy " + report.stanceAccuracy());
        assertTrue(report.themeMicroF1() >= 0.75, "theme micro-F1 " + report.themeMicroF1());
        assertTrue(report.actorRecall() >= 0.9, "actor recall " + report.actorRecall());
    }

    @Test
    void onTheWordsAloneBothSetsStayAboveTheFloors() {
        Evaluation.Report dev = LEXICAL.evaluate("devset", devset);
        assertTrue(dev.stanceAccuracy() >= 0.9, "stance accuracy " + dev.stanceAccuracy());
        assertTrue(dev.themeMicroF1() >= 0.77, "theme micro-F1 " + dev.themeMicroF1());
        assertTrue(dev.themeMacroF1() >= 0.72, "theme macro-F1 " + dev.themeMacroF1());
        Evaluation.Report corpus = LEXICAL.evaluate("corpus", SharedCorpus.directory());
        assertTrue(corpus.stanceAccuracy() >= 0.8, "stance accuracy " + corpus.stanceAccuracy());
        assertTrue(corpus.themeMicroF1() >= 0.72, "theme micro-F1 " + corpus.themeMicroF1());
        assertTrue(corpus.actorRecall() >= 0.9, "actor recall " + corpus.actorRecall());
    }
}
