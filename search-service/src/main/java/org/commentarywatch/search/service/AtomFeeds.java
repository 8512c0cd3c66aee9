package org.commentarywatch.search.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import org.commentarywatch.search.model.Rule;
import org.commentarywatch.search.model.SearchHit;
import org.commentarywatch.search.model.SearchResult;

/** Atom 1.0 feeds, written with ROME: a rule's recent alerts, and any search. */
public final class AtomFeeds {

    public static final String MEDIA_TYPE = "application/atom+xml";

    private AtomFeeds() {
    }

    /** The rule's alerts, newest first; each entry links to the document. */
    public static String forRule(Rule rule, List<? extends JsonNode> alerts, String publicUrl) {
        String self = publicUrl + "/api/rules/" + rule.id() + "/feed.atom";
        SyndFeed feed = feed("Alerts: " + rule.name(), self, "urn:commentary-watch:rule:" + rule.id(),
                "Documents that matched the rule " + rule.name() + (rule.hasQuery() ? " (" + rule.query() + ")" : ""));
        List<SyndEntry> entries = new ArrayList<>();
        Date newest = null;
        for (JsonNode alert : alerts) {
            JsonNode document = alert.path("document");
            Date matched = date(alert.path("matched_at").asText("")).orElseGet(Date::new);
            newest = newest == null || matched.after(newest) ? matched : newest;
            // A threshold or spike alert is about a window, not one document: its own title and link.
            SyndEntry entry = entry(document.path("title").asText(alert.path("title").asText("(untitled)")),
                    document.path("url").asText(document.path("link").asText(alert.path("link").asText(""))),
                    "urn:commentary-watch:alert:" + alert.path("id").asText(), matched);
            entry.setPublishedDate(date(document.path("published").asText("")).orElse(matched));
            StringBuilder summary = new StringBuilder(document.path("summary").asText(""));
            JsonNode why = alert.path("why");
            if (why.has("count")) {
                summary.append("Count: ").append(why.path("count").asText());
                if (why.has("baseline")) {
                    summary.append(", baseline ").append(why.path("baseline").asText());
                }
                List<String> titles = new ArrayList<>();
                why.path("samples").forEach(sample -> titles.add(sample.path("title").asText()));
                if (!titles.isEmpty()) {
                    summary.append("\nFor example: ").append(String.join("; ", titles));
                }
            }
            List<String> reasons = new ArrayList<>();
            why.path("matched_terms").forEach(term -> reasons.add(term.path("text").asText()));
            if (!reasons.isEmpty()) {
                summary.append("\n\nMatched: ").append(String.join(", ", reasons.stream().distinct().toList()));
            }
            if (why.has("stance")) {
                summary.append("\nStance: ").append(why.path("stance").path("label").asText())
                        .append(" (").append(why.path("stance").path("score").asText()).append(')');
            }
            if (why.has("novelty")) {
                summary.append("\nNovelty: ").append(why.path("novelty").asText());
            }
            entry.setDescription(text(summary.toString()));
            entry.setCategories(List.of());
            entries.add(entry);
        }
        feed.setPublishedDate(newest == null ? Date.from(rule.updatedAt() == null ? Instant.now() : rule.updatedAt()) : newest);
        feed.setEntries(entries);
        return write(feed);
    }

    /** A search as a feed: the page of hits, each linking to its document. */
    public static String forSearch(Optional<String> query, SearchResult result, String publicUrl, String selfLink) {
        SyndFeed feed = feed("Search: " + query.orElse("everything"), selfLink,
                "urn:commentary-watch:search:" + query.orElse(""), "Documents matching " + query.orElse("anything"));
        Date now = new Date();
        List<SyndEntry> entries = new ArrayList<>();
        for (SearchHit hit : result.hits()) {
            Date published = hit.published().flatMap(AtomFeeds::date).orElse(now);
            SyndEntry entry = entry(hit.title().isBlank() ? "(untitled)" : hit.title(),
                    publicUrl + "/api/documents/" + hit.id(), "urn:commentary-watch:document:" + hit.id(), published);
            entry.setPublishedDate(published);
            SyndContent summary = new SyndContentImpl();
            summary.setType("html");
            summary.setValue(hit.snippet());
            entry.setDescription(summary);
            entries.add(entry);
        }
        feed.setPublishedDate(now);
        feed.setEntries(entries);
        return write(feed);
    }

    private static SyndFeed feed(String title, String self, String id, String description) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(title);
        feed.setUri(id);
        feed.setDescription(description);
        SyndLink link = new SyndLinkImpl();
        link.setRel("self");
        link.setHref(self);
        link.setType(MEDIA_TYPE);
        feed.setLinks(List.of(link));
        feed.setLink(self);
        SyndPerson author = new SyndPersonImpl();
        author.setName("commentary watch");
        feed.setAuthors(List.of(author));
        feed.setGenerator("commentary watch search-service");
        return feed;
    }

    private static SyndEntry entry(String title, String link, String id, Date updated) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(title);
        entry.setLink(link);
        entry.setUri(id);
        entry.setUpdatedDate(updated);
        return entry;
    }

    private static SyndContent text(String value) {
        SyndContent content = new SyndContentImpl();
        content.setType("text");
        content.setValue(value);
        return content;
    }

    private static String write(SyndFeed feed) {
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the Atom feed: " + e.getMessage(), e);
        }
    }

    static Optional<Date> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Date.from(Instant.parse(text)));
        } catch (DateTimeParseException notInstant) {
            try {
                return Optional.of(Date.from(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)));
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
