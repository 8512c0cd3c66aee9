package org.commentarywatch.enrich.config;

import io.smallrye.config.ConfigMapping;

/** The Elasticsearch index this service reads, never writes ({@code commentary.index.*}, named as in search-service). */
@ConfigMapping(prefix = "commentary.index")
public interface IndexConfig {

    /** The alias search-service writes through; kNN neighbours are searched through it. */
    String alias();
}
