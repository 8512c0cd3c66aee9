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
 * <li><b>Embeddings</b>, when the caller passes them: the document's similarity to stance prototype sentences,
 * and the votes of labelled neighbours, each weighed in with the cues.</li>
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
     * @param prototypeSimilarity label (convergence, divergence, neutral) → cosine of the document to that
     *        label's prototype sentences (the best of them)
     * @param neighbourVotes label → similarity-weighted share of labelled neighbours with that stance; empty when
     *        there are no labelled neighbours
     */
    public record EmbeddingEvidence(Map<String, Double> prototypeSimilarity, Map<String, Double> neighbourVotes) {
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

    private StanceClassifier(List<Weighted> convergence, List<Weighted> divergence, Lexicon descriptive,
            Lexicon china, Lexicon russia, Map<String, List<String>> prototypes, Lexicon negators) {
        this.convergence = convergence;
        this.divergence = divergence;
        this.descriptive = descriptive;
        this.china = china;
        this.russia = russia;
        this.prototypes = prototypes;
        this.negators = negators;
    }

    public static StanceClassifier load() {
        try (InputStream in = StanceClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, List<String>> prototypes = new LinkedHashMap<>();
            root.path("prototypes").fields().forEachRemaining(e -> prototypes.put(e.getKey(), strings(e.getValue())));
            return new StanceClassifier(weighted(root.path(CONVERGENCE)), weighted(root.path(DIVERGENCE)),
                    new Lexicon(strings(root.path("descriptive"))), new Lexicon(strings(root.path("gate").path("china"))),
                    new Lexicon(strings(root.path("gate").path("russia"))), prototypes,
                    new Lexicon(strings(root.path("negators"))));
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
        String normalisedText = Lexicon.normalise(text);
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
        String normalisedTitle = Lexicon.normalise(title == null ? "" : title);
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
            return new Result(new Stance(OFF_TOPIC, score, why, List.of()), 0, 0, coMentions, Map.of());
        }
        String gate = String.format(Locale.ROOT, "off-topic gate passed: %d China–Russia co-mentions (%d China, %d Russia)",
                coMentions, chinaCount, russiaCount);

        // ---- sentence cues
        SentenceScore titleScore = score(-1, normalisedTitle, null, null);
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
        double evaluative = (conv + div) / n;
        double convShare = conv + div == 0 ? 0.5 : conv / (conv + div);
        // A piece judges when its sentences carry evaluative cues densely, or many of them in all.
        double judgement = Math.min(1, Math.max(evaluative / 2.0, (conv + div) / 20.0));
        Map<String, Double> votes = new LinkedHashMap<>();
        votes.put(CONVERGENCE, judgement * convShare);
        votes.put(DIVERGENCE, judgement * (1 - convShare));
        double neutral = Math.max(0, 1 - judgement) * 0.6 + 0.1 * Math.min(descriptiveCues, 6) / Math.sqrt(n);
        votes.put(NEUTRAL, Math.min(1, neutral));
        String cues = String.format(Locale.ROOT, "sentence cues %.1f convergence vs %.1f divergence over %d sentences "
                + "(%.2f evaluative per sentence, %d descriptive markers)", conv, div, n, evaluative, descriptiveCues);
        String embeddingWords = "";
        if (embedding.isPresent()) {
            Map<String, Double> proto = embedding.get().prototypeSimilarity();
            Map<String, Double> neighbours = embedding.get().neighbourVotes();
            double pc = proto.getOrDefault(CONVERGENCE, 0.0);
            double pd = proto.getOrDefault(DIVERGENCE, 0.0);
            double pn = proto.getOrDefault(NEUTRAL, 0.0);
            double max = Math.max(pc, Math.max(pd, pn));
            votes.merge(CONVERGENCE, 0.25 * softmaxShare(pc, pc, pd, pn), Double::sum);
            votes.merge(DIVERGENCE, 0.25 * softmaxShare(pd, pc, pd, pn), Double::sum);
            votes.merge(NEUTRAL, 0.25 * softmaxShare(pn, pc, pd, pn), Double::sum);
            embeddingWords = String.format(Locale.ROOT, "; prototypes %.2f convergence, %.2f divergence, %.2f neutral",
                    pc, pd, pn);
            if (!neighbours.isEmpty()) {
                for (Map.Entry<String, Double> vote : neighbours.entrySet()) {
                    if (votes.containsKey(vote.getKey())) {
                        votes.merge(vote.getKey(), 0.3 * vote.getValue(), Double::sum);
                    }
                }
                embeddingWords += "; labelled neighbours vote " + describe(neighbours);
            }
            if (max <= 0) {
                embeddingWords = "";
            }
        }
        String label = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        double total = votes.values().stream().mapToDouble(Double::doubleValue).sum();
        double score = total <= 0 ? 0.5 : votes.get(label) / total;
        score = Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000.0;
        String decidedBy = String.format(Locale.ROOT, "%s %.2f: %s%s; %s", label, score, cues, embeddingWords, gate);
        Map<String, Integer> cueCounts = new java.util.TreeMap<>();
        scored.forEach(sc -> sc.cues().forEach(c -> cueCounts.merge(c.toLowerCase(Locale.ROOT), 1, Integer::sum)));
        return new Result(new Stance(label, score, decidedBy, evidence(scored, label)), conv, div, coMentions, cueCounts);
    }

    /** Argumentative pieces state their case at the start and conclude at the end. */
    static double positionWeight(int index, int sentences) {
        if (sentences < 8) {
            return 1;
        }
        double at = (double) index / sentences;
        return at >= 0.8 ? 1.5 : at < 0.15 ? 1.25 : 1;
    }

    private static double softmaxShare(double x, double a, double b, double c) {
        double t = 0.05; // cosine differences between prototypes are small
        double ex = Math.exp(x / t);
        return ex / (Math.exp(a / t) + Math.exp(b / t) + Math.exp(c / t));
    }

    private static String describe(Map<String, Double> votes) {
        StringBuilder out = new StringBuilder();
        votes.forEach((k, v) -> out.append(out.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", k, v)));
        return out.toString();
    }

    private SentenceScore score(int index, String sentence, Integer start, Integer end) {
        String normalised = Lexicon.normalise(sentence);
        record Cue(Lexicon.Hit hit, double weight, boolean toward) {
        }
        List<Cue> all = new ArrayList<>();
        for (Weighted w : convergence) {
            w.lexicon().find(normalised).forEach(h -> all.add(new Cue(h, w.weight(), true)));
        }
        for (Weighted w : divergence) {
            w.lexicon().find(normalised).forEach(h -> all.add(new Cue(h, w.weight(), false)));
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
