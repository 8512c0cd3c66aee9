package org.commentarywatch.enrich.evaluation;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.commentarywatch.enrich.service.classify.DocumentClassifier;
import org.commentarywatch.enrich.service.embedding.DocumentEmbedder;
import org.commentarywatch.enrich.service.stance.StanceClassifier;
import org.commentarywatch.enrich.service.themes.ThemeClassifier;
import org.junit.jupiter.api.Test;

/**
 * Tuning aid (not a {@code *Test}: it runs only when asked for): stance accuracy and theme micro-F1 of the
 * development set over a grid of embedding weights, each piece embedded and prepared once; the shared corpus is
 * printed beside it as held-out, not tuned on. Neighbours are the labelled pieces of both sets, leave-one-out.
 *
 * <pre>
 * ./mvnw -o -B -pl enrich-service test -Dtest=EmbeddingSweep [-Dsweep.ablation-only=true]
 * </pre>
 * The first lines are the ablation: lexical only, prototypes without neighbours, neighbours without prototypes,
 * and everything as configured.
 */
class EmbeddingSweep {

    @Test
    void sweep() throws URISyntaxException {
        Path devset = Path.of(EmbeddingSweep.class.getResource("/devset/labels.json").toURI()).getParent();
        Path corpus = Path.of(System.getProperty("commentary-test.corpus-dir", "../../shared/corpus"));
        try (DocumentEmbedder embedder = DocumentEmbedder.withDefaults()) {
            Evaluation evaluation = new Evaluation(embedder, List.of(devset, corpus));
            List<Evaluation.Case> dev = evaluation.cases(devset);
            List<Evaluation.Case> held = evaluation.cases(corpus);
            DocumentClassifier base = evaluation.classifier();
            ThemeClassifier.Weights t0 = base.themes().weights();
            StanceClassifier.Weights s0 = base.stance().weights();
            print("lexical only", base.with(new ThemeClassifier.Weights(0, 0, t0.prototypeFloor(), t0.prototypeCeiling(),
                    base.themes().threshold()),
                    new StanceClassifier.Weights(0, 0, s0.temperature())), dev, held);
            print("prototypes, no neighbours", base.with(new ThemeClassifier.Weights(t0.prototypeWeight(), 0,
                    t0.prototypeFloor(), t0.prototypeCeiling(), t0.threshold()),
                    new StanceClassifier.Weights(s0.prototypeWeight(), 0, s0.temperature())), dev, held);
            print("neighbours, no prototypes", base.with(new ThemeClassifier.Weights(0, t0.neighbourWeight(),
                    t0.prototypeFloor(), t0.prototypeCeiling(), t0.threshold()),
                    new StanceClassifier.Weights(0, s0.neighbourWeight(), s0.temperature())), dev, held);
            print("as configured (combined)", base, dev, held);
            if (Boolean.getBoolean("sweep.ablation-only")) {
                return;
            }
            for (double threshold : new double[] {0.65, 0.7}) {
                for (double tp : new double[] {0.1, 0.2, 0.3, 0.4}) {
                    for (double tn : new double[] {0, 0.05, 0.1}) {
                        for (double floor : new double[] {0.2, 0.3}) {
                            for (double ceiling : new double[] {0.5, 0.6}) {
                                ThemeClassifier.Weights tw = new ThemeClassifier.Weights(tp, tn, floor, ceiling,
                                        threshold);
                                print(String.format(Locale.ROOT, "themes thr %.2f proto %.2f neigh %.2f %.2f-%.2f",
                                        threshold, tp, tn, floor, ceiling),
                                        base.with(tw, s0), dev,
                                        held);
                            }
                        }
                    }
                }
            }
            for (double sp : new double[] {0, 0.1, 0.2, 0.3, 0.5}) {
                for (double sn : new double[] {0, 0.05, 0.1, 0.2}) {
                    for (double temperature : new double[] {0.02, 0.05}) {
                        StanceClassifier.Weights sw = new StanceClassifier.Weights(sp, sn, temperature);
                        print(String.format(Locale.ROOT, "stance proto %.2f neigh %.2f temp %.2f", sp, sn, temperature),
                                base.with(t0, sw), dev, held);
                    }
                }
            }
        }
    }

    private static void print(String name, DocumentClassifier classifier, List<Evaluation.Case> dev,
            List<Evaluation.Case> held) {
        Evaluation.Report d = Evaluation.evaluate("dev", dev, classifier);
        Evaluation.Report c = Evaluation.evaluate("corpus", held, classifier);
        System.out.printf(Locale.ROOT, "%-48s dev stance %.3f themes %.3f (macro %.3f) | corpus stance %.3f themes %.3f%n",
                name, d.stanceAccuracy(), d.themeMicroF1(), d.themeMacroF1(), c.stanceAccuracy(), c.themeMicroF1());
    }
}
