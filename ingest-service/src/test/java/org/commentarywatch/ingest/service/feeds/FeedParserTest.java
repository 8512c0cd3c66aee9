package org.commentarywatch.ingest.service.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.commentarywatch.ingest.service.InvalidDocumentException;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private static List<FeedItem> parse(String body, String type) {
        return FeedParser.parse(body.getBytes(StandardCharsets.UTF_8), type);
    }

    @Test
    void rss091ItemsAreRead() {
        List<FeedItem> items = parse("""
                <?xml version="1.0"?>
                <rss version="0.91"><channel><title>Old</title><link>https://old.example.org/</link>
                <description>d</description><language>en</language>
                <item><title>An old-style item</title><link>https://old.example.org/a</link>
                <description>Plain words.</description></item></channel></rss>
                """, "text/xml");
        assertEquals(1, items.size());
        assertEquals(Optional.of("An old-style item"), items.get(0).title());
        assertEquals(Optional.of("https://old.example.org/a"), items.get(0).link());
    }

    @Test
    void rss10RdfItemsWithDublinCoreAreRead() {
        List<FeedItem> items = parse("""
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="https://rdf.example.org/"><title>RDF</title><link>https://rdf.example.org/</link>
                    <description>d</description></channel>
                  <item rdf:about="https://rdf.example.org/1"><title>An RDF item</title>
                    <link>https://rdf.example.org/1</link><dc:creator>Dee Writer</dc:creator>
                    <dc:date>2026-10-01T12:00:00Z</dc:date></item>
                </rdf:RDF>
                """, "application/rdf+xml");
        assertEquals(1, items.size());
        assertEquals(List.of("Dee Writer"), items.get(0).authors());
        assertEquals(Optional.of(Instant.parse("2026-10-01T12:00:00Z")), items.get(0).published());
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsEverResolvedOrExpanded() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&x;</title><item><title>&x;</title></item></channel></rss>
                """;
        String billionLaughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <rss version="2.0"><channel><title>&lol3;</title></channel></rss>
                """;
        for (String body : List.of(xxe, billionLaughs)) {
            FeedParser.UnparsableFeedException e = assertThrows(FeedParser.UnparsableFeedException.class,
                    () -> parse(body, "application/rss+xml"));
            assertTrue(e.getMessage().toLowerCase().contains("doctype"), e.getMessage());
        }
    }

    @Test
    void jsonFeed10And11AuthorsAreRead() {
        List<FeedItem> items = parse("""
                {"version": "https://jsonfeed.org/version/1", "title": "t", "items": [
                  {"id": "1", "url": "https://j.example.org/1", "title": "One", "author": {"name": "Old Style"},
                   "content_html": "<p>Some <b>html</b></p>", "date_published": "2026-11-01T10:00:00-05:00"}]}
                """, "application/json");
        assertEquals(List.of("Old Style"), items.get(0).authors());
        assertEquals(Optional.of("<p>Some <b>html</b></p>"), items.get(0).html());
        assertEquals(Optional.of(Instant.parse("2026-11-01T15:00:00Z")), items.get(0).published());
    }

    @Test
    void somethingThatIsNotAFeedIsUnparsable() {
        assertThrows(FeedParser.UnparsableFeedException.class, () -> parse("{\"hello\": 1}", "application/json"));
        assertThrows(FeedParser.UnparsableFeedException.class, () -> parse("<html><body>no</body></html>", "text/html"));
        assertThrows(FeedParser.UnparsableFeedException.class, () -> parse("", ""));
    }

    @Test
    void intervalsAcceptSecondsShortDurationsAndIso8601() {
        assertEquals(Duration.ofSeconds(900), FeedService.parseInterval("900"));
        assertEquals(Duration.ofMinutes(15), FeedService.parseInterval("15m"));
        assertEquals(Duration.ofHours(1), FeedService.parseInterval("PT1H"));
        assertThrows(InvalidDocumentException.class, () -> FeedService.parseInterval("soon"));
    }

    @Test
    void onlyHttpAndHttpsFeedUrlsAreAccepted() {
        assertEquals("https://example.org/feed", FeedService.canonicalFeedUrl("HTTPS://Example.org/feed/?utm_medium=x"));
        assertThrows(InvalidDocumentException.class, () -> FeedService.canonicalFeedUrl("ftp://example.org/feed"));
        assertThrows(InvalidDocumentException.class, () -> FeedService.canonicalFeedUrl(""));
    }

    @Test
    void aFeedIsFetchedWithTheTrailingSlashItWasWrittenWithAndIdentifiedWithout() {
        String canonical = FeedService.canonicalFeedUrl("HTTPS://Example.org/commentary/?utm_medium=x&b=2&a=1");
        assertEquals("https://example.org/commentary?a=1&b=2", canonical);
        assertEquals("https://example.org/commentary/?a=1&b=2",
                FeedService.withWrittenTrailingSlash("HTTPS://Example.org/commentary/?utm_medium=x&b=2&a=1", canonical));
        assertEquals("https://example.org/feed.xml", FeedService.withWrittenTrailingSlash(
                "https://example.org/feed.xml", FeedService.canonicalFeedUrl("https://example.org/feed.xml")));
        assertEquals("https://example.org/", FeedService.withWrittenTrailingSlash("https://example.org/",
                FeedService.canonicalFeedUrl("https://example.org/")));
    }

    @Test
    void htmlContentBecomesParagraphs() {
        assertEquals("One.\n\nTwo.", FeedService.htmlToText("<p>One.</p><p>Two.</p>"));
    }
}
