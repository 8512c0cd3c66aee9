package org.commentarywatch.ingest.service.feeds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Feed autodiscovery: an analyst subscribes a site's or a blog's page, and the page names its feed in its head
 * ({@code <link rel="alternate" type="application/rss+xml" href="...">}, or Atom, or JSON Feed). The first such
 * link in the page's order is its feed.
 */
final class FeedDiscovery {

    private static final Pattern HTML_START = Pattern.compile("(?is)^\\s*(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*"
            + "<(!doctype\\s+html|html|head|body)\\b");
    private static final Pattern FEED_START = Pattern.compile(
            "(?is)^\\s*(<\\?xml|\\{|<(rss|feed|rdf:RDF|urlset|sitemapindex)\\b)");
    private static final int SNIFFED_BYTES = 2048;

    private FeedDiscovery() {
    }

    /**
     * Whether a subscribed URL answered with an HTML page rather than a feed: by its first tag, else by its type
     * unless it starts like a feed (servers that send their feed as {@code text/html} exist).
     */
    static boolean isHtml(byte[] body, String contentType) {
        String start = new String(body, 0, Math.min(body.length, SNIFFED_BYTES), StandardCharsets.UTF_8);
        start = start.startsWith("\uFEFF") ? start.substring(1) : start;
        if (HTML_START.matcher(start).find()) {
            return true;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.contains("text/html") && !FEED_START.matcher(start).find();
    }

    /** The absolute URL of the first feed the page names, resolved against where the page was fetched. */
    static Optional<String> feedLink(byte[] html, String pageUrl) {
        Document page;
        try {
            // No charset given: jsoup takes the page's own (BOM, then <meta charset>), else UTF-8.
            page = Jsoup.parse(new ByteArrayInputStream(html), null, pageUrl);
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes held in memory", e);
        }
        for (Element link : page.select("link[href]")) {
            boolean alternate = link.attr("rel").toLowerCase(Locale.ROOT).matches("(.*\\s)?alternate(\\s.*)?");
            String type = link.attr("type").toLowerCase(Locale.ROOT).strip();
            if (alternate && (type.equals("application/rss+xml") || type.equals("application/atom+xml")
                    || type.equals("application/feed+json"))) {
                String href = link.absUrl("href");
                if (href.regionMatches(true, 0, "http", 0, 4)) {
                    return Optional.of(href);
                }
            }
        }
        return Optional.empty();
    }
}
