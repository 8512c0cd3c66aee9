package org.commentarywatch.enrich.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.commentarywatch.enrich.service.WordCounter;
import org.commentarywatch.enrich.service.themes.ThemeClassifier;

/** Tuning aid: theme micro-F1 over labelled folders for a grid of length exponents, saturations and thresholds. */
public final class ThemeSweep {

    public static void main(String[] args) {
        ThemeClassifier classifier = ThemeClassifier.load();
        List<List<Map<String, Double>>> evidence = new ArrayList<>();
        List<List<Set<String>>> gold = new ArrayList<>();
        List<List<Integer>> words = new ArrayList<>();
        for (String folder : args) {
            List<Map<String, Double>> e = new ArrayList<>();
            List<Set<String>> g = new ArrayList<>();
            List<Integer> w = new ArrayList<>();
            for (Evaluation.Piece piece : Evaluation.read(Path.of(folder))) {
                int n = WordCounter.count(piece.text());
                // evidence at exponent 0 (not scaled), scaled below
                e.add(classifier.with(0.5, 0, 4).classify(piece.title(), piece.text(), n, Optional.empty())
                        .lexicalEvidence());
                Set<String> labels = new TreeSet<>();
                piece.labels().path("themes").forEach(t -> labels.add(t.asText()));
                g.add(labels);
                w.add(Math.max(n, 60));
            }
            evidence.add(e);
            gold.add(g);
            words.add(w);
        }
        for (double exponent : new double[] {0.2, 0.3, 0.4, 0.5}) {
            for (double saturation : new double[] {2, 3, 4, 6}) {
                for (double threshold : new double[] {0.4, 0.5, 0.6, 0.7, 0.8}) {
                  for (double relative : new double[] {0, 0.2, 0.3, 0.4, 0.5}) {
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "exp %.1f sat %.0f thr %.1f rel %.1f:",
                            exponent, saturation, threshold, relative));
                    double min = 1;
                    for (int f = 0; f < evidence.size(); f++) {
                        int tp = 0;
                        int fp = 0;
                        int fn = 0;
                        for (int i = 0; i < evidence.get(f).size(); i++) {
                            double scale = Math.pow(words.get(f).get(i) / 100.0, exponent);
                            double max = evidence.get(f).get(i).values().stream().mapToDouble(x -> x).max().orElse(0);
                            for (Map.Entry<String, Double> e : evidence.get(f).get(i).entrySet()) {
                                double sc = 1 - Math.exp(-e.getValue() / scale / saturation);
                                boolean p = sc >= threshold || (relative > 0 && sc >= threshold / 2 && e.getValue() >= relative * max);
                                boolean g = gold.get(f).get(i).contains(e.getKey());
                                tp += p && g ? 1 : 0;
                                fp += p && !g ? 1 : 0;
                                fn += !p && g ? 1 : 0;
                            }
                        }
                        double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
                        min = Math.min(min, f1);
                        line.append(String.format(Locale.ROOT, " %.3f", f1));
                    }
                    line.append(String.format(Locale.ROOT, "  min %.3f", min));
                    System.out.println(line);
                  }
                }
            }
        }
    }
}
