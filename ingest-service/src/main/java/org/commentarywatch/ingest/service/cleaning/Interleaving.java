package org.commentarywatch.ingest.service.cleaning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commentarywatch.ingest.service.cleaning.TextCleaner.Line;

/**
 * Undoes two-column text that a naive extractor interleaved line by line (left column line, right column line,
 * left, right, ...), as far as the text itself tells.
 * <p>
 * <b>Where.</b> Only in runs of at least {@value #MIN_RUN} short lines (column width: at most {@value #MAX_CHARS}
 * characters) most of which are separated by a single blank line, the shape such extractions leave. Ordinary
 * paragraphs (long lines, or wrapped lines without blank lines between them) are never touched.
 * <p>
 * <b>How.</b> Each run is split into (at most) two streams so that every line continues the previous line of its own
 * stream as well as possible. How well line b continues line a is scored from the text alone: a line ending in a
 * broken word ({@code "sanc-"}) wants a lower-case continuation (more so when the rejoined word occurs elsewhere
 * in the document); a line ending mid-sentence wants a lower-case start; a line ending a sentence wants a capital.
 * A blank line between two lines slightly favours a change of stream, no blank line slightly favours staying.
 * A dynamic programme over (current line, last line of the other stream) finds the best split in O(n²).
 * <p>
 * <b>When.</b> The split is applied only when it beats the lines' own order by a clear margin (at least
 * {@value #MIN_GAIN_PER_LINE} per line) and really alternates; then the first stream is read, then the second, and
 * paragraph breaks inside a stream are set where a sentence ends on a line clearly shorter than the column.
 * <p>
 * <b>Limits.</b> Which stream is the left column is not known; the stream holding the run's first line comes
 * first. Across a page break the columns of two pages can chain into each other; and text lost by the extractor
 * (a line split across the two columns) stays lost.
 */
final class Interleaving {

    static final int MIN_RUN = 8;
    static final int MAX_CHARS = 90;
    static final double MIN_GAIN_PER_LINE = 0.4;
    /** Longest run handled at once: the programme is quadratic. */
    private static final int WINDOW = 500;

    private static final Pattern HYPHEN_END = Pattern.compile("(\\p{L}+)-$");
    private static final Pattern WORD_START = Pattern.compile("^(\\p{Ll}+)");
    private static final Pattern TERMINAL = Pattern.compile("[.!?…:;][\"”’)\\]]*$");

    private Interleaving() {
    }

    static List<Line> reorder(List<Line> in, Map<String, Integer> repaired) {
        Set<String> vocabulary = TextCleaner.vocabulary(in);
        List<Line> out = new ArrayList<>();
        int i = 0;
        while (i < in.size()) {
            if (!candidate(in.get(i))) {
                out.add(in.get(i++));
                continue;
            }
            // Collect a run: candidate lines separated by at most one blank line.
            List<Line> run = new ArrayList<>();
            List<Boolean> blankBefore = new ArrayList<>();
            int j = i;
            int lastTaken = i - 1;
            while (j < in.size() && run.size() < WINDOW) {
                Line line = in.get(j);
                if (line.blank()) {
                    if (j + 1 < in.size() && candidate(in.get(j + 1)) && !run.isEmpty()) {
                        j++;
                        continue;
                    }
                    break;
                }
                if (!candidate(line)) {
                    break;
                }
                blankBefore.add(run.isEmpty() ? Boolean.FALSE : j - lastTaken > 1);
                run.add(line);
                lastTaken = j;
                j++;
            }
            int end = lastTaken + 1;
            long separated = blankBefore.stream().filter(b -> b).count();
            List<Line> result = null;
            if (run.size() >= MIN_RUN && separated * 2 >= run.size() - 1) {
                result = split(run, blankBefore, vocabulary, repaired);
            }
            if (result == null) {
                out.addAll(in.subList(i, end));
            } else {
                out.addAll(result);
            }
            i = end;
        }
        return out;
    }

    private static boolean candidate(Line line) {
        return !line.blank() && !line.heading && line.text.length() <= MAX_CHARS
                && TextCleaner.words(line.text) <= 14;
    }

    /** The run as two streams one after the other, or null when its own order reads as well. */
    private static List<Line> split(List<Line> run, List<Boolean> blankBefore, Set<String> vocabulary,
            Map<String, Integer> repaired) {
        int n = run.size();
        double[][] cont = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                cont[a][b] = continuation(run.get(a).text, run.get(b).text, vocabulary);
            }
        }
        // best[i][j + 1]: best score with line i last of its stream and line j (-1: none) last of the other.
        double[][] best = new double[n][n + 1];
        boolean[][] stayed = new boolean[n][n + 1];
        int[][] previousOther = new int[n][n + 1];
        for (double[] row : best) {
            Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        best[0][0] = 0;
        for (int i = 0; i + 1 < n; i++) {
            boolean blank = blankBefore.get(i + 1);
            for (int j = -1; j < i; j++) {
                double score = best[i][j + 1];
                if (score == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                double stay = score + cont[i][i + 1] + (blank ? 0 : 0.5);
                if (stay > best[i + 1][j + 1]) {
                    best[i + 1][j + 1] = stay;
                    stayed[i + 1][j + 1] = true;
                    previousOther[i + 1][j + 1] = j;
                }
                double change = score + (j >= 0 ? cont[j][i + 1] : -0.5) + (blank ? 0.5 : 0);
                if (change > best[i + 1][i + 1]) {
                    best[i + 1][i + 1] = change;
                    stayed[i + 1][i + 1] = false;
                    previousOther[i + 1][i + 1] = j;
                }
            }
        }
        int bestJ = -1;
        for (int j = -1; j < n - 1; j++) {
            if (best[n - 1][j + 1] > best[n - 1][bestJ + 1]) {
                bestJ = j;
            }
        }
        double sequential = 0;
        for (int i = 0; i + 1 < n; i++) {
            sequential += cont[i][i + 1] + (blankBefore.get(i + 1) ? 0 : 0.5);
        }
        // Which stream each line is in, from the choices made.
        boolean[] sameAsPrevious = new boolean[n];
        int j = bestJ;
        for (int i = n - 1; i > 0; i--) {
            sameAsPrevious[i] = stayed[i][j + 1];
            j = previousOther[i][j + 1];
        }
        int[] stream = new int[n];
        int changes = 0;
        for (int i = 1; i < n; i++) {
            stream[i] = sameAsPrevious[i] ? stream[i - 1] : 1 - stream[i - 1];
            changes += sameAsPrevious[i] ? 0 : 1;
        }
        double gain = best[n - 1][bestJ + 1] - sequential;
        if (gain < MIN_GAIN_PER_LINE * n || changes * 5 < n) {
            return null;
        }
        List<Line> first = new ArrayList<>();
        List<Line> second = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (stream[i] == 0 ? first : second).add(run.get(i));
        }
        repaired.merge(TextCleaner.REORDERED_LINE, second.size(), Integer::sum);
        markParagraphs(first);
        markParagraphs(second);
        if (!second.isEmpty() && !first.isEmpty()
                && continuation(first.get(first.size() - 1).text, second.get(0).text, vocabulary) <= 1) {
            second.get(0).paragraphBreakBefore = true;
        }
        List<Line> out = new ArrayList<>(first);
        out.addAll(second);
        return out;
    }

    /** Inside a stream, a sentence ending on a line clearly shorter than the column ends a paragraph. */
    private static void markParagraphs(List<Line> stream) {
        if (stream.size() < 2) {
            return;
        }
        int[] lengths = stream.stream().mapToInt(l -> l.text.length()).sorted().toArray();
        int median = lengths[lengths.length / 2];
        for (int i = 0; i + 1 < stream.size(); i++) {
            String text = stream.get(i).text;
            String next = stream.get(i + 1).text;
            boolean endsSentence = TERMINAL.matcher(text).find();
            boolean capital = Character.isUpperCase(next.codePointAt(0));
            boolean headingLike = !endsSentence && capital && text.length() < median * 0.8
                    && Character.isUpperCase(text.codePointAt(0)) && TextCleaner.words(text) <= 8;
            boolean nextHeadingLike = capital && !TERMINAL.matcher(next).find() && TextCleaner.words(next) <= 5
                    && next.length() < median * 0.5 && (i + 2 >= stream.size()
                            || Character.isUpperCase(stream.get(i + 2).text.codePointAt(0)));
            if ((endsSentence && capital && text.length() < median * 0.85) || headingLike || nextHeadingLike) {
                stream.get(i + 1).paragraphBreakBefore = true;
            }
        }
    }

    /** How well {@code b} reads as the line after {@code a}: positive is good. */
    static double continuation(String a, String b, Set<String> vocabulary) {
        int first = b.codePointAt(0);
        boolean lower = Character.isLowerCase(first);
        Matcher hyphen = HYPHEN_END.matcher(a);
        if (hyphen.find()) {
            String fragment = hyphen.group(1).toLowerCase(Locale.ROOT);
            Matcher start = WORD_START.matcher(b);
            if (start.find()) {
                String rest = start.group(1);
                boolean known = vocabulary.contains(fragment + rest) || vocabulary.contains(fragment + "-" + rest);
                return known ? 4 : 2;
            }
            if (Character.isUpperCase(first) && Character.isUpperCase(hyphen.group(1).codePointAt(0))) {
                Matcher word = Pattern.compile("^\\p{L}+").matcher(b);
                return word.find() && vocabulary.contains(fragment + "-" + word.group().toLowerCase(Locale.ROOT)) ? 2 : -1;
            }
            return -3;
        }
        if (TERMINAL.matcher(a).find()) {
            return lower ? -2 : 1;
        }
        return lower ? 1.5 : -1;
    }
}
