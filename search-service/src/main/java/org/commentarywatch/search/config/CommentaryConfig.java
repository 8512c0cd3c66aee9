package org.commentarywatch.search.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything this service reads under {@code commentary.*}. */
@ConfigMapping(prefix = "commentary")
public interface CommentaryConfig {

    Topics topics();

    Index index();

    Retry retry();

    Health health();

    /** When set, the operations that write (rules) need it in the {@code X-API-Key} header. */
    Optional<String> apiKey();

    /** Base of the links put in webhooks and feeds, e.g. {@code https://watch.example.org}. */
    String publicUrl();

    Alerting alerting();

    Webhooks webhooks();

    /** Where rules, alerts and webhook deliveries are kept. */
    interface Alerting {
        String rulesIndex();

        String alertsIndex();

        String deliveriesIndex();

        /** How many alerts a rule's Atom feed lists. */
        @WithDefault("50")
        int feedSize();

        /** How often {@code threshold} and {@code spike} rules are evaluated (counts over the alias). */
        @WithDefault("30s")
        Duration aggregateInterval();

        /** How many of a window's documents an aggregate alert names as samples. */
        @WithDefault("5")
        int aggregateSamples();
    }

    interface Webhooks {
        /**
         * Hosts (names or literal addresses, compared case-insensitively) that may be called even though they
         * resolve to a loopback, private, link-local or metadata address.
         */
        Optional<List<String>> allowedHosts();

        /** Attempts per delivery, the first included; then the delivery is marked failed. */
        @WithDefault("20")
        int maxAttempts();

        /** A delivery still not delivered this long after it was created is marked failed after its next attempt. */
        @WithDefault("6h")
        Duration maxAge();

        /**
         * AES key (base64 of 16, 24 or 32 bytes) that encrypts webhook secrets and header values in the rules index.
         * When unset, a key is generated once into {@link #secretKeyFile()}.
         */
        Optional<String> secretKey();

        /** Where the generated key is kept when {@link #secretKey()} is unset. */
        java.nio.file.Path secretKeyFile();

        /** Pause after the first failed attempt; doubled after each further one, with jitter. */
        @WithDefault("1s")
        Duration initialDelay();

        @WithDefault("10m")
        Duration maxDelay();

        /** Bound on connecting to and hearing back from a receiver. */
        @WithDefault("10s")
        Duration timeout();

        /** How often pending deliveries are looked for in Elasticsearch (new ones are sent at once). */
        @WithDefault("2s")
        Duration pollInterval();

        /** Deliveries sent at the same time. */
        @WithDefault("4")
        int senders();
    }

    interface Topics {
        /** Input: enriched documents, keyed by document id. */
        String enriched();

        /** Output for records this stage cannot index. */
        String dlq();

        /** Input: feed subscriptions and their health (compacted, key = feed id; a tombstone ends a feed). */
        String feeds();
    }

    interface Index {
        /** What readers and writers use; the versioned index behind it can be replaced without them noticing. */
        String alias();

        /** Version of the mapping this build ships: the index is {@code <alias>-v<version>}. */
        int version();

        /**
         * One document per feed, its latest state, for the feed-health dashboard; mapping from
         * {@code elasticsearch/<name>.json}.
         */
        String feeds();
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
