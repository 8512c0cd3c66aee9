package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;


/** The shipped retry settings (application.properties, prod profile) against outages of minutes. */
class WebhookRetryScheduleTest {

    private static Duration duration(String value) {
        // As Quarkus reads "1s", "10m" in the configuration.
        return io.quarkus.runtime.configuration.DurationConverter.parseDuration(value);
    }

    @Test
    void theDefaultRetriesSpanAtLeastTenMinutesEvenWithTheShortestJitter() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        int attempts = Integer.parseInt(properties.getProperty("commentary.webhooks.max-attempts"));
        Backoff backoff = new Backoff(duration(properties.getProperty("commentary.webhooks.initial-delay")),
                duration(properties.getProperty("commentary.webhooks.max-delay")));
        Duration shortest = Duration.ZERO;
        for (int failed = 1; failed < attempts; failed++) {
            shortest = shortest.plus(backoff.ceiling(failed).dividedBy(2));
        }
        assertTrue(shortest.compareTo(Duration.ofMinutes(10)) >= 0, "retries give up after " + shortest);
        Duration maxAge = duration(properties.getProperty("commentary.webhooks.max-age"));
        assertTrue(maxAge.compareTo(Duration.ofMinutes(10)) >= 0, "max-age " + maxAge);
    }
}
