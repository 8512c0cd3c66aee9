package org.commentarywatch.ingest.service.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * What one site's robots.txt allows this crawler (crawler-commons' parser, RFC 9309 matching), or why it cannot be
 * known. Missing robots.txt (any 4xx) allows everything; a 5xx or no answer is "unavailable": nothing is fetched from
 * the site until it is asked again, as RFC 9309 says.
 *
 * @param unavailable why the rules could not be read, when they could not
 */
record RobotsRules(BaseRobotRules rules, Optional<String> unavailable) {

    static RobotsRules allowAll() {
        return new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), Optional.empty());
    }

    static RobotsRules unavailable(String why) {
        return new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), Optional.of(why));
    }

    /**
     * @param robotsUrl where the file was read (the parser needs it for relative sitemap links)
     * @param agentName the product token this crawler answers to, matched case-insensitively against
     *        {@code User-agent} lines
     */
    static RobotsRules parse(String robotsUrl, byte[] body, String contentType, String agentName) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        // The parser refuses a whole site whose Crawl-delay exceeds its own maximum; here a long delay is honoured
        // up to the configured cap instead, so the parser must keep the value.
        parser.setMaxCrawlDelay(Long.MAX_VALUE);
        return new RobotsRules(parser.parseContent(robotsUrl, body, contentType == null ? "text/plain" : contentType,
                List.of(agentName.toLowerCase(Locale.ROOT))), Optional.empty());
    }

    boolean allows(String url) {
        return unavailable.isEmpty() && rules.isAllowed(url);
    }

    /** The site's Crawl-delay for this agent, if it states one. */
    Optional<Duration> crawlDelay() {
        long millis = rules.getCrawlDelay();
        return millis == BaseRobotRules.UNSET_CRAWL_DELAY || millis < 0 ? Optional.empty()
                : Optional.of(Duration.ofMillis(millis));
    }

    /** The wait between two requests to the site: the minimum, or its Crawl-delay up to {@code cap}. */
    Duration interval(Duration minimum, Duration cap) {
        Duration delay = crawlDelay().map(d -> d.compareTo(cap) > 0 ? cap : d).orElse(Duration.ZERO);
        return delay.compareTo(minimum) > 0 ? delay : minimum;
    }

    /** {@code commentary-watch-ingest/0.1 (+https://...)} → {@code commentary-watch-ingest}. */
    static String agentName(String userAgent) {
        String token = userAgent.strip().split("[/\\s]", 2)[0];
        return token.isEmpty() ? "*" : token;
    }
}
