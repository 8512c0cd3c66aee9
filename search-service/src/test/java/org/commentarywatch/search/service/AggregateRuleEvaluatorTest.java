package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.commentarywatch.search.model.Rule;
import org.commentarywatch.search.model.RuleConditions;

class AggregateRuleEvaluatorTest {

    private static Rule threshold(int minCount) {
        return new Rule("t", "t", "gas", RuleConditions.NONE, Rule.KIND_THRESHOLD, null, true, Instant.EPOCH, Instant.EPOCH,
                null, "PT1H", minCount, null, null);
    }

    private static Rule spike(double factor, int minCount) {
        return new Rule("s", "s", "gas", RuleConditions.NONE, Rule.KIND_SPIKE, null, true, Instant.EPOCH, Instant.EPOCH,
                null, "PT1H", minCount, factor, 4);
    }

    @Test
    void windowsAreAlignedToTheEpochSoThatEveryEvaluationAgreesOnThem() {
        Instant at = Instant.parse("2026-12-01T08:37:12.345Z");
        AggregateRuleEvaluator.Window current = AggregateRuleEvaluator.window(Duration.ofHours(1), at, 0);
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), current.start());
        assertEquals(Instant.parse("2026-12-01T09:00:00Z"), current.end());
        assertEquals(current, AggregateRuleEvaluator.window(Duration.ofHours(1), Instant.parse("2026-12-01T08:59:59.999Z"), 0));
        assertEquals(Instant.parse("2026-12-01T06:00:00Z"), AggregateRuleEvaluator.window(Duration.ofHours(1), at, -2).start());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), AggregateRuleEvaluator.window(Duration.ofDays(1), at, 0).start());
    }

    @Test
    void aThresholdFiresAtItsCountNotBelow() {
        assertFalse(AggregateRuleEvaluator.qualifies(threshold(5), 4, 0));
        assertTrue(AggregateRuleEvaluator.qualifies(threshold(5), 5, 0));
    }

    @Test
    void aSpikeNeedsFactorTimesTheBaselineAndTheMinimumCountSoZeroToOneIsNoSpike() {
        assertFalse(AggregateRuleEvaluator.qualifies(spike(3, 3), 1, 0), "0 -> 1");
        assertTrue(AggregateRuleEvaluator.qualifies(spike(3, 3), 3, 0), "0 -> 3 reaches the minimum");
        assertFalse(AggregateRuleEvaluator.qualifies(spike(3, 3), 8, 3), "below 3 x 3");
        assertTrue(AggregateRuleEvaluator.qualifies(spike(3, 3), 9, 3));
    }

    @Test
    void anAlertIdIsTheSameForTheSameRuleAndWindowAndDiffersOtherwise() {
        Instant start = Instant.parse("2026-12-01T08:00:00Z");
        assertEquals(AlertService.windowAlertId("r1", start), AlertService.windowAlertId("r1", start));
        assertNotEquals(AlertService.windowAlertId("r1", start), AlertService.windowAlertId("r1", start.plusSeconds(3600)));
        assertNotEquals(AlertService.windowAlertId("r1", start), AlertService.windowAlertId("r2", start));
    }
}
