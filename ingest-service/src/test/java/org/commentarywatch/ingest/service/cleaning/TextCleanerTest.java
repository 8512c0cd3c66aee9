package org.commentarywatch.ingest.service.cleaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.commentarywatch.ingest.model.CleaningReport;
import org.junit.jupiter.api.Test;

/** Each cleaning rule on text written for the test. */
class TextCleanerTest {

    private static TextCleaner.Result clean(String text) {
        return TextCleaner.clean(text);
    }

    private static TextCleaner.Result clean(String text, String title) {
        return TextCleaner.clean(text, TextCleaner.Hints.title(title));
    }

    @Test
    void cleanTextPassesUnchanged() {
        String text = "A first paragraph about canal tolls.\n\nA second one, about the lock keepers who collect them.";

        TextCleaner.Result result = clean(text);

        assertEquals(text, result.text());
        assertEquals(0, result.report().removedLines());
        assertEquals(2, result.report().linesBefore());
        assertEquals(2, result.report().linesAfter());
    }

    @Test
    void pageNumbersAndFootersWithPageNumbersAreRemovedAndTheParagraphContinuesAcrossThePage() {
        String text = """
                The surveyors walked the embankment for three days and
                Inland Water Review, Vol. 4 Page 2/7
                recorded every crack they found in the old masonry.
                3
                - 4 -
                """;

        TextCleaner.Result result = clean(text);

        assertEquals("The surveyors walked the embankment for three days and recorded every crack they found in the "
                + "old masonry.", result.text());
        assertEquals(2, result.report().removed().get(TextCleaner.PAGE_NUMBER));
        assertEquals(1, result.report().removed().get(TextCleaner.RUNNING_HEADER));
    }

    @Test
    void shortLinesRepeatedThroughTheTextAreRunningHeadsEvenWithChangingNumbers() {
        String text = """
                Harbour Studies Quarterly 12
                The dredging contract was signed in spring.

                Harbour Studies Quarterly 13
                Work began once the ice had cleared from the channel.
                """;

        TextCleaner.Result result = clean(text);

        assertFalse(result.text().contains("Quarterly"), result.text());
        assertEquals(2, result.report().removed().get(TextCleaner.RUNNING_HEADER));
    }

    @Test
    void theTitleRepeatedOnLaterPagesAndABylineAfterAPageBreakAreRemoved() {
        String text = "Opening paragraph of an invented essay on ferry timetables, long enough to be prose.\n"
                + "Second line of that paragraph.\n\n"
                + "Third line.\nFourth line.\nFifth line.\n"
                + "Gazette of Made-Up Things Page 1/3\n\n"
                + "Timetables on the Lake\nWritten by Ada Example\n\n"
                + "The essay goes on here after the page break.";

        TextCleaner.Result result = clean(text, "Timetables on the Lake");

        assertFalse(result.text().contains("Timetables on the Lake"), result.text());
        assertFalse(result.text().contains("Written by"), result.text());
        assertTrue(result.text().endsWith("The essay goes on here after the page break."), result.text());
    }

    @Test
    void chromeAboveTheHeadlineAndNavigationLabelsAreRemoved() {
        String text = """
                Example Site
                Opinion
                View in browser

                Lanterns on the Quay

                Home > Culture > Lanterns

                The lantern festival returned to the quay on Saturday after a two-year pause.
                """;

        TextCleaner.Result result = clean(text, "Lanterns on the Quay");

        assertEquals("The lantern festival returned to the quay on Saturday after a two-year pause.", result.text());
        assertTrue(result.report().removed().get(TextCleaner.NAVIGATION) >= 3, result.report().toString());
    }

    @Test
    void captionsWithCreditsAreRemoved() {
        String text = """
                The new pier opened to walkers on a windy afternoon.

                Visitors crowd the end of the new pier during its opening weekend in late April - Invented Photo Agency

                A ferry passes the breakwater at dusk. (© Example Images / J. Doe)

                Photo: A. Nother for the Gazette

                Figure 2: Passenger numbers by month

                Engineers expect the timber deck to last forty years.
                """;

        TextCleaner.Result result = clean(text);

        assertEquals("The new pier opened to walkers on a windy afternoon.\n\n"
                + "Engineers expect the timber deck to last forty years.", result.text());
        assertEquals(4, result.report().removed().get(TextCleaner.CAPTION));
    }

    @Test
    void aCaptionSplicedIntoAParagraphIsCutOutAndTheBrokenWordRejoined() {
        String text = """
                The harbour master said the dredgers had finally respondA dredger at work in the outer basin. (© Example Port Authority,
                https://example.org/licence)

                ed to the complaints of the fishing crews.
                """;

        TextCleaner.Result result = clean(text);

        assertEquals("The harbour master said the dredgers had finally responded to the complaints of the fishing "
                + "crews.", result.text());
    }

    @Test
    void jobSubscriptionCookieShareAndRelatedBlocksAreRemovedByKind() {
        String text = """
                The ferry company will publish its winter timetable next week.

                Looking for your next role in logistics?
                Browse the Gazette jobs board.
                Find your logistics job

                Sign up for our weekly newsletter
                Get the best stories in your inbox

                We use cookies to personalise content. Accept all

                Share on Facebook | Twitter | Email

                Related articles
                Ferry fares to rise in spring
                Why the old pier closed

                Passengers are advised to check departures before travelling.
                """;

        TextCleaner.Result result = clean(text);

        assertEquals("The ferry company will publish its winter timetable next week.\n\n"
                + "Passengers are advised to check departures before travelling.", result.text());
        CleaningReport report = result.report();
        assertEquals(3, report.removed().get(TextCleaner.JOB_ADVERT));
        assertEquals(2, report.removed().get(TextCleaner.SUBSCRIPTION));
        assertEquals(1, report.removed().get(TextCleaner.COOKIE_NOTICE));
        assertEquals(1, report.removed().get(TextCleaner.SHARE_BAR));
        assertEquals(3, report.removed().get(TextCleaner.RELATED_LINKS));
    }

    @Test
    void proseMentioningTheSameWordsInLongSentencesIsKept() {
        String text = "The ministry said on Twitter that it would subscribe to the treaty, that careers in the "
                + "merchant fleet were growing again and that cookies baked for the launch had been shared with the "
                + "crew of the ferry.";

        assertEquals(text, clean(text).text());
    }

    @Test
    void footnoteMarkersAreDroppedButNumbersInTextStay() {
        String text = "Trade rose sharply.12 The port handled 4.5 million tonnes in 2023, up from the G20 average.[3] "
                + "Officials called it “remarkable”.4 See p.12 and the S-400 entry²";

        TextCleaner.Result result = clean(text);

        assertEquals("Trade rose sharply. The port handled 4.5 million tonnes in 2023, up from the G20 average. "
                + "Officials called it “remarkable”. See p.12 and the S-400 entry", result.text());
        assertEquals(4, result.report().repaired().get(TextCleaner.FOOTNOTE_MARKER));
    }

    @Test
    void hyphenationAcrossLineBreaksIsUndoneButRealCompoundsKeepTheirHyphen() {
        String text = """
                The commission published a long-
                term plan for the naviga-
                tion of the estuary, and its self-
                funded survey confirmed the well-known trade-
                off between depth and speed. The Anglo-
                French consortium agreed.
                """;

        String cleaned = clean(text).text();

        assertEquals("The commission published a long-term plan for the navigation of the estuary, and its "
                + "self-funded survey confirmed the well-known trade-off between depth and speed. The Anglo-French "
                + "consortium agreed.", cleaned);
    }

    @Test
    void aWordBrokenWhoseContinuationWasLostIsDroppedRatherThanLeftBroken() {
        String result = clean("The barges waited for the pres-\nA different column starts here.").text();

        assertFalse(result.contains("pres-"), result);
    }

    @Test
    void wrappedLinesBecomeParagraphsAndListItemsStaySeparate() {
        String text = """
                The first paragraph was wrapped
                at a narrow width by the extractor.

                1. A numbered point.
                2. Another numbered point.
                """;

        assertEquals("The first paragraph was wrapped at a narrow width by the extractor.\n\n"
                + "1. A numbered point.\n\n2. Another numbered point.", clean(text).text());
    }

    @Test
    void markdownSyntaxIsStripped() {
        String text = """
                # The Weir Report

                **Bold claim** with a [link](https://example.org) and *emphasis*.
                ![A picture of the weir](weir.png)
                """;

        TextCleaner.Result result = TextCleaner.clean(text, new TextCleaner.Hints(Optional.empty(), true));

        assertEquals("The Weir Report\n\nBold claim with a link and emphasis.", result.text());
        assertEquals(1, result.report().removed().get(TextCleaner.CAPTION));
    }

    @Test
    void twoColumnsInterleavedLineByLineAreReadOneAfterTheOther() {
        // Left column: a paragraph about a lighthouse; right column: one about a market. The extractor interleaved
        // their lines, with a blank line between each, as naive PDF extraction of two columns does.
        String[] left = {
                "The lighthouse on the northern cape was",
                "automated a decade ago, but the keepers'",
                "cottage still stands beside it and is now",
                "rented to walkers who want to watch the",
                "storms from a safe distance in the win-",
                "ter months when the ferries stop running." };
        String[] right = {
                "Down in the town, the fish market opens",
                "before dawn and closes when the last crate",
                "has been sold, which in a good season can",
                "be as early as eight o'clock, leaving the",
                "traders free to mend nets and repair their",
                "boats for the rest of the short afternoon." };
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < left.length; i++) {
            text.append(left[i]).append("\n\n").append(right[i]).append("\n\n");
        }

        TextCleaner.Result result = clean(text.toString());

        assertEquals(String.join(" ", left).replace("win- ter", "winter") + "\n\n" + String.join(" ", right),
                result.text());
        assertEquals(6, result.report().repaired().get(TextCleaner.REORDERED_LINE));
    }

    @Test
    void shortLinesSeparatedByBlankLinesThatReadInOrderAreLeftInOrder() {
        String text = """
                Chapter One

                The rain began at noon.

                Nobody expected it.

                By evening the river had risen.

                The bridge was closed.

                Boats were moved uphill.

                The mayor spoke at nine.

                Schools stayed shut.
                """;

        TextCleaner.Result result = clean(text);

        assertFalse(result.report().repaired().containsKey(TextCleaner.REORDERED_LINE), result.text());
        assertTrue(result.text().startsWith("Chapter One\n\nThe rain began at noon."), result.text());
    }
}
