package org.commentarywatch.enrich.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.commentarywatch.enrich.model.ActorMention;
import org.commentarywatch.enrich.model.TextFindings;
import org.commentarywatch.enrich.model.ThemeScore;
import org.commentarywatch.enrich.service.LanguageDetector;
import org.commentarywatch.enrich.service.LanguageGuess;
import org.commentarywatch.enrich.service.SentenceSplitter;
import org.commentarywatch.enrich.service.TextFindingsAnalyser;
import org.commentarywatch.enrich.service.WordCounter;
import org.commentarywatch.enrich.service.classify.DocumentClassifier;
import org.commentarywatch.enrich.service.classify.LabelledReference;
import org.commentarywatch.enrich.service.embedding.DocumentEmbedder;
import org.commentarywatch.enrich.service.stance.StanceClassifier;
import org.commentarywatch.enrich.service.themes.ThemeClassifier;

/**
 * Runs the analysis over labelled folders in the reference corpus's format (texts plus {@code labels.json}) and
 * prints stance accuracy with a confusion matrix, theme micro/macro F1, actor precision/recall (gold:
 * {@code countries_and_blocs} + {@code people}) and language accuracy (where {@code language} is labelled).
 *
 * <pre>
 * Evaluation [--lexical] [--neighbours DIR] DIR...
 * </pre>
 * By default the documents are embedded (all-MiniLM-L6-v2) as the service does, the theme descriptions and stance
 * prototypes weigh in, and the labelled documents of every evaluated folder (and of each {@code --neighbours DIR})
 * vote as neighbours, each left out when it is itself evaluated (leave-one-out); {@code --lexical} measures the
 * words alone. The README shows how to run it through Maven.
 */
public final class Evaluation {

    public static final List<String> STANCES = List.of(StanceClassifier.CONVERGENCE, StanceClassifier.DIVERGENCE,
            StanceClassifier.NEUTRAL, StanceClassifier.OFF_TOPIC);

    /** One labelled piece. */
    public record Piece(String id, String title, String text, JsonNode labels) {
    }

    /** The figures of one folder. */
    public record Report(String name, int pieces, double stanceAccuracy, int[][] confusion, double themeMicroF1,
            double themeMacroF1, double themePrecision, double themeRecall, double actorPrecision,
            double actorRecall, double languageAccuracy, int languageLabelled, List<String> lines) {

        public String format() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "== %s (%d pieces)%n", name, pieces));
            out.append(String.format(Locale.ROOT, "stance accuracy %.3f%n", stanceAccuracy));
            out.append(String.format(Locale.ROOT, "  %-12s %s%n", "gold\\pred",
                    STANCES.stream().map(s -> String.format(Locale.ROOT, "%11s", s)).collect(Collectors.joining(" "))));
            for (int g = 0; g < STANCES.size(); g++) {
                StringBuilder row = new StringBuilder();
                for (int p = 0; p < STANCES.size(); p++) {
                    row.append(String.format(Locale.ROOT, "%11d ", confusion[g][p]));
                }
                out.append(String.format(Locale.ROOT, "  %-12s %s%n", STANCES.get(g), row));
            }
            out.append(String.format(Locale.ROOT, "theme micro-F1 %.3f (P %.3f R %.3f), macro-F1 %.3f%n", themeMicroF1,
                    themePrecision, themeRecall, themeMacroF1));
            out.append(String.format(Locale.ROOT, "actor precision %.3f recall %.3f%n", actorPrecision, actorRecall));
            out.append(languageLabelled == 0 ? "language: not labelled\n"
                    : String.format(Locale.ROOT, "language accuracy %.3f (%d labelled)%n", languageAccuracy,
                            languageLabelled));
            lines.forEach(l -> out.append("  ").append(l).append('\n'));
            return out.toString();
        }
    }

    private final LanguageDetector languageDetector = new LanguageDetector();
    private final TextFindingsAnalyser findings = TextFindingsAnalyser.shared();
    private final DocumentEmbedder embedder;
    private final DocumentClassifier classifier;
    private final List<LabelledReference> references = new ArrayList<>();

    /** One piece, analysed up to the decision: what the weights are tuned over. */
    public record Case(Piece piece, LanguageGuess language, DocumentClassifier.Prepared prepared,
            Optional<DocumentClassifier.Embedded> embedding, List<DocumentClassifier.LabelledNeighbour> neighbours,
            Set<String> goldActors, int unmappedActors, Set<String> predictedActors) {
    }

    /**
     * @param embedder null for lexical evidence only
     * @param neighbours labelled folders whose documents vote as neighbours (needs an embedder); each piece is left
     *        out of its own vote
     */
    public Evaluation(DocumentEmbedder embedder, List<Path> neighbours) {
        this.embedder = embedder;
        if (embedder == null) {
            this.classifier = DocumentClassifier.lexical();
        } else {
            for (Path folder : neighbours) {
                for (Piece piece : read(folder)) {
                    embedding(piece, language(piece)).ifPresent(e -> {
                        List<String> themes = new ArrayList<>();
                        piece.labels().path("themes").forEach(t -> themes.add(t.asText()));
                        references.add(new LabelledReference(piece.id(), e.vector(),
                                piece.labels().path("stance").asText(), themes));
                    });
                }
            }
            this.classifier = new DocumentClassifier(ThemeClassifier.load(), StanceClassifier.load(),
                    Optional.of(embedder::embedAll));
        }
    }

    public DocumentClassifier classifier() {
        return classifier;
    }

    public static List<Piece> read(Path folder) {
        try {
            JsonNode labels = new ObjectMapper().readTree(folder.resolve("labels.json").toFile());
            List<Piece> pieces = new ArrayList<>();
            for (JsonNode label : labels) {
                String file = label.path("file").asText();
                pieces.add(new Piece(folder.toAbsolutePath().normalize() + "/" + file, label.path("title").asText(""),
                        Files.readString(folder.resolve(file)), label));
            }
            return pieces;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the labelled folder " + folder, e);
        }
    }

    private LanguageGuess language(Piece piece) {
        return languageDetector.detect(piece.title().isBlank() ? piece.text() : piece.title() + "\n\n" + piece.text());
    }

    private Optional<DocumentClassifier.Embedded> embedding(Piece piece, LanguageGuess language) {
        if (embedder == null) {
            return Optional.empty();
        }
        return embedder.embed(SentenceSplitter.split(piece.text(), language.locale()))
                .map(e -> new DocumentClassifier.Embedded(e.vector(), e.passageVectors()));
    }

    /** Reads, tags, embeds and prepares each piece of {@code folder}. */
    public List<Case> cases(Path folder) {
        List<Case> cases = new ArrayList<>();
        for (Piece piece : read(folder)) {
            LanguageGuess language = language(piece);
            List<String> sentences = SentenceSplitter.split(piece.text(), language.locale());
            TextFindings found = findings.analyse(piece.text());
            DocumentClassifier.Prepared prepared = classifier.prepare(piece.title(), piece.text(), sentences,
                    WordCounter.count(piece.text()), found.actors());
            Optional<DocumentClassifier.Embedded> embedding = embedding(piece, language);
            List<DocumentClassifier.LabelledNeighbour> neighbours = embedding
                    .map(e -> DocumentClassifier.nearest(e.vector(), references, Optional.of(piece.id())))
                    .orElse(List.of());
            // actors: the title and the text, as the actor evaluation reads them
            Set<String> goldActors = new TreeSet<>();
            int unmapped = 0;
            for (String field : List.of("countries_and_blocs", "people")) {
                for (JsonNode actor : piece.labels().path(field)) {
                    String id = idOf(actor.asText());
                    if (id == null) {
                        unmapped++;
                    } else {
                        goldActors.add(id);
                    }
                }
            }
            Set<String> predictedActors = findings.tagger().tag(piece.title() + "\n\n" + piece.text()).stream()
                    .filter(a -> countsAsAnActor(a) || goldActors.contains(a.id())).map(ActorMention::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            cases.add(new Case(piece, language, prepared, embedding, neighbours, goldActors, unmapped,
                    predictedActors));
        }
        return cases;
    }

    public Report evaluate(String name, Path folder) {
        return evaluate(name, cases(folder), classifier);
    }

    /** The figures of prepared cases, decided by {@code decider} (the same lexicons, other weights). */
    public static Report evaluate(String name, List<Case> cases, DocumentClassifier decider) {
        int[][] confusion = new int[STANCES.size()][STANCES.size()];
        int correct = 0;
        Map<String, int[]> themeCounts = new LinkedHashMap<>(); // tp, fp, fn
        int actorTp = 0;
        int actorFp = 0;
        int actorFn = 0;
        int languageRight = 0;
        int languageLabelled = 0;
        List<String> lines = new ArrayList<>();
        for (Case c : cases) {
            Piece piece = c.piece();
            DocumentClassifier.Outcome outcome = decider.decide(c.prepared(), c.language().code(), c.embedding(),
                    c.neighbours());
            String gold = piece.labels().path("stance").asText();
            String predicted = outcome.classification().stance().label();
            confusion[STANCES.indexOf(gold)][STANCES.indexOf(predicted)]++;
            if (gold.equals(predicted)) {
                correct++;
            }
            Set<String> goldThemes = new TreeSet<>();
            piece.labels().path("themes").forEach(t -> goldThemes.add(t.asText()));
            Set<String> predictedThemes = outcome.classification().themes().stream().map(ThemeScore::label)
                    .collect(Collectors.toCollection(TreeSet::new));
            for (String theme : outcome.themes().allScores().keySet()) {
                int[] counts = themeCounts.computeIfAbsent(theme, t -> new int[3]);
                boolean g = goldThemes.contains(theme);
                boolean p = predictedThemes.contains(theme);
                if (g && p) {
                    counts[0]++;
                } else if (p) {
                    counts[1]++;
                } else if (g) {
                    counts[2]++;
                }
            }
            int tp = (int) c.goldActors().stream().filter(c.predictedActors()::contains).count();
            actorTp += tp;
            actorFp += c.predictedActors().size() - tp;
            actorFn += c.goldActors().size() - tp + c.unmappedActors();
            String goldLanguage = piece.labels().path("language").asText("");
            if (!goldLanguage.isEmpty()) {
                languageLabelled++;
                if (goldLanguage.equals(c.language().code())) {
                    languageRight++;
                }
            }
            Set<String> missed = new TreeSet<>(goldThemes);
            missed.removeAll(predictedThemes);
            Set<String> extra = new TreeSet<>(predictedThemes);
            extra.removeAll(goldThemes);
            Set<String> missedActors = new TreeSet<>(c.goldActors());
            missedActors.removeAll(c.predictedActors());
            String file = Path.of(piece.id()).getFileName().toString();
            lines.add(String.format(Locale.ROOT, "%s %s stance %s→%s (%.2f, cues %.1f/%.1f, co %d); themes missed %s extra %s%s",
                    gold.equals(predicted) ? " " : "✗", file, gold, predicted,
                    outcome.classification().stance().score(), outcome.stance().convergenceCues(),
                    outcome.stance().divergenceCues(), outcome.stance().coMentions(), scores(missed, outcome),
                    scores(extra, outcome), missedActors.isEmpty() ? "" : "; actors missed " + missedActors));
            if (System.getenv("EVAL_CUES") != null) {
                lines.add("    cues " + outcome.stance().cueCounts());
                lines.add("    decided_by " + outcome.classification().stance().decidedBy());
                lines.add("    themes " + outcome.classification().themes());
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        double macro = 0;
        int macroThemes = 0;
        for (int[] counts : themeCounts.values()) {
            tp += counts[0];
            fp += counts[1];
            fn += counts[2];
            if (counts[0] + counts[1] + counts[2] > 0) {
                macro += f1(counts[0], counts[1], counts[2]);
                macroThemes++;
            }
        }
        double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        return new Report(name, cases.size(), (double) correct / cases.size(), confusion, f1(tp, fp, fn),
                macroThemes == 0 ? 1 : macro / macroThemes, precision, recall,
                actorTp + actorFp == 0 ? 1 : (double) actorTp / (actorTp + actorFp),
                actorTp + actorFn == 0 ? 1 : (double) actorTp / (actorTp + actorFn),
                languageLabelled == 0 ? Double.NaN : (double) languageRight / languageLabelled, languageLabelled, lines);
    }

    private static String scores(Set<String> themes, DocumentClassifier.Outcome outcome) {
        return themes.stream().map(t -> String.format(Locale.ROOT, "%s:%.2f", t,
                outcome.themes().allScores().getOrDefault(t, 0.0))).toList().toString();
    }

    private static double f1(int tp, int fp, int fn) {
        return tp == 0 ? (fp + fn == 0 ? 1 : 0) : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** What the labels call actors: states, blocs, people, and organisations of states (no country of their own). */
    static boolean countsAsAnActor(ActorMention actor) {
        return switch (actor.type()) {
            case "state", "bloc", "person" -> true;
            case "organization" -> actor.country() == null;
            default -> false;
        };
    }

    /** The knowledge-base id a label names: the actor of the longest alias found in the label. */
    String idOf(String label) {
        return findings.tagger().spans(label).stream()
                .max(Comparator.comparingInt(s -> s.end() - s.start()))
                .filter(s -> s.actorIds().size() == 1)
                .map(s -> s.actorIds().get(0))
                .orElse(null);
    }

    public static void main(String[] args) {
        boolean embeddings = true;
        List<Path> neighbours = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lexical" -> embeddings = false;
                case "--neighbours" -> neighbours.add(Path.of(args[++i]));
                default -> folders.add(Path.of(args[i]));
            }
        }
        if (folders.isEmpty()) {
            System.err.println("usage: Evaluation [--lexical] [--neighbours DIR] DIR...");
            System.exit(2);
        }
        printReports(folders, embeddings, neighbours);
    }

    /**
     * Evaluates each folder and prints its report. With embeddings, the labelled documents of the evaluated folders
     * and of {@code neighbours} vote (leave-one-out).
     */
    static void printReports(List<Path> folders, boolean embeddings, List<Path> neighbours) {
        DocumentEmbedder embedder = embeddings ? DocumentEmbedder.withDefaults() : null;
        try {
            List<Path> voters = new ArrayList<>(folders);
            neighbours.stream().filter(n -> !voters.contains(n)).forEach(voters::add);
            Evaluation evaluation = new Evaluation(embedder, embeddings ? voters : List.of());
            for (Path folder : folders) {
                System.out.println(evaluation.evaluate(folder.toString(), folder).format());
            }
        } finally {
            if (embedder != null) {
                embedder.close();
            }
        }
    }
}
