package org.commentarywatch.enrich.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.commentarywatch.enrich.SharedCorpus;
import org.junit.jupiter.api.Test;

/**
 * The evaluation command ({@link Evaluation}) on the development set (src/test/resources/devset) and on the shared
 * corpus, lexical evidence as the service runs it. The floors sit a little below what the analysis achieves (see
 * the README), so that a change to the lexicons or the decision that makes it worse fails here.
 */
class ClassificationEvaluationTest {

    private static final Evaluation EVALUATION = new Evaluation(null, List.of());

    @Test
    void theDevelopmentSetIsClassifiedAboveTheFloors() throws URISyntaxException {
        Path devset = Path.of(ClassificationEvaluationTest.class.getResource("/devset/labels.json").toURI()).getParent();
        Evaluation.Report report = EVALUATION.evaluate("devset", devset);
        System.out.println(report.format());
        assertTrue(report.pieces() >= 30, "the development set has " + report.pieces() + " pieces");
        assertTrue(report.stanceAccuracy() >= 0.9, "stance accuracy " + report.stanceAccuracy());
        assertTrue(report.themeMicroF1() >= 0.77, "theme micro-F1 " + report.themeMicroF1());
        assertTrue(report.themeMacroF1() >= 0.72, "theme macro-F1 " + report.themeMacroF1());
        assertTrue(report.languageAccuracy() >= 0.95, "language accuracy " + report.languageAccuracy());
    }

    @Test
    void theReferenceCorpusIsClassifiedAboveTheFloors() {
        Evaluation.Report report = EVALUATION.evaluate("corpus", SharedCorpus.directory());
        System.out.println(report.format());
        // five pieces: one piece is 0.2 of the stance accuracy
        assertTrue(report.stanceAccuracy() >= 0.8, "stance accuracy " + report.stanceAccuracy());
        assertTrue(report.themeMicroF1() >= 0.72, "theme micro-F1 " + report.themeMicroF1());
        assertTrue(report.actorRecall() >= 0.9, "actor recall " + report.actorRecall());
    }
}
