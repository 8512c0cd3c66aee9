package org.commentarywatch.ingest.service.cleaning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commentarywatch.ingest.model.CleaningReport;

/**
 * The one cleaning stage every text passes through, whatever it was extracted from (JSON text, plain text, Markdown,
 * HTML, PDF). It works on lines, with rules that describe the shape of the mess rather than its words:
 * <ol>
 * <li>normalising: line ends, ligatures, non-breaking and zero-width spaces, soft hyphens; Markdown syntax when the
 * text is Markdown (declared or recognised);</li>
 * <li>page furniture: page-number lines ({@code 12}, {@code Page 3/9}, {@code - 4 -}), footers carrying a page
 * number, short lines repeated through the text (running heads and feet, digits ignored), repeats of the title, and
 * bylines that follow a page break;</li>
 * <li>page chrome of web pages: short lines above the headline, navigation labels and breadcrumbs;</li>
 * <li>captions: copyright and photo-credit lines, stand-alone lines ending in {@code " - Credit Name"},
 * {@code Figure n}/{@code Table n} lines; a caption spliced into a paragraph (recognised by a lower-case letter
 * running straight into a capital) is cut out of it;</li>
 * <li>boilerplate: short lines (and the short lines around them) that advertise jobs, ask to subscribe, talk about
 * cookies, offer sharing or following, or head a list of related links;</li>
 * <li>footnote markers glued to the end of a sentence or word ({@code sanctions.10}), bracketed ({@code [3]}) and
 * superscript ones;</li>
 * <li>two-column text interleaved line by line: see {@link Interleaving};</li>
 * <li>paragraphs: wrapped lines joined, hyphenation across line breaks undone (see {@link #joinHyphenated}).</li>
 * </ol>
 * The result is plain text, one paragraph per line, paragraphs separated by a blank line, and a
 * {@link CleaningReport} saying what was removed and repaired.
 */
public final class TextCleaner {

    /** Kinds of removed lines, as they appear in the report. */
    public static final String PAGE_NUMBER = "page_number";
    public static final String RUNNING_HEADER = "running_header";
    public static final String TITLE_REPEAT = "title_repeat";
    public static final String NAVIGATION = "navigation";
    public static final String CAPTION = "caption";
    public static final String JOB_ADVERT = "job_advert";
    public static final String SUBSCRIPTION = "subscription";
    public static final String COOKIE_NOTICE = "cookie_notice";
    public static final String SHARE_BAR = "share_bar";
    public static final String RELATED_LINKS = "related_links";
    /** Kinds of repairs. */
    public static final String FOOTNOTE_MARKER = "footnote_marker";
    public static final String HYPHENATION = "hyphenation";
    public static final String REORDERED_LINE = "reordered_line";
    public static final String MARKDOWN = "markdown_markup";
    public static final String DANGLING_FRAGMENT = "dangling_fragment";

    /** What the caller knows about the text. */
    public record Hints(Optional<String> title, boolean markdown) {
        public static Hints none() {
            return new Hints(Optional.empty(), false);
        }

        public static Hints title(String title) {
            return new Hints(Optional.ofNullable(title).filter(t -> !t.isBlank()), false);
        }
    }

    public record Result(String text, CleaningReport report) {
    }

    /** A line on its way through: null text once removed. */
    static final class Line {
        String text;
        final boolean pageBreakBefore;
        boolean glueToNext;
        boolean paragraphBreakBefore;
        boolean heading;

        Line(String text, boolean pageBreakBefore) {
            this.text = text;
            this.pageBreakBefore = pageBreakBefore;
        }

        boolean blank() {
            return text == null || text.isBlank();
        }
    }

    private static final Pattern PAGE_NUMBER_LINE = Pattern.compile(
            "(?i)^[\\s\\-–—|.]*(?:page|p\\.|pg\\.?|seite)?\\s*\\d{1,4}\\s*(?:(?:/|of|von|de)\\s*\\d{1,4})?[\\s\\-–—|.]*$");
    private static final Pattern PAGE_OF = Pattern.compile("(?i)\\bpage\\s*\\d{1,4}\\s*(?:/|of)\\s*\\d{1,4}\\b"
            + "|\\bpage\\s+\\d{1,4}\\s*$");
    private static final Pattern BYLINE = Pattern.compile("(?i)^(?:written by|by|author(?:s)?:)\\s+\\p{Lu}.{1,80}$");
    private static final Pattern TERMINAL = Pattern.compile("[.!?…:;][\"”’)\\]]*$");
    private static final Pattern NAV_LINE = Pattern.compile("(?i)^(?:home|menu|search|skip to (?:main )?content"
            + "|sign in|log ?in|log ?out|register|my account|view (?:original|in browser|online|all)"
            + "|print(?: this)?(?: article| page)?|back to top|top stories|latest(?: news| stories)?"
            + "|recent (?:features|posts|articles|stories)|most (?:read|popular|viewed)|trending(?: now)?"
            + "|previous(?: article| post)?|next(?: article| post)?|advertisement|sponsored(?: content)?"
            + "|close|open menu|toggle navigation|main menu|continue reading|show more|load more|comments?"
            + "|(?:\\d+ )?min(?:ute)? read)[\\s:.>»›|]*$");
    private static final Pattern BREADCRUMB = Pattern.compile(
            "^[^.!?]{1,30}(?:\\s[>›»/|]\\s[^.!?]{1,30}){2,}$");
    private static final Pattern CREDIT = Pattern.compile("©|\\(c\\)\\s|(?i:\\bphoto(?:graph)?\\s*(?::|by\\b|credit)"
            + "|\\bimage\\s*(?::|credit|courtesy)|\\bcredits?\\s*:|\\bcourtesy of\\b|\\bgetty images\\b"
            + "|\\breuters\\s*(?:/|photo)|\\bap photo\\b|\\bshutterstock\\b|\\bwikimedia commons\\b"
            + "|creativecommons\\.org/licenses|\\bcc[- ]by(?:-sa|-nd|-nc)*\\b|\\bpicture alliance\\b|\\bafp\\s*(?:/|via|photo))");
    private static final Pattern CAPTION_START = Pattern.compile(
            "(?i)^(?:photo|image|picture|illustration|credit|caption|(?:figure|fig\\.|table|chart|map)\\s*\\d+[.:]?)\\b");
    /** "A description of what the picture shows, perhaps with a date - Agency/Photographer Name". */
    private static final Pattern TRAILING_CREDIT = Pattern.compile(
            "^(.{30,300}?)\\s[-–—|]\\s((?:\\p{Lu}[\\p{L}.'’&]*)(?:[ /]+(?:\\p{Lu}[\\p{L}.'’&]*|of|for|and|de|the|von)){0,6})$");
    private static final Pattern CAMEL_JOIN = Pattern.compile("\\p{Ll}{2}\\p{Lu}(?=\\p{Ll}|\\s)");
    private static final Pattern URL_ONLY = Pattern.compile("^\\(?(?:https?://\\S+[\\s,;]*)+\\)?[.,;]?$");

    private static final Pattern JOB = Pattern.compile("(?i)\\b(?:jobs?\\s*board|job (?:listings?|openings?|search|alerts?)"
            + "|careers?|we'?re hiring|now hiring|vacanc(?:y|ies)|post a job|apply now|find (?:your|a) (?:next |dream )?\\S*\\s*job"
            + "|jobs?)\\b");
    private static final Pattern SUBSCRIBE = Pattern.compile("(?i)\\b(?:subscribe|subscription|subscribers?|newsletters?"
            + "|sign up|signup|inbox|unlimited access|already (?:a member|a subscriber|have an account)"
            + "|support (?:our|independent) journalism|become a (?:member|patron)|donate)\\b");
    private static final Pattern COOKIE = Pattern.compile("(?i)\\b(?:cookies?|privacy (?:policy|settings|notice)"
            + "|consent|accept all|reject all|manage (?:preferences|settings|cookies)|gdpr)\\b");
    private static final Pattern SHARE = Pattern.compile("(?i)\\b(?:share (?:this|on|via|article|story)|share|tweet"
            + "|facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram|copy link|email this|follow us"
            + "|follow|print this)\\b");
    private static final Pattern RELATED_HEAD = Pattern.compile("(?i)^(?:related(?: articles| stories| posts| content"
            + "| coverage| reading)?|read (?:more|next|also)|more (?:from|on|in|stories|like this)\\b[^.!?]{0,40}"
            + "|recommended(?: for you| reading)?|you (?:may|might) also (?:like|enjoy)|further reading|see also"
            + "|also read|most (?:read|popular|viewed)|popular (?:now|posts|stories)|trending|editor'?s picks)\\s*:?$");
    private static final Pattern RELATED_INLINE = Pattern.compile("(?i)^(?:read (?:more|also|next)|related|see also"
            + "|also read|recommended)\\s*:\\s*.{0,200}$");

    private static final Pattern FOOTNOTE_GLUED = Pattern.compile(
            "(?<=\\p{L}\\p{L}[.,;:!?\"”’)]{1,2})\\d{1,3}(?=\\s|$)");
    private static final Pattern FOOTNOTE_BRACKET = Pattern.compile("(?<=\\S)\\[\\d{1,3}\\]");
    private static final Pattern FOOTNOTE_SUPERSCRIPT = Pattern.compile("(?<=\\S)[⁰¹²³⁴⁵⁶⁷⁸⁹]+");
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:\\d{1,3}[.)]|[-*•–·▪])\\s+\\S");

    private static final Pattern MD_HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*$");
    private static final Pattern MD_IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\([^)]*\\)");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]+)\\]\\([^)]*\\)");
    private static final Pattern MD_STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern MD_EMPHASIS = Pattern.compile("(?<![\\w*])([*_])(?=\\S)(.+?)(?<=\\S)\\1(?![\\w*])");
    /** Bold running over several lines: the markers are left at the line's start or end. */
    private static final Pattern MD_EDGE = Pattern.compile("^(?:\\*\\*|__)(?=\\S)|(?<=\\S)(?:\\*\\*|__)$");
    private static final Pattern MD_CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern MD_RULE = Pattern.compile("^\\s{0,3}(?:[-*_]\\s*){3,}$");

    private static final int SHORT_WORDS = 14;
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NOT_KEY = Pattern.compile("[^\\p{L}#]+");
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:-\\p{L}+)*");
    private static final Pattern SHARE_FILLER = Pattern.compile("(?i)\\b(?:on|this|article|us|via|email|print|x|"
            + "instagram|youtube|mastodon|bluesky|threads)\\b");

    private final Map<String, Integer> removed = new LinkedHashMap<>();
    private final Map<String, Integer> repaired = new LinkedHashMap<>();
    private final Hints hints;
    private final List<Line> lines = new ArrayList<>();

    private TextCleaner(Hints hints) {
        this.hints = hints;
    }

    public static Result clean(String text, Hints hints) {
        return new TextCleaner(hints).run(text == null ? "" : text);
    }

    public static Result clean(String text) {
        return clean(text, Hints.none());
    }

    private Result run(String original) {
        int linesBefore = (int) original.lines().filter(l -> !l.isBlank()).count();
        split(normalise(original));
        if (hints.markdown() || looksLikeMarkdown()) {
            stripMarkdown();
        }
        titleRepeats();
        pageFurniture();
        leadingChrome();
        captions();
        boilerplate();
        footnoteMarkers();
        List<Line> kept = new ArrayList<>();
        for (Line line : lines) {
            kept.add(line);
        }
        List<Line> ordered = Interleaving.reorder(compactBlanks(kept), repaired);
        String text = paragraphs(ordered);
        int linesAfter = (int) text.lines().filter(l -> !l.isBlank()).count();
        return new Result(text, new CleaningReport(linesBefore, linesAfter, original.length(), text.length(),
                removed, repaired));
    }

    // ---------------------------------------------------------------- normalising

    static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n')
                .replace("\uFB00", "ff").replace("\uFB01", "fi").replace("\uFB02", "fl").replace("\uFB03", "ffi")
                .replace("\uFB04", "ffl").replace("\u00AD", "")
                .replaceAll("[\u200B\u200C\u200D\u2060\uFEFF]", "")
                .replaceAll("[\u00A0\u2007\u202F\t]", " ");
    }

    private void split(String text) {
        boolean pageBreak = false;
        for (String raw : text.split("\n", -1)) {
            String[] pages = raw.split("\f", -1);
            for (int i = 0; i < pages.length; i++) {
                if (i > 0) {
                    pageBreak = true;
                }
                String line = SPACES.matcher(pages[i].strip()).replaceAll(" ");
                if (line.isEmpty() && i < pages.length - 1) {
                    continue;
                }
                lines.add(new Line(line, pageBreak));
                if (!line.isEmpty()) {
                    pageBreak = false;
                }
            }
        }
    }

    private boolean looksLikeMarkdown() {
        int marks = 0;
        for (Line line : lines) {
            if (MD_HEADING.matcher(line.text).matches() || MD_STRONG.matcher(line.text).find()
                    || MD_LINK.matcher(line.text).find() || MD_EDGE.matcher(line.text).find()) {
                marks++;
            }
        }
        return marks >= 2;
    }

    private void stripMarkdown() {
        for (Line line : lines) {
            String before = line.text;
            Matcher heading = MD_HEADING.matcher(before);
            String text = before;
            if (heading.matches()) {
                text = heading.group(1);
                line.heading = true;
            }
            if (MD_RULE.matcher(text).matches()) {
                text = "";
            }
            if (MD_IMAGE.matcher(text).find()) {
                text = MD_IMAGE.matcher(text).replaceAll("");
                count(removed, CAPTION);
            }
            text = text.replaceFirst("^>\\s?", "");
            text = MD_LINK.matcher(text).replaceAll("$1");
            text = MD_STRONG.matcher(text).replaceAll("$2");
            text = MD_EDGE.matcher(text).replaceAll("");
            text = MD_EMPHASIS.matcher(text).replaceAll("$2");
            text = MD_CODE.matcher(text).replaceAll("$1");
            text = text.strip();
            if (!text.equals(before)) {
                count(repaired, MARKDOWN);
            }
            line.text = text;
        }
    }

    // ---------------------------------------------------------------- page furniture

    private void pageFurniture() {
        Map<String, Integer> occurrences = new HashMap<>();
        for (Line line : lines) {
            if (!line.blank() && repeatable(line.text)) {
                occurrences.merge(key(line.text), 1, Integer::sum);
            }
        }
        boolean afterBreak = false;
        int sinceBreak = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.blank()) {
                continue;
            }
            if (line.pageBreakBefore) {
                afterBreak = true;
                sinceBreak = 0;
            }
            String text = line.text;
            if (PAGE_NUMBER_LINE.matcher(text).matches()) {
                remove(line, PAGE_NUMBER);
                afterBreak = true;
                sinceBreak = 0;
                continue;
            }
            if (text.length() <= 160 && PAGE_OF.matcher(text).find()) {
                remove(line, RUNNING_HEADER);
                afterBreak = true;
                sinceBreak = 0;
                continue;
            }
            if (repeatable(text) && occurrences.getOrDefault(key(text), 0) >= 2
                    && (!TERMINAL.matcher(text).find() || occurrences.get(key(text)) >= 3)) {
                remove(line, RUNNING_HEADER);
                continue;
            }
            if (afterBreak && sinceBreak < 3 && i > 5 && BYLINE.matcher(text).matches()) {
                remove(line, RUNNING_HEADER);
                continue;
            }
            sinceBreak++;
            if (sinceBreak >= 3) {
                afterBreak = false;
            }
        }
    }

    private static boolean repeatable(String text) {
        return text.length() <= 120 && words(text) <= 15 && words(text) >= 1 && !LIST_ITEM.matcher(text).find();
    }

    /** Lower case, digits as '#', only letters and digits: "Page 3" and "Page 4" are the same running line. */
    static String key(String text) {
        return NOT_KEY.matcher(DIGITS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("#")).replaceAll(" ").strip();
    }

    private void titleRepeats() {
        Optional<String> title = hints.title().map(TextCleaner::key).filter(k -> !k.isBlank());
        if (title.isEmpty()) {
            return;
        }
        int seen = 0;
        boolean previousWasTitle = false;
        for (Line line : lines) {
            if (line.blank()) {
                continue;
            }
            String key = key(line.text);
            // The headline, also when the extractor broke it over lines or the title joins headline and subtitle.
            boolean partOfTitleAtTop = seen < 10 && !key.isEmpty() && title.get().contains(key)
                    && (previousWasTitle || words(line.text) >= 3 && key.length() >= 12);
            previousWasTitle = key.equals(title.get()) || partOfTitleAtTop;
            if (previousWasTitle) {
                remove(line, TITLE_REPEAT);
            }
            seen++;
        }
    }

    // ---------------------------------------------------------------- web page chrome

    private void leadingChrome() {
        // Short lines above the headline (site name, section, "view original") are page chrome. The headline is
        // known only from the title hint; it was removed as a title repeat, so look for where it was.
        for (Line line : lines) {
            if (!line.blank() && isNavigation(line.text)) {
                remove(line, NAVIGATION);
            }
        }
        Optional<String> title = hints.title().map(TextCleaner::key).filter(k -> !k.isBlank());
        if (title.isEmpty()) {
            return;
        }
        int lastTitle = -1;
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < 15; i++) {
            Line line = lines.get(i);
            if (line.text != null && line.text.isEmpty() && removedAs(line, TITLE_REPEAT)) {
                lastTitle = i;
            }
            if (!line.blank()) {
                seen++;
            }
        }
        if (lastTitle < 0) {
            return;
        }
        for (int i = 0; i < lastTitle; i++) {
            Line line = lines.get(i);
            if (!line.blank() && words(line.text) <= 8 && !TERMINAL.matcher(line.text).find()) {
                remove(line, NAVIGATION);
            }
        }
    }

    private final Set<Line> titleLines = new HashSet<>();

    private boolean removedAs(Line line, String kind) {
        return TITLE_REPEAT.equals(kind) && titleLines.contains(line);
    }

    private static boolean isNavigation(String text) {
        return (words(text) <= 5 && NAV_LINE.matcher(text).matches())
                || (words(text) <= 16 && boilerplateKind(text) == null && BREADCRUMB.matcher(text).matches() && !TERMINAL.matcher(text).find());
    }

    // ---------------------------------------------------------------- captions

    private void captions() {
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.blank()) {
                continue;
            }
            String text = line.text;
            boolean standalone = blankOrEdge(i - 1) && blankOrEdge(i + 1);
            Matcher credit = CREDIT.matcher(text);
            if (text.length() <= 500 && credit.find()) {
                // A caption spliced into running text: the text runs straight into the caption's capital.
                Matcher join = CAMEL_JOIN.matcher(text.substring(0, credit.start()));
                int cut = -1;
                while (join.find()) {
                    cut = join.start() + 2;
                }
                if (!standalone && cut >= 30) {
                    line.text = text.substring(0, cut);
                    line.glueToNext = true;
                    count(removed, CAPTION);
                    // The caption's remainder may run onto the next lines (a licence URL, the closing parenthesis).
                    if (!text.substring(credit.start()).contains(")") || text.strip().endsWith(",")) {
                        for (int j = i + 1; j < lines.size() && j <= i + 2; j++) {
                            Line next = lines.get(j);
                            if (!next.blank() && URL_ONLY.matcher(next.text).matches()) {
                                remove(next, CAPTION);
                            }
                        }
                    }
                    continue;
                }
                remove(line, CAPTION);
                continue;
            }
            if (URL_ONLY.matcher(text).matches() && i > 0 && removedCaptionBefore(i)) {
                remove(line, CAPTION);
                continue;
            }
            if (words(text) <= 40 && CAPTION_START.matcher(text).find() && !TERMINAL.matcher(text).find()
                    || words(text) <= 40 && text.matches("(?i)^(?:photo|image|picture|credit|source)\\s*:.*")) {
                remove(line, CAPTION);
                continue;
            }
            Matcher trailing = TRAILING_CREDIT.matcher(text);
            if (standalone && trailing.matches() && words(trailing.group(1)) >= 6
                    && !TERMINAL.matcher(text).find()) {
                remove(line, CAPTION);
            }
        }
    }

    private boolean removedCaptionBefore(int i) {
        for (int j = i - 1; j >= 0 && j >= i - 2; j--) {
            if (lines.get(j).glueToNext) {
                return true;
            }
        }
        return false;
    }

    private boolean blankOrEdge(int i) {
        return i < 0 || i >= lines.size() || lines.get(i).blank();
    }

    // ---------------------------------------------------------------- boilerplate blocks

    private void boilerplate() {
        String[] kinds = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.blank()) {
                continue;
            }
            kinds[i] = boilerplateKind(line.text);
        }
        // A "related" heading takes the list of short headlines under it.
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.blank() || !RELATED_HEAD.matcher(line.text).matches()) {
                continue;
            }
            kinds[i] = RELATED_LINKS;
            int blanks = 0;
            for (int j = i + 1; j < lines.size(); j++) {
                Line next = lines.get(j);
                if (next.blank()) {
                    if (++blanks > 1) {
                        break;
                    }
                    continue;
                }
                blanks = 0;
                if (words(next.text) <= 20 && (!TERMINAL.matcher(next.text).find() || LIST_ITEM.matcher(next.text).find()
                        || next.text.endsWith("?"))) {
                    kinds[j] = RELATED_LINKS;
                } else {
                    break;
                }
            }
        }
        // Short lines between boilerplate lines of one block go with them ("Find out more", a button label).
        for (int i = 0; i < lines.size(); i++) {
            if (kinds[i] != null || lines.get(i).blank() || words(lines.get(i).text) > 8) {
                continue;
            }
            String before = i > 0 && !lines.get(i - 1).blank() ? kinds[i - 1] : null;
            String after = i + 1 < lines.size() && !lines.get(i + 1).blank() ? kinds[i + 1] : null;
            if (before != null && before.equals(after)) {
                kinds[i] = before;
            } else if (before != null && (i + 1 >= lines.size() || lines.get(i + 1).blank())
                    && !TERMINAL.matcher(lines.get(i).text).find()) {
                kinds[i] = before;
            }
        }
        // A block of short lines (a promo box) that is mostly boilerplate is boilerplate throughout.
        int start = 0;
        while (start < lines.size()) {
            if (lines.get(start).blank()) {
                start++;
                continue;
            }
            int end = start;
            while (end < lines.size() && !lines.get(end).blank()) {
                end++;
            }
            int marked = 0;
            boolean allShort = true;
            String kind = null;
            for (int i = start; i < end; i++) {
                allShort &= words(lines.get(i).text) <= 10;
                if (kinds[i] != null) {
                    marked++;
                    kind = kinds[i];
                }
            }
            if (kind != null && allShort && marked * 2 >= end - start) {
                for (int i = start; i < end; i++) {
                    kinds[i] = kinds[i] == null ? kind : kinds[i];
                }
            }
            start = end;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (kinds[i] != null) {
                remove(lines.get(i), kinds[i]);
            }
        }
    }

    static String boilerplateKind(String text) {
        int words = words(text);
        if (words > SHORT_WORDS) {
            return RELATED_INLINE.matcher(text).matches() ? RELATED_LINKS : null;
        }
        if (RELATED_INLINE.matcher(text).matches()) {
            return RELATED_LINKS;
        }
        if (COOKIE.matcher(text).find()) {
            return COOKIE_NOTICE;
        }
        if (SUBSCRIBE.matcher(text).find()) {
            return SUBSCRIPTION;
        }
        if (JOB.matcher(text).find()) {
            return JOB_ADVERT;
        }
        if (words <= 8 && SHARE.matcher(text).find() && shareOnly(text)) {
            return SHARE_BAR;
        }
        return null;
    }

    /** Most words of the line are sharing vocabulary: "Share on Facebook | Twitter | Email". */
    private static boolean shareOnly(String text) {
        String rest = NON_LETTERS.matcher(SHARE_FILLER.matcher(SHARE.matcher(text).replaceAll(" ")).replaceAll(" "))
                .replaceAll(" ").strip();
        return rest.isEmpty() || words(rest) <= 1;
    }

    // ---------------------------------------------------------------- footnote markers

    private void footnoteMarkers() {
        for (Line line : lines) {
            if (line.blank()) {
                continue;
            }
            String text = line.text;
            text = replaceCounting(FOOTNOTE_GLUED, text);
            text = replaceCounting(FOOTNOTE_BRACKET, text);
            text = replaceCounting(FOOTNOTE_SUPERSCRIPT, text);
            line.text = text;
        }
    }

    private String replaceCounting(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            count(repaired, FOOTNOTE_MARKER);
            m.appendReplacement(out, "");
        }
        m.appendTail(out);
        return out.toString();
    }

    // ---------------------------------------------------------------- paragraphs

    /** Blank lines left where lines were removed collapse to one; leading and trailing blanks go. */
    private static List<Line> compactBlanks(List<Line> in) {
        List<Line> out = new ArrayList<>();
        boolean pendingBlank = false;
        for (Line line : in) {
            if (line.text == null) {
                continue; // removed: leaves no blank of its own
            }
            if (line.text.isEmpty()) {
                pendingBlank = !out.isEmpty();
                continue;
            }
            if (pendingBlank) {
                out.add(new Line("", false));
                pendingBlank = false;
            }
            out.add(line);
        }
        return out;
    }

    private String paragraphs(List<Line> in) {
        Set<String> vocabulary = vocabulary(in);
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean glue = false;
        boolean currentIsHeading = false;
        for (Line line : in) {
            if (line.blank()) {
                if (!glue) {
                    flush(paragraphs, current);
                }
                continue;
            }
            String text = line.text;
            boolean startsNew = line.heading || line.paragraphBreakBefore || LIST_ITEM.matcher(text).find()
                    || currentIsHeading;
            if (current.length() > 0 && startsNew && !glue) {
                flush(paragraphs, current);
            }
            if (current.length() == 0) {
                current.append(text);
            } else if (glue && Character.isLowerCase(text.codePointAt(0))) {
                current.append(text);
            } else {
                joinHyphenated(current, text, vocabulary);
            }
            glue = line.glueToNext;
            currentIsHeading = line.heading;
        }
        flush(paragraphs, current);
        List<String> repairedParagraphs = new ArrayList<>();
        for (String paragraph : paragraphs) {
            String fixed = dropDanglingFragments(paragraph);
            if (!fixed.isBlank()) {
                repairedParagraphs.add(fixed);
            }
        }
        return String.join("\n\n", repairedParagraphs);
    }

    private static final Pattern DANGLING = Pattern.compile("(?:^|\\s)\\p{L}[\\p{L}-]*\\p{Ll}-(?=\\s+[^\\p{Ll}\\s]|\\s*$)");

    /**
     * A word broken at a line end whose continuation the extraction lost ("pres-" followed by another column's
     * capital, or the text's last word) cannot be repaired: the fragment is dropped rather than left broken.
     * Suspended compounds ("pre- and post-war") are followed by a lower-case word and are not touched.
     */
    private String dropDanglingFragments(String paragraph) {
        Matcher m = DANGLING.matcher(paragraph);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            count(repaired, DANGLING_FRAGMENT);
            m.appendReplacement(out, "");
        }
        m.appendTail(out);
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    private static void flush(List<String> paragraphs, StringBuilder current) {
        String text = current.toString().strip();
        if (!text.isEmpty()) {
            paragraphs.add(text);
        }
        current.setLength(0);
    }

    private static final Pattern HYPHEN_END = Pattern.compile("(\\p{L}+)-$");
    private static final Pattern WORD_START = Pattern.compile("^(\\p{Ll}+)");
    private static final Set<String> SUFFIXES = Set.of("ly", "ness", "ment", "ments", "tion", "tions", "sion",
            "sions", "ing", "ings", "ed", "er", "ers", "est", "ity", "ities", "ive", "al", "ally", "ence", "ences",
            "ance", "ances", "able", "ible", "ism", "ist", "ists", "ize", "ise", "ized", "ised", "ous", "ful", "less",
            "ship", "ships", "ure", "ures", "ic", "ics", "ent", "ant", "ary", "ory", "ial", "ian", "ians", "cy", "ty",
            "ties", "ate", "ated", "ates", "ative", "ion", "ions", "es", "s", "y");
    /** Second elements of phrasal compounds: "trade-" + "off", "follow-" + "up". */
    private static final Set<String> PARTICLES = Set.of("off", "up", "out", "in", "on", "down", "over", "back", "by",
            "away");
    private static final Set<String> FUNCTION_WORDS = Set.of("with", "there", "where", "here", "through", "what",
            "when", "some", "every", "hand", "carry", "turn");
    /** First elements that keep their hyphen when a compound is broken after them: "long-" + "term". */
    private static final Set<String> COMPOUND_FIRST = Set.of("self", "well", "long", "short", "ever", "high", "low",
            "half", "full", "cross", "non", "anti", "ex", "quasi", "much", "all", "far", "wide", "multi", "post", "pre",
            "semi", "co", "counter", "mid", "near", "pro", "so", "one", "two", "three", "four", "five", "ten",
            "first", "second", "third", "state", "top", "old", "new", "hard", "soft", "war", "cold", "small", "large",
            "middle", "left", "right", "open", "closed", "free", "front", "great");

    /**
     * Appends a wrapped line to a paragraph. A line ending in a hyphen directly before a lower-case word was broken
     * inside a word or at a compound's hyphen: the hyphen stays when the document spells the compound with a hyphen
     * elsewhere, or when the first element is a common compound head ("long-", "self-") and the rest is a whole
     * word rather than a suffix; otherwise the word is rejoined. Before a capital the hyphen is a compound's
     * ("Sino-" + "Russian") and the lines are joined without a space.
     */
    private void joinHyphenated(StringBuilder current, String next, Set<String> vocabulary) {
        Matcher end = HYPHEN_END.matcher(current);
        if (end.find()) {
            String fragment = end.group(1);
            Matcher start = WORD_START.matcher(next);
            if (start.find()) {
                String rest = start.group(1);
                String joined = (fragment + rest).toLowerCase(Locale.ROOT);
                String hyphenated = (fragment + "-" + rest).toLowerCase(Locale.ROOT);
                boolean keep;
                if (vocabulary.contains(hyphenated) && !vocabulary.contains(joined)) {
                    keep = true;
                } else if (vocabulary.contains(joined)) {
                    keep = false;
                } else {
                    String head = fragment.toLowerCase(Locale.ROOT);
                    keep = (COMPOUND_FIRST.contains(head) && !SUFFIXES.contains(rest)
                            || PARTICLES.contains(rest) && head.length() >= 4 && !FUNCTION_WORDS.contains(head))
                            && precededByWordBoundary(current, end.start(1));
                }
                if (!keep) {
                    current.setLength(current.length() - 1);
                }
                current.append(next);
                count(repaired, HYPHENATION);
                return;
            }
            if (Character.isUpperCase(next.codePointAt(0)) && Character.isUpperCase(fragment.codePointAt(0))) {
                current.append(next);
                return;
            }
        }
        current.append(' ').append(next);
    }

    private static boolean precededByWordBoundary(StringBuilder current, int index) {
        return index == 0 || !Character.isLetter(current.charAt(index - 1));
    }

    /** Words of the document spelt whole on a line, with and without hyphens, lower case. */
    static Set<String> vocabulary(List<Line> in) {
        Set<String> words = new HashSet<>();
        Pattern word = WORD;
        for (Line line : in) {
            if (line.blank()) {
                continue;
            }
            String text = line.text.endsWith("-") ? line.text.substring(0, line.text.lastIndexOf(' ') + 1) : line.text;
            Matcher m = word.matcher(text);
            while (m.find()) {
                if (m.start() == 0) {
                    continue; // may be the tail of a word broken on the line above
                }
                String w = m.group().toLowerCase(Locale.ROOT);
                words.add(w);
                String[] parts = w.split("-");
                for (int i = 0; i + 1 < parts.length; i++) {
                    words.add(parts[i] + "-" + parts[i + 1]);
                }
            }
        }
        return words;
    }

    // ---------------------------------------------------------------- helpers

    private void remove(Line line, String kind) {
        if (line.text == null) {
            return;
        }
        if (TITLE_REPEAT.equals(kind)) {
            titleLines.add(line);
            line.text = "";
        } else {
            line.text = null;
        }
        count(removed, kind);
    }

    static void count(Map<String, Integer> counts, String kind) {
        counts.merge(kind, 1, Integer::sum);
    }

    static int words(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }
}
