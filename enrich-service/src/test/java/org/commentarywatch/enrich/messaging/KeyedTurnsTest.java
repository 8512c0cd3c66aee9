package org.commentarywatch.enrich.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

class KeyedTurnsTest {

    private final KeyedTurns turns = new KeyedTurns();

    @Test
    void recordsOfDifferentKeysDoNotWaitForEachOther() {
        turns.take(0, "a", 10);
        assertGoesAtOnce(turns.take(0, "b", 11));
    }

    @Test
    void aLaterRecordOfAKeyWaitsUntilTheEarlierOneIsFinished() throws Exception {
        KeyedTurns.Turn earlier = turns.take(1, "doc", 5);
        KeyedTurns.Turn later = turns.take(1, "doc", 9);
        assertFalse(later.superseded());
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                later.awaitPrevious();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            waiting.get(200, TimeUnit.MILLISECONDS);
            throw new AssertionError("the later record went while the earlier one was being enriched");
        } catch (TimeoutException expected) {
            // still waiting, as it should
        }
        earlier.finish();
        waiting.get(5, TimeUnit.SECONDS);
    }

    @Test
    void anEarlierRecordTakenAfterALaterOneOfItsKeyIsSupersededEvenOnceThatOneIsFinished() {
        KeyedTurns.Turn later = turns.take(2, "doc", 40);
        assertTrue(turns.take(2, "doc", 39).superseded());
        later.finish();
        assertTrue(turns.take(2, "doc", 38).superseded());
        assertTrue(turns.take(2, "doc", 40).superseded(), "the same record delivered again while taken");
    }

    @Test
    void theSameKeyInAnotherPartitionIsAnotherSequence() {
        turns.take(0, "doc", 100);
        assertGoesAtOnce(turns.take(1, "doc", 3));
    }

    @Test
    void onlyTheMostRecentKeysAreRemembered() {
        KeyedTurns.Turn first = turns.take(0, "first", 1);
        for (int i = 0; i < KeyedTurns.REMEMBERED; i++) {
            turns.take(0, "key-" + i, 2 + i).finish();
        }
        first.finish();
        // forgotten: an older record of it is taken as new rather than superseded
        assertFalse(turns.take(0, "first", 0).superseded());
    }

    private static void assertGoesAtOnce(KeyedTurns.Turn turn) {
        assertFalse(turn.superseded());
        assertTimeoutPreemptively(Duration.ofSeconds(5), turn::awaitPrevious);
    }
}
