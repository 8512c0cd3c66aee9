package org.commentarywatch.ingest.service.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RobotsRulesTest {

    private static final String AGENT = RobotsRules.agentName("commentary-watch-ingest/0.1 (+https://example.org)");
    private static final String ROBOTS = "https://site.example/robots.txt";

    private static RobotsRules parse(String robots) {
        return RobotsRules.parse(ROBOTS, robots.getBytes(StandardCharsets.UTF_8), "text/plain", AGENT);
    }

    @Test
    void theAgentNameIsTheUserAgentsProductToken() {
        assertEquals("commentary-watch-ingest", AGENT);
        assertEquals("bot", RobotsRules.agentName("bot"));
    }

    @Test
    void aGroupNamingThisCrawlerOverridesTheWildcardGroup() {
        RobotsRules rules = parse("""
                User-agent: *
                Disallow: /

                User-agent: commentary-watch-ingest
                Disallow: /private/
                Allow: /private/open-letter
                """);
        assertTrue(rules.allows("https://site.example/articles/1"));
        assertFalse(rules.allows("https://site.example/private/notes"));
        assertTrue(rules.allows("https://site.example/private/open-letter"));
    }

    @Test
    void theWildcardGroupAppliesWhenNoGroupNamesThisCrawler() {
        RobotsRules rules = parse("""
                User-agent: otherbot
                Disallow:

                User-agent: *
                Disallow: /reports/*.pdf$
                """);
        assertFalse(rules.allows("https://site.example/reports/annual.pdf"));
        assertTrue(rules.allows("https://site.example/reports/annual.html"));
    }

    @Test
    void aCrawlDelayIsHonouredUpToTheCapAndNeverBelowTheMinimum() {
        Duration min = Duration.ofSeconds(1);
        Duration cap = Duration.ofSeconds(30);
        assertEquals(Optional.of(Duration.ofSeconds(5)), parse("User-agent: *\nCrawl-delay: 5\n").crawlDelay());
        assertEquals(Duration.ofSeconds(5), parse("User-agent: *\nCrawl-delay: 5\n").interval(min, cap));
        // A site asking two minutes is fetched, but every 30 s: the parser's own rule would refuse the whole site.
        RobotsRules slow = parse("User-agent: *\nCrawl-delay: 120\nDisallow: /x\n");
        assertTrue(slow.allows("https://site.example/articles/1"));
        assertEquals(cap, slow.interval(min, cap));
        assertEquals(min, parse("User-agent: *\nCrawl-delay: 0.2\n").interval(min, cap));
        assertEquals(min, parse("User-agent: *\nDisallow:\n").interval(min, cap));
    }

    @Test
    void missingRulesAllowEverythingAndUnavailableRulesNothing() {
        assertTrue(RobotsRules.allowAll().allows("https://site.example/anything"));
        RobotsRules down = RobotsRules.unavailable("robots.txt answered HTTP 503");
        assertFalse(down.allows("https://site.example/anything"));
        assertTrue(down.unavailable().isPresent());
    }
}
