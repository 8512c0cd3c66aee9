package org.commentarywatch.enrich.service.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.commentarywatch.enrich.model.Stance;
import org.commentarywatch.enrich.service.SentenceSplitter;
import org.junit.jupiter.api.Test;

/** Pieces written for these tests. */
class StanceClassifierTest {

    private static final StanceClassifier CLASSIFIER = StanceClassifier.load();

    private static Stance stance(String title, String text) {
        return CLASSIFIER.classify(title, text, SentenceSplitter.split(text, Locale.ENGLISH), List.of(),
                Optional.empty()).stance();
    }

    @Test
    void aPoliticalPieceThatIsNotAboutChinaAndRussiaIsOffTopic() {
        Stance stance = stance("Coalition talks collapse", "The governing coalition collapsed on Tuesday after the "
                + "liberals walked out of budget talks. The prime minister said he would seek a vote of confidence, "
                + "and the opposition demanded early elections. Analysts expect weeks of uncertainty.");
        assertEquals("off_topic", stance.label());
        assertTrue(stance.decidedBy().contains("off-topic gate"), stance.decidedBy());
    }

    @Test
    void deepeningTiesArgueConvergence() {
        Stance stance = stance("Closer than ever", "China and Russia have deepened their partnership every year. "
                + "Their leaders speak of a friendship with no limits, and the two armies now train together as allies "
                + "would. Sanctions have only tightened the bond between Moscow and Beijing. An alliance is forming "
                + "in all but name.");
        assertEquals("convergence", stance.label(), stance.decidedBy());
        assertTrue(stance.evidence().size() >= 3 && stance.evidence().size() <= 5, stance.evidence().toString());
        assertTrue(stance.evidence().stream().anyMatch(s -> s.leaning().equals("convergence")));
    }

    @Test
    void limitsAndMistrustArgueDivergence() {
        Stance stance = stance("A partnership with limits", "Russia and China remain wary of each other. Beijing "
                + "will not risk its European markets for Moscow, and Russian officials resent their country's role as "
                + "a junior partner. Mistrust along the old border has never faded. This is a marriage of convenience, "
                + "not an alliance.");
        assertEquals("divergence", stance.label(), stance.decidedBy());
    }

    @Test
    void aReportWithoutJudgementIsNeutral() {
        Stance stance = stance("Ministers to meet", "The foreign ministers of Russia and China will meet in Beijing on "
                + "Friday, their ministries announced. The agenda includes transport links and a customs agreement. "
                + "A press conference is scheduled for the afternoon.");
        assertEquals("neutral", stance.label(), stance.decidedBy());
    }

    @Test
    void aNegatedCueArguesTheOtherWay() {
        Stance stance = stance("", "Russia and China meet in Central Asia as partners, not rivals. The region sees "
                + "cooperation, not competition, between Moscow and Beijing.");
        assertEquals("convergence", stance.label(), stance.decidedBy());
    }
}
