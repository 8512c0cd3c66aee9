package org.commentarywatch.enrich.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/**
 * The service's own settings, all given in application.properties. Topic names live here once; channel
 * configuration refers to them.
 */
@ConfigMapping(prefix = "commentary")
public interface CommentaryConfig {

    Topics topics();

    Enrich enrich();

    Health health();

    interface Topics {
        /** Cleaned documents from ingest-service. */
        String raw();

        /** Raw documents plus their enrichment, read by search-service. */
        String enriched();

        /** Dead-letter records of every stage. */
        String dlq();
    }

    interface Enrich {
        /**
         * Name and version of the enrichment written into every record. It versions the analysis rather than
         * the artifact, so that a change in what is computed can be told apart downstream and re-run.
         */
        String enricher();
    }

    interface Health {
        /** How long readiness waits for a Kafka broker to answer before it reports DOWN. */
        Duration kafkaTimeout();
    }
}
