package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class AlertSummaryTest {

    /** What the summary is defined as: the whole text collapsed, then cut at a word boundary. */
    private static String collapsedWholeThenCut(String text, int length) {
        String collapsed = text.strip().replaceAll("\\s+", " ");
        if (collapsed.length() <= length) {
            return collapsed;
        }
        int cut = collapsed.lastIndexOf(' ', length);
        return collapsed.substring(0, cut > length / 2 ? cut : length).strip() + "\u2026";
    }

    @Test
    void summaryOfALongTextIsTheSameAsCollapsingTheWholeTextWhateverItsWhiteSpace() {
        Random random = new Random(42);
        String[] spaces = {" ", "  ", "\n", "\n\n\t", "      \n      "};
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "" : "\n  ");
            int words = 1 + random.nextInt(600);
            for (int w = 0; w < words; w++) {
                text.append("w".repeat(1 + random.nextInt(random.nextInt(10) == 0 ? 200 : 9)));
                text.append(spaces[random.nextInt(spaces.length)]);
            }
            for (int length : new int[] {40, 280}) {
                assertEquals(collapsedWholeThenCut(text.toString(), length), AlertService.summary(text.toString(), length),
                        "round " + round + ", length " + length);
            }
        }
    }

    @Test
    void anOpeningOfMostlyWhiteSpaceStillYieldsTheTextAfterIt() {
        String text = " ".repeat(5_000) + "Beijing and Moscow signed a further accord on grain.";
        assertEquals("Beijing and Moscow signed a further accord on grain.", AlertService.summary(text, 280));
    }

    @Test
    void aLongTextIsCutAtAWordBoundaryWithAnEllipsis() {
        String text = "The envoys met again in Astana ".repeat(100);
        String summary = AlertService.summary(text, 40);
        assertEquals("The envoys met again in Astana The\u2026", summary);
    }
}
