package org.commentarywatch.enrich.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Order among the records of one key (one document id) when records are enriched side by side, in the order they
 * arrive from all partitions rather than one at a time per partition: a record waits for the earlier record of its
 * key that is still being enriched, so the later version is always published last; and a record whose key has
 * already had a later record taken is superseded (that later version carries everything it had, the ingest
 * service's {@code also_seen_at} included) and must not overwrite it. Records of different keys never wait for
 * each other. Keys are counted per partition, since offsets compare only there.
 *
 * <p>The most recent {@value #REMEMBERED} keys are remembered; a key forgotten since is taken as new, which is
 * right unless a record is held up for that many newer keys. Thread-safe.
 */
final class KeyedTurns {

    static final int REMEMBERED = 10_000;

    private static final CompletableFuture<Void> NOTHING_BEFORE = CompletableFuture.completedFuture(null);

    private final Map<String, Turn> latest = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Turn> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** A record's place among those of its key. */
    static final class Turn {
        private final long offset;
        private final CompletableFuture<Void> previous;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final boolean superseded;

        private Turn(long offset, CompletableFuture<Void> previous, boolean superseded) {
            this.offset = offset;
            this.previous = previous;
            this.superseded = superseded;
        }

        /** A later record of the same key was taken first: this one must be acknowledged and not published. */
        boolean superseded() {
            return superseded;
        }

        /** Blocks until the earlier record of this key, if one is being enriched, is finished. */
        void awaitPrevious() throws InterruptedException {
            try {
                previous.get();
            } catch (ExecutionException impossible) {
                // finish() only ever completes normally
            }
        }

        /** This record is written, dead-lettered or abandoned: the next one of its key may go. */
        void finish() {
            done.complete(null);
        }
    }

    /** A record without a key is ordered with nothing. */
    static Turn unordered() {
        return new Turn(-1, NOTHING_BEFORE, false);
    }

    synchronized Turn take(int partition, String key, long offset) {
        String slot = partition + "\u0000" + key;
        Turn current = latest.get(slot);
        if (current != null && current.offset >= offset) {
            return new Turn(offset, NOTHING_BEFORE, true);
        }
        Turn turn = new Turn(offset, current == null ? NOTHING_BEFORE : current.done, false);
        latest.put(slot, turn);
        return turn;
    }
}
