package org.commentarywatch.ingest.service.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FeedDiscoveryTest {

    private static final String PAGE = "https://institute.example.org/commentary/";

    private static Optional<String> feedOf(String head) {
        return FeedDiscovery.feedLink(("<!DOCTYPE html><html><head><title>Invented institute</title>" + head
                + "</head><body><p>Latest commentary.</p></body></html>").getBytes(StandardCharsets.UTF_8), PAGE);
    }

    @Test
    void theFirstFeedThePageNamesIsItsFeedResolvedAgainstThePage() {
        assertEquals(Optional.of(PAGE + "feed.xml"), feedOf("""
                <link rel="stylesheet" href="/site.css">
                <link rel="alternate" hreflang="ru" href="/ru/commentary/">
                <link rel="alternate" type="application/rss+xml" title="Commentary" href="feed.xml">
                <link rel="alternate" type="application/atom+xml" href="/atom.xml">
                """));
        assertEquals(Optional.of("https://institute.example.org/atom.xml"), feedOf("""
                <link rel="Alternate" type="application/atom+xml" href="/atom.xml">"""));
        assertEquals(Optional.of("https://feeds.example.net/institute.json"), feedOf("""
                <link rel="alternate" type="application/feed+json" href="https://feeds.example.net/institute.json">"""));
    }

    @Test
    void aPageThatNamesNoFeedHasNone() {
        assertEquals(Optional.empty(), feedOf("<link rel=\"alternate\" hreflang=\"zh\" href=\"/zh/\">"));
        assertEquals(Optional.empty(), feedOf("<link rel=\"alternate\" type=\"application/rss+xml\" "
                + "href=\"javascript:void(0)\">"));
    }

    @Test
    void htmlIsToldFromFeedsByItsFirstTagThenByItsType() {
        byte[] page = "<!-- built -->\n<!doctype html><html></html>".getBytes(StandardCharsets.UTF_8);
        byte[] rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>".getBytes(StandardCharsets.UTF_8);
        assertTrue(FeedDiscovery.isHtml(page, "application/octet-stream"));
        assertTrue(FeedDiscovery.isHtml("<title>No doctype</title><p>Text".getBytes(StandardCharsets.UTF_8),
                "text/html"));
        assertFalse(FeedDiscovery.isHtml(rss, "text/html; charset=utf-8"), "a feed sent as text/html is a feed");
        assertFalse(FeedDiscovery.isHtml(rss, "application/rss+xml"));
        assertFalse(FeedDiscovery.isHtml(rss, ""));
        assertFalse(FeedDiscovery.isHtml("{\"version\":\"https://jsonfeed.org/version/1.1\"}"
                .getBytes(StandardCharsets.UTF_8), "application/json"));
    }
}
