package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.model.Rule;
import org.commentarywatch.search.model.RuleConditions;
import org.commentarywatch.search.model.SearchHit;
import org.commentarywatch.search.model.SearchResult;

class AtomFeedsTest {

    @Test
    void aRulesAlertsFeedIsAtom10WithOneEntryPerAlertLinkingTheDocument() throws Exception {
        Rule rule = new Rule("r1", "Energy & convergence", "gas", RuleConditions.NONE, "match", null, true, Instant.EPOCH,
                Instant.EPOCH, null);
        ObjectNode alert = Fixtures.JSON.createObjectNode().put("id", "a1").put("matched_at", "2026-11-20T09:15:03Z");
        alert.putObject("document").put("title", "Pipelines <before> partnership").put("url", "https://example.org/p")
                .put("published", "2026-10-14").put("summary", "Every few months...");
        alert.putObject("why").putArray("matched_terms").addObject().put("field", "text").put("text", "gas");

        String xml = AtomFeeds.forRule(rule, List.of(alert), "http://localhost:8083");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));

        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals("Alerts: Energy & convergence", feed.getTitle());
        assertEquals(1, feed.getEntries().size());
        assertEquals("Pipelines <before> partnership", feed.getEntries().get(0).getTitle());
        assertEquals("https://example.org/p", feed.getEntries().get(0).getLink());
        assertEquals("urn:commentary-watch:alert:a1", feed.getEntries().get(0).getUri());
        assertTrue(feed.getEntries().get(0).getDescription().getValue().contains("Matched: gas"));
        assertTrue(xml.contains("xmlns=\"http://www.w3.org/2005/Atom\""), xml);
    }

    @Test
    void aSearchFeedListsTheHits() throws Exception {
        SearchResult result = new SearchResult(1, 1, 10, List.of(new SearchHit("d1", "A title", "a <em>gas</em> deal", 1.0,
                Optional.of("2026-10-14"), Optional.empty(), "en", false, Optional.empty(), List.of(), List.of(),
                Optional.empty(), java.util.Map.of())),
                new org.commentarywatch.search.model.SearchFacets(List.of(), List.of(), List.of(), List.of(), List.of()));
        String xml = AtomFeeds.forSearch(Optional.of("gas"), result, "http://localhost:8083",
                "http://localhost:8083/api/search/feed.atom?q=gas");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals("http://localhost:8083/api/documents/d1", feed.getEntries().get(0).getLink());
    }
}
