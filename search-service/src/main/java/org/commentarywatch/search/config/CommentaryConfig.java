package org.commentarywatch.search.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything this service reads under {@code commentary.*}. */
@ConfigMapping(prefix = "commentary")
public interface CommentaryConfig {

    Topics topics();

    Index index();

    Retry retry();

    Health health();

    interface Topics {
        /** Input: enriched documents, keyed by document id. */
        String enriched();

        /** Output for records this stage cannot index. */
        String dlq();
    }

    interface Index {
        /** What readers and writers use; the versioned index behind it can be replaced without them noticing. */
        String alias();

        /** Version of the mapping this build ships: the index is {@code <alias>-v<version>}. */
        int version();
    }

    /** Pauses between attempts while Elasticsearch or Kafka is unavailable. Attempts never run out. */
    interface Retry {
        /** Pause after the first failure; doubled after each further one. */
        @WithDefault("200ms")
        Duration initialDelay();

        /** Longest pause between two attempts. */
        @WithDefault("30s")
        Duration maxDelay();
    }

    interface Health {
        /** Bound on the readiness probe's call to Elasticsearch, so that a hanging node reports DOWN instead of stalling the probe. */
        @WithDefault("2s")
        Duration timeout();
    }
}
