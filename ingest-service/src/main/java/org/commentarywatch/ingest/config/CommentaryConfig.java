package org.commentarywatch.ingest.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings, under {@code commentary.*}. */
@ConfigMapping(prefix = "commentary")
public interface CommentaryConfig {

    Topics topics();

    /** When present, the write operations (documents, feeds) require it in the {@code X-API-Key} header. */
    Optional<String> apiKey();

    Ingest ingest();

    Health health();

    /** Bounds on reading documents (PDF, HTML) submitted whole. */
    ExtractionLimits extraction();

    interface Topics {
        /** Where accepted documents go ({@code commentary.raw}). */
        String raw();

        /**
         * Dead letters ({@code commentary.dlq}): feed items whose page could not be fetched or read. HTTP callers
         * get their failures as answers instead.
         */
        String dlq();

        /** Feed subscriptions and their health, compacted, keyed by feed id ({@code commentary.feeds}). */
        String feeds();

        /**
         * Content already emitted, compacted, keyed by content fingerprint ({@code commentary.fingerprints}): what
         * makes an exact duplicate under another URL recognisable after a restart.
         */
        String fingerprints();
    }

    DropFolder dropFolder();

    interface DropFolder {
        /** The watched directory; unset disables the drop folder. {@code processed/} and {@code failed/} go inside. */
        Optional<String> dir();

        /** How often the folder is scanned, whatever the file system's change events say. */
        @WithDefault("2s")
        Duration scanInterval();

        /** How long a file's size and modification time must stay unchanged before it is read. */
        @WithDefault("1s")
        Duration settleTime();
    }

    /** Fetching pages: behind feed items and for URLs submitted without text. */
    Fetch fetch();

    interface Fetch {
        /** Least time between two requests to one host (robots.txt included), unless its Crawl-delay asks more. */
        @WithDefault("1s")
        Duration minDelayPerHost();

        /** Longest robots.txt Crawl-delay honoured; a longer one is waited this long. */
        @WithDefault("30s")
        Duration maxCrawlDelay();

        /** Larger responses are aborted while streaming (413 for a submitted URL, a DLQ record for a feed item). */
        @WithDefault("10485760")
        long maxBytes();

        /** Redirects followed per fetch; each hop is checked for its scheme and against robots.txt again. */
        @WithDefault("5")
        int maxRedirects();

        @WithDefault("10s")
        Duration connectTimeout();

        /** Longest one response may take, body included. */
        @WithDefault("30s")
        Duration readTimeout();

        /** How long a host's robots.txt (or its absence) is trusted before it is fetched again. */
        @WithDefault("1h")
        Duration robotsCacheTtl();
    }

    Feeds feeds();

    interface Feeds {
        /** Polling interval of a feed subscribed without one. */
        @WithDefault("15m")
        Duration defaultInterval();

        /** Lower bound of every interval, the adaptive one included. */
        @WithDefault("1m")
        Duration minInterval();

        /** Upper bound of every interval, the adaptive one included. */
        @WithDefault("24h")
        Duration maxInterval();

        /**
         * User-Agent sent with every feed and page request; its product token (before the first '/') is the name
         * matched against robots.txt groups.
         */
        @WithDefault("commentary-watch-ingest/0.1 (+https://github.com/commentary-watch)")
        String userAgent();

        @WithDefault("10s")
        Duration connectTimeout();

        /** Longest a whole feed response may take. */
        @WithDefault("30s")
        Duration readTimeout();

        /** Larger feed responses are refused (a failure in the feed's health). */
        @WithDefault("10485760")
        long maxBytes();

        /** How many item ids each feed remembers as already emitted (newest kept). */
        @WithDefault("1000")
        int seenIdsPerFeed();

        /**
         * New items one poll takes at most (each may be a page fetch); the rest are taken by the next polls, the
         * newest first.
         */
        @WithDefault("50")
        int maxNewItemsPerPoll();

        /**
         * A sitemap subscription takes only the pages dated within this age ({@code news:publication_date}, else
         * {@code lastmod}): a sitemap lists a site's archive, and only what is recent is news.
         */
        @WithDefault("48h")
        Duration sitemapMaxAge();

        /** Of a sitemap index, how many of its most recent sitemaps each poll reads. */
        @WithDefault("3")
        int sitemapChildren();

        /** How often the scheduler looks for feeds that are due; "off" disables polling on a schedule. */
        @WithDefault("10s")
        String pollTick();
    }

    interface Ingest {
        /**
         * How long a request waits for Kafka's acknowledgement before it answers 503. Kafka itself nacks after
         * about {@code delivery.timeout.ms}; this also bounds the time a record can wait in the emitter's buffer
         * behind others.
         */
        @WithDefault("45s")
        Duration ackTimeout();
    }

    interface ExtractionLimits {
        /** PDFs with more pages are refused (422 too_many_pages). */
        @WithDefault("300")
        int pdfMaxPages();

        /** Longest a single document may take to read; longer gives 422 extraction_timeout. */
        @WithDefault("30s")
        Duration timeout();
    }

    interface Health {
        /** How long the readiness check waits for a Kafka broker before it reports DOWN. */
        @WithDefault("3s")
        Duration kafkaTimeout();
    }
}
