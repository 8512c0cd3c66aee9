package org.commentarywatch.ingest.model;

import java.util.List;

/**
 * The label vocabularies of {@code deploy/schemas/raw-document.schema.json}. A unit test compares them with the
 * schema, so a change there fails the build here until this is brought in line.
 */
public final class Vocabulary {

    public static final List<String> STANCES = List.of("convergence", "divergence", "neutral", "off_topic");

    public static final List<String> THEMES = List.of("energy", "military", "sanctions_economy", "ukraine", "taiwan",
            "nato_expansion", "us_indo_pacific", "world_order_ideology", "un_diplomacy", "technology",
            "central_asia", "history", "regime_security", "trade_finance");

    private Vocabulary() {
    }
}
