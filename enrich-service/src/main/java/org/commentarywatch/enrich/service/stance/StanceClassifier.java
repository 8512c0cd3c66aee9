package org.commentarywatch.enrich.service.stance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.commentarywatch.enrich.model.Stance;
import org.commentarywatch.enrich.service.themes.Lexicon;

/**
 * Which side of "are China and Russia moving toward an alliance?" a document argues.
 *
 * <ol>
 * <li><b>Off-topic gate.</b> China and Russia must both be named (by the knowledge-base actors when the caller
 * passes them, and by the gate aliases of {@code classify/stance.json} in several languages), and named together
 * in at least one sentence (or each at least twice). Otherwise the piece is {@code off_topic}, however political.</li>
 * <li><b>Sentence cues.</b> Each sentence sums the weights of its convergence cues (deepening, no limits, alliance
 * forming, coordination, ...) and its divergence cues (limits, mistrust, asymmetry, hedging, will not,
 * convenience, ...). Few evaluative cues per sentence and descriptive markers (figures, agendas, "said") make
 * the piece {@code neutral}; otherwise the balance decides.</li>
 * <li><b>Embeddings</b>, when the caller passes them: each passage's vote by its similarity to the stance
 * prototype sentences, and the votes of labelled neighbours, weighed in beside the cues ({@link Weights}).</li>
 * </ol>
 * {@code decided_by} says which of these decided, with the figures. Thread-safe.
 */
public final class StanceClassifier {

    public static final String RESOURCE = "/classify/stance.json";
    public static final String CONVERGENCE = "convergence";
    public static final String DIVERGENCE = "divergence";
    public static final String NEUTRAL = "neutral";
    public static final String OFF_TOPIC = "off_topic";

    /** The title states the thesis: its cues count this much (more in long pieces). */
    static final double TITLE_WEIGHT = 3.0;

    /** A mention of one of the two sides found by someone else (the actor tagger). @param side china or russia */
    public record Mention(int start, int end, String side) {
    }

    /**
     * Embedding evidence for one document, computed by the caller.
     *
     * @param passageSimilarity per passage of the document, label (convergence, divergence, neutral) → cosine of
     *        the passage to that label's nearest prototype sentence; empty when the prototypes do not apply (a
     *        language the model does not read)
     * @param neighbourVotes label → similarity-weighted share of labelled neighbours with that stance; empty when
     *        there are no labelled neighbours
     */
    public record EmbeddingEvidence(List<Map<String, Double>> passageSimilarity, Map<String, Double> neighbourVotes) {
    }

    /**
     * How much the embedding evidence weighs beside the sentence cues ({@code embedding} in {@code stance.json}).
     *
     * @param prototypeWeight weight of the passages' vote by prototype (a distribution over the three labels)
     * @param neighbourWeight weight of the labelled neighbours' vote (a distribution)
     * @param temperature softmax temperature turning a passage's cosines into its vote: cosine differences between
     *        prototypes are small
     */
    public record Weights(double prototypeWeight, double neighbourWeight, double temperature) {
    }

    /**
     * What the words say, before any embedding evidence: the gate's verdict, or the cue sums and the scored
     * sentences. Computed while the passages embed.
     */
    public static final class Analysis {
        private final Result offTopic;
        private final List<SentenceScore> scored;
        private final double conv;
        private final double div;
        private final int descriptiveCues;
        private final int sentences;
        private final int coMentions;
        private final String gate;

        private Analysis(Result offTopic, List<SentenceScore> scored, double conv, double div, int descriptiveCues,
                int sentences, int coMentions, String gate) {
            this.offTopic = offTopic;
            this.scored = scored;
            this.conv = conv;
            this.div = div;
            this.descriptiveCues = descriptiveCues;
            this.sentences = sentences;
            this.coMentions = coMentions;
            this.gate = gate;
        }

        /** False when the off-topic gate decided: no other evidence is weighed. */
        public boolean onTopic() {
            return offTopic == null;
        }
    }

    /** The stance, and the figures behind it (for evaluation). */
    public record Result(Stance stance, double convergenceCues, double divergenceCues, int coMentions,
            Map<String, Integer> cueCounts) {
    }

    private record Weighted(Lexicon lexicon, double weight) {
    }

    private record SentenceScore(int index, String text, Integer start, Integer end, double convergence,
            double divergence, List<String> cues) {
        double balance() {
            return convergence - divergence;
        }
    }

    private final List<Weighted> convergence;
    private final List<Weighted> divergence;
    private final Lexicon descriptive;
    private final Lexicon china;
    private final Lexicon russia;
    private final Map<String, List<String>> prototypes;
    private final Lexicon negators;
    private final Weights weights;

    private StanceClassifier(List<Weighted> convergence, List<Weighted> divergence, Lexicon descriptive,
            Lexicon china, Lexicon russia, Map<String, List<String>> prototypes, Lexicon negators, Weights weights) {
        this.convergence = convergence;
        this.divergence = divergence;
        this.descriptive = descriptive;
        this.china = china;
        this.russia = russia;
        this.prototypes = prototypes;
        this.negators = negators;
        this.weights = weights;
    }

    /** The same cues with other embedding weights (tuning). */
    public StanceClassifier with(Weights other) {
        return new StanceClassifier(convergence, divergence, descriptive, china, russia, prototypes, negators, other);
    }

    public Weights weights() {
        return weights;
    }

    public static StanceClassifier load() {
        try (InputStream in = StanceClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, List<String>> prototypes = new LinkedHashMap<>();
            root.path("prototypes").fields().forEachRemaining(e -> prototypes.put(e.getKey(), strings(e.getValue())));
            JsonNode embedding = root.path("embedding");
            Weights weights = new Weights(embedding.path("prototype_weight").asDouble(0),
                    embedding.path("neighbour_weight").asDouble(0), embedding.path("temperature").asDouble(0.05));
            return new StanceClassifier(weighted(root.path(CONVERGENCE)), weighted(root.path(DIVERGENCE)),
                    new Lexicon(strings(root.path("descriptive"))), new Lexicon(strings(root.path("gate").path("china"))),
                    new Lexicon(strings(root.path("gate").path("russia"))), prototypes,
                    new Lexicon(strings(root.path("negators"))), weights);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static List<Weighted> weighted(JsonNode byWeight) {
        List<Weighted> list = new ArrayList<>();
        byWeight.fields().forEachRemaining(e -> list.add(new Weighted(new Lexicon(strings(e.getValue())),
                Double.parseDouble(e.getKey()))));
        return list;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    /** Prototype sentences by label, to be embedded by the caller. */
    public Map<String, List<String>> prototypes() {
        return prototypes;
    }

    /**
     * @param sentences the text's sentences, in order
     * @param actorMentions China and Russia as the actor tagger found them (may be empty)
     */
    public Result classify(String title, String text, List<String> sentences, List<Mention> actorMentions,
            Optional<EmbeddingEvidence> embedding) {
        return decide(analyse(title, text, sentences, actorMentions), embedding);
    }

    /** The gate and the sentence cues: everything that does not need the embedding. */
    public Analysis analyse(String title, String text, List<String> sentences, List<Mention> actorMentions) {
        Lexicon.Text normalisedText = Lexicon.Text.of(Lexicon.normalise(text));
        // ---- the gate
        TreeSet<Integer> chinaAt = new TreeSet<>();
        TreeSet<Integer> russiaAt = new TreeSet<>();
        for (Lexicon.Hit hit : china.find(normalisedText)) {
            chinaAt.add(hit.start());
        }
        for (Lexicon.Hit hit : russia.find(normalisedText)) {
            russiaAt.add(hit.start());
        }
        for (Mention mention : actorMentions) {
            ("china".equals(mention.side()) ? chinaAt : russiaAt).add(mention.start());
        }
        Lexicon.Text normalisedTitle = Lexicon.Text.of(Lexicon.normalise(title == null ? "" : title));
        boolean titleNamesBoth = !china.find(normalisedTitle).isEmpty() && !russia.find(normalisedTitle).isEmpty();
        List<SentenceScore> scored = new ArrayList<>();
        int coMentions = 0;
        int from = 0;
        for (int i = 0; i < sentences.size(); i++) {
            String sentence = sentences.get(i);
            int start = text.indexOf(sentence, from);
            Integer s = null;
            Integer e = null;
            if (start >= 0) {
                s = start;
                e = start + sentence.length();
                from = e;
                if (chinaAt.subSet(s, e).size() > 0 && russiaAt.subSet(s, e).size() > 0) {
                    coMentions++;
                }
            }
            scored.add(score(i, sentence, s, e));
        }
        int chinaCount = chinaAt.size();
        int russiaCount = russiaAt.size();
        boolean onTopic = chinaCount > 0 && russiaCount > 0
                && (coMentions > 0 || titleNamesBoth || Math.min(chinaCount, russiaCount) >= 2);
        if (!onTopic) {
            String why = String.format(Locale.ROOT,
                    "off-topic gate: %d China and %d Russia mentions, %d sentences naming both", chinaCount,
                    russiaCount, coMentions);
            double score = chinaCount + russiaCount == 0 ? 0.95 : 0.7;
            return new Analysis(new Result(new Stance(OFF_TOPIC, score, why, List.of()), 0, 0, coMentions, Map.of()),
                    List.of(), 0, 0, 0, 0, coMentions, why);
        }
        String gate = String.format(Locale.ROOT, "off-topic gate passed: %d China–Russia co-mentions (%d China, %d Russia)",
                coMentions, chinaCount, russiaCount);

        // ---- sentence cues
        SentenceScore titleScore = score(-1, normalisedTitle.text(), null, null);
        int n = Math.max(1, sentences.size());
        // the thesis keeps its weight however long the argument that follows
        double titleWeight = TITLE_WEIGHT * Math.max(1, Math.sqrt(n / 20.0));
        double conv = titleWeight * titleScore.convergence();
        double div = titleWeight * titleScore.divergence();
        for (SentenceScore sentence : scored) {
            double position = positionWeight(sentence.index(), n);
            conv += position * sentence.convergence();
            div += position * sentence.divergence();
        }
        int descriptiveCues = descriptive.find(normalisedText).size();
        return new Analysis(null, scored, conv, div, descriptiveCues, n, coMentions, gate);
    }

    /**
     * Weighs the cues of {@code analysis} with the embedding evidence: three votes (sentence cues, passages by
     * prototype, labelled neighbours), each a distribution over convergence, divergence and neutral, weighted;
     * the largest total wins and {@code decided_by} names the vote that gave it most.
     */
    public Result decide(Analysis analysis, Optional<EmbeddingEvidence> embedding) {
        if (!analysis.onTopic()) {
            return analysis.offTopic;
        }
        double conv = analysis.conv;
        double div = analysis.div;
        int n = analysis.sentences;
        double evaluative = (conv + div) / n;
        double convShare = conv + div == 0 ? 0.5 : conv / (conv + div);
        // A piece judges when its sentences carry evaluative cues densely, or many of them in all.
        double judgement = Math.min(1, Math.max(evaluative / 2.0, (conv + div) / 20.0));
        Map<String, Double> cueVotes = new LinkedHashMap<>();
        cueVotes.put(CONVERGENCE, judgement * convShare);
        cueVotes.put(DIVERGENCE, judgement * (1 - convShare));
        double neutral = Math.max(0, 1 - judgement) * 0.6 + 0.1 * Math.min(analysis.descriptiveCues, 6) / Math.sqrt(n);
        cueVotes.put(NEUTRAL, Math.min(1, neutral));
        String cues = String.format(Locale.ROOT, "sentence cues %.1f convergence vs %.1f divergence over %d sentences "
                + "(%.2f evaluative per sentence, %d descriptive markers)", conv, div, n, evaluative,
                analysis.descriptiveCues);
        Map<String, Map<String, Double>> sources = new LinkedHashMap<>();
        sources.put("sentence cues", cueVotes);
        StringBuilder words = new StringBuilder(cues);
        Map<String, Double> prototypeVote = embedding.map(e -> passageVote(e.passageSimilarity())).orElse(Map.of());
        if (!prototypeVote.isEmpty() && weights.prototypeWeight() > 0) {
            sources.put("passages by prototype", scaled(prototypeVote, weights.prototypeWeight()));
            words.append("; passages by prototype ").append(describe(prototypeVote))
                    .append(String.format(Locale.ROOT, " (weight %.2f)", weights.prototypeWeight()));
        }
        Map<String, Double> neighbourVote = embedding.map(EmbeddingEvidence::neighbourVotes).orElse(Map.of());
        if (!neighbourVote.isEmpty() && weights.neighbourWeight() > 0) {
            // the gate has spoken: an off-topic neighbour's vote says nothing about the side this piece takes
            Map<String, Double> sides = new LinkedHashMap<>();
            neighbourVote.forEach((label, share) -> {
                if (cueVotes.containsKey(label)) {
                    sides.put(label, share);
                }
            });
            sources.put("labelled neighbours", scaled(sides, weights.neighbourWeight()));
            words.append("; labelled neighbours vote ").append(describe(neighbourVote))
                    .append(String.format(Locale.ROOT, " (weight %.2f)", weights.neighbourWeight()));
        }
        Map<String, Double> votes = new LinkedHashMap<>();
        sources.values().forEach(source -> source.forEach((label, v) -> votes.merge(label, v, Double::sum)));
        String label = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        double total = votes.values().stream().mapToDouble(Double::doubleValue).sum();
        double score = total <= 0 ? 0.5 : votes.get(label) / total;
        score = Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000.0;
        String decider = sources.entrySet().stream()
                .max(Comparator.comparingDouble(e -> e.getValue().getOrDefault(label, 0.0))).orElseThrow().getKey();
        String lexicalLabel = cueVotes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String overturned = sources.size() > 1 && !lexicalLabel.equals(label)
                ? " (the sentence cues alone say " + lexicalLabel + ")" : "";
        String decidedBy = String.format(Locale.ROOT, "%s %.2f, decided by %s%s: %s; %s", label, score, decider,
                overturned, words, analysis.gate);
        Map<String, Integer> cueCounts = new java.util.TreeMap<>();
        analysis.scored.forEach(sc -> sc.cues().forEach(c -> cueCounts.merge(c.toLowerCase(Locale.ROOT), 1, Integer::sum)));
        return new Result(new Stance(label, score, decidedBy, evidence(analysis.scored, label)), conv, div,
                analysis.coMentions, cueCounts);
    }

    /** Each passage votes by softmax over its cosines to the three prototypes; the vote is the passages' mean. */
    Map<String, Double> passageVote(List<Map<String, Double>> passages) {
        Map<String, Double> vote = new LinkedHashMap<>();
        for (Map<String, Double> passage : passages) {
            double max = passage.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            Map<String, Double> exp = new LinkedHashMap<>();
            passage.forEach((label, cos) -> exp.put(label, Math.exp((cos - max) / weights.temperature())));
            double sum = exp.values().stream().mapToDouble(Double::doubleValue).sum();
            exp.forEach((label, e) -> vote.merge(label, e / sum / passages.size(), Double::sum));
        }
        return vote;
    }

    private static Map<String, Double> scaled(Map<String, Double> vote, double weight) {
        Map<String, Double> out = new LinkedHashMap<>();
        vote.forEach((label, v) -> out.put(label, v * weight));
        return out;
    }

    /** Argumentative pieces state their case at the start and conclude at the end. */
    static double positionWeight(int index, int sentences) {
        if (sentences < 8) {
            return 1;
        }
        double at = (double) index / sentences;
        return at >= 0.8 ? 1.5 : at < 0.15 ? 1.25 : 1;
    }

    private static String describe(Map<String, Double> votes) {
        StringBuilder out = new StringBuilder();
        votes.forEach((k, v) -> out.append(out.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", k, v)));
        return out.toString();
    }

    private SentenceScore score(int index, String sentence, Integer start, Integer end) {
        String normalised = Lexicon.normalise(sentence);
        Lexicon.Text prepared = Lexicon.Text.of(normalised);
        record Cue(Lexicon.Hit hit, double weight, boolean toward) {
        }
        List<Cue> all = new ArrayList<>();
        for (Weighted w : convergence) {
            w.lexicon().find(prepared).forEach(h -> all.add(new Cue(h, w.weight(), true)));
        }
        for (Weighted w : divergence) {
            w.lexicon().find(prepared).forEach(h -> all.add(new Cue(h, w.weight(), false)));
        }
        // where cues overlap, the leftmost and then longest reads ("no limits" rather than "limits")
        all.sort(Comparator.comparingInt((Cue c) -> c.hit().start())
                .thenComparing(Comparator.comparingInt((Cue c) -> c.hit().end()).reversed()));
        List<String> cues = new ArrayList<>();
        double c = 0;
        double d = 0;
        int covered = 0;
        for (Cue cue : all) {
            if (cue.hit().start() < covered) {
                continue;
            }
            covered = cue.hit().end();
            boolean toward = cue.toward();
            // "not an ever closer partnership", "cooperation, not rivalry": a negated cue argues the other way
            // (generic hedges such as "only" or "but" are not turned)
            if ((toward || cue.weight() >= 1) && negated(normalised, cue.hit().start())) {
                toward = !toward;
                cues.add((toward ? "+not " : "-not ") + cue.hit().text());
            } else {
                cues.add((toward ? "+" : "-") + cue.hit().text());
            }
            if (toward) {
                c += cue.weight();
            } else {
                d += cue.weight();
            }
        }
        return new SentenceScore(index, sentence, start, end, c, d, cues);
    }

    /** A negator among the three words before {@code at}. */
    private boolean negated(String sentence, int at) {
        int from = at;
        int words = 0;
        while (from > 0 && words < 3) {
            from--;
            while (from > 0 && Character.isWhitespace(sentence.charAt(from))) {
                from--;
            }
            char ch = sentence.charAt(from);
            if (ch == ',' || ch == ';' || ch == ':' || ch == '.') {
                break;
            }
            while (from > 0 && !Character.isWhitespace(sentence.charAt(from - 1))) {
                from--;
            }
            words++;
        }
        String window = sentence.substring(Math.max(0, from), at);
        // CJK negators sit right before the cue
        return !negators.find(window).isEmpty();
    }

    /** The 3–5 sentences that carry the stance: those leaning the decided way first, strongest first. */
    private static List<Stance.Sentence> evidence(List<SentenceScore> scored, String label) {
        Comparator<SentenceScore> order;
        if (CONVERGENCE.equals(label)) {
            order = Comparator.comparingDouble(SentenceScore::balance).reversed();
        } else if (DIVERGENCE.equals(label)) {
            order = Comparator.comparingDouble(SentenceScore::balance);
        } else {
            order = Comparator.comparingDouble(s -> Math.abs(s.balance()));
        }
        List<SentenceScore> chosen = scored.stream().filter(s -> s.text().length() >= 20).sorted(order).limit(5)
                .sorted(Comparator.comparingInt(SentenceScore::index)).toList();
        if (chosen.size() > 3) {
            // keep 3 to 5: drop the trailing ones that carry nothing
            List<SentenceScore> carrying = chosen.stream()
                    .filter(s -> s.convergence() + s.divergence() > 0).toList();
            if (carrying.size() >= 3) {
                chosen = carrying;
            }
        }
        List<Stance.Sentence> out = new ArrayList<>();
        for (SentenceScore s : chosen) {
            double balance = s.balance();
            String leaning = balance > 0.25 ? CONVERGENCE : balance < -0.25 ? DIVERGENCE : NEUTRAL;
            out.add(new Stance.Sentence(s.text().strip(), s.start(), s.end(), Math.round(balance * 100) / 100.0, leaning));
        }
        return out;
    }
}
