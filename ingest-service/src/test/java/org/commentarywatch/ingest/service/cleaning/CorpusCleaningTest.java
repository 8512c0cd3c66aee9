package org.commentarywatch.ingest.service.cleaning;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.commentarywatch.ingest.Corpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The cleaning stage on the five reference-corpus files, ingested as text with their titles: no page header or
 * footer, job-board, subscription or caption line survives, and no broken hyphenation remains. The checks are
 * shapes (patterns and predicates), not sentences of the corpus.
 */
class CorpusCleaningTest {

    private static final Pattern PAGE_MARK = Pattern.compile("(?i)\\bpage\\s*\\d+\\s*(?:/|of)\\s*\\d+\\b|^\\s*\\d{1,4}\\s*$");
    private static final Pattern JOURNAL_FOOTER = Pattern.compile("\\bISSN\\s*\\d{4}-?\\d{3}[\\dX]\\b");
    private static final Pattern BYLINE = Pattern.compile("(?i)^(?:written by|by)\\s+\\p{Lu}");
    private static final Pattern JOB = Pattern.compile("(?i)\\b(?:jobs?\\s*board|careers?|job|hiring|vacanc(?:y|ies))\\b");
    private static final Pattern SUBSCRIPTION = Pattern.compile("(?i)\\b(?:subscribe|newsletter|sign up|inbox)\\b");
    private static final Pattern CREDIT = Pattern.compile("©|creativecommons\\.org|(?i:\\bphoto\\s*:|picture alliance)");
    /** A stand-alone line ending in " - Agency/Photographer" without a full stop. */
    private static final Pattern TRAILING_CREDIT = Pattern.compile(
            "^.{30,}\\s[-–—]\\s\\p{Lu}[\\p{L}.]*(?:[ /]+(?:\\p{Lu}[\\p{L}.]*|of|for|and))*$");
    private static final Pattern BROKEN_HYPHEN = Pattern.compile("\\p{Ll}-\\s+(?!and\\b|or\\b|to\\b)\\p{Ll}|\\p{L}-$");
    /** A hyphen kept inside a word broken at a syllable: "sanc-tions", "larger-ly". */
    private static final Pattern KEPT_SYLLABLE_HYPHEN = Pattern.compile(
            "\\p{Ll}-(?:tions?|sions?|ly|ment|ments|ness|ing|ings|ed|ity)\\b");

    @TestFactory
    List<DynamicTest> noPageFurnitureBoilerplateCaptionsOrBrokenHyphenationSurvives() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus.Piece piece : Corpus.pieces()) {
            tests.add(DynamicTest.dynamicTest(piece.file(), () -> {
                TextCleaner.Result result = TextCleaner.clean(piece.text(), TextCleaner.Hints.title(piece.title()));
                List<String> paragraphs = List.of(result.text().split("\n\n"));
                String title = TextCleaner.key(piece.title());
                Map<String, Predicate<String>> forbidden = Map.of(
                        "page header/footer", p -> PAGE_MARK.matcher(p).find() || JOURNAL_FOOTER.matcher(p).find()
                                || TextCleaner.words(p) <= 8 && BYLINE.matcher(p).find()
                                || TextCleaner.key(p).equals(title),
                        "job board", p -> TextCleaner.words(p) <= 15 && JOB.matcher(p).find(),
                        "subscription", p -> TextCleaner.words(p) <= 15 && SUBSCRIPTION.matcher(p).find(),
                        "caption", p -> CREDIT.matcher(p).find() || TRAILING_CREDIT.matcher(p).matches(),
                        "broken hyphenation", p -> BROKEN_HYPHEN.matcher(p).find()
                                || KEPT_SYLLABLE_HYPHEN.matcher(p).find());
                for (String paragraph : paragraphs) {
                    forbidden.forEach((kind, test) -> assertFalse(test.test(paragraph),
                            kind + " survived in " + piece.file() + ": " + excerpt(paragraph)));
                }
                assertTrue(result.report().charsAfter() > result.report().charsBefore() * 0.8,
                        "cleaning keeps the article: " + result.report());
                if (piece.origin().contains("two-column")) {
                    assertTrue(result.report().repaired().getOrDefault(TextCleaner.REORDERED_LINE, 0) > 0,
                            "the interleaved columns are separated: " + result.report());
                }
            }));
        }
        return tests;
    }

    private static String excerpt(String paragraph) {
        return paragraph.length() <= 160 ? paragraph : paragraph.substring(0, 160) + "…";
    }
}
