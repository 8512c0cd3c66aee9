package org.commentarywatch.ingest.service.feeds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;

/**
 * Reads RSS 0.9x/1.0/2.0 and Atom 1.0 (ROME) and JSON Feed 1.0/1.1 (Jackson) into {@link FeedItem}s. XML is read
 * with DOCTYPE declarations refused ({@code allowDoctypes=false}: ROME then sets the SAX feature
 * {@code disallow-doctype-decl}), so neither external entities (XXE) nor entity expansion can happen.
 */
public final class FeedParser {

    /** A feed that cannot be read: the message says why. */
    public static class UnparsableFeedException extends RuntimeException {
        public UnparsableFeedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedParser() {
    }

    public static List<FeedItem> parse(byte[] body, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json") || firstChar(body) == '{') {
            return parseJsonFeed(body);
        }
        return parseXml(body);
    }

    private static int firstChar(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b;
            }
        }
        return -1;
    }

    static List<FeedItem> parseXml(byte[] body) {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        SyndFeed feed;
        try {
            feed = input.build(new InputSource(new ByteArrayInputStream(body)));
        } catch (FeedException | IllegalArgumentException e) {
            throw new UnparsableFeedException("not a readable RSS/Atom feed: " + rootMessage(e), e);
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            Set<String> authors = new LinkedHashSet<>();
            for (SyndPerson p : e.getAuthors()) {
                nonBlank(p.getName()).ifPresent(authors::add);
            }
            if (authors.isEmpty()) {
                nonBlank(e.getAuthor()).ifPresent(authors::add);
            }
            Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            Optional<String> html = Optional.empty();
            Optional<String> text = Optional.empty();
            List<SyndContent> contents = new ArrayList<>(e.getContents());
            if (e.getDescription() != null) {
                contents.add(e.getDescription());
            }
            for (SyndContent c : contents) {
                Optional<String> value = nonBlank(c.getValue());
                if (value.isEmpty()) {
                    continue;
                }
                String t = c.getType() == null ? "" : c.getType().toLowerCase(Locale.ROOT);
                // RSS descriptions are HTML unless stated otherwise; Atom says "text", "html" or "xhtml".
                if (t.equals("text") || t.equals("text/plain")) {
                    if (text.isEmpty()) {
                        text = value;
                    }
                } else if (html.isEmpty()) {
                    html = value;
                }
            }
            items.add(new FeedItem(nonBlank(e.getUri()), nonBlank(e.getTitle()), nonBlank(e.getLink()),
                    List.copyOf(authors), Optional.ofNullable(date).map(Date::toInstant), html, text));
        }
        return items;
    }

    static List<FeedItem> parseJsonFeed(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new UnparsableFeedException("not a readable JSON Feed: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("version").asText("").startsWith("https://jsonfeed.org/")
                || !root.path("items").isArray()) {
            throw new UnparsableFeedException("not a JSON Feed: no version https://jsonfeed.org/... or no items",
                    null);
        }
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            Set<String> authors = new LinkedHashSet<>();
            for (JsonNode a : item.path("authors")) {
                nonBlank(a.path("name").asText(null)).ifPresent(authors::add);
            }
            if (authors.isEmpty()) {
                nonBlank(item.path("author").path("name").asText(null)).ifPresent(authors::add);
            }
            if (authors.isEmpty()) {
                for (JsonNode a : root.path("authors")) {
                    nonBlank(a.path("name").asText(null)).ifPresent(authors::add);
                }
            }
            Optional<Instant> published = nonBlank(item.path("date_published").asText(null))
                    .or(() -> nonBlank(item.path("date_modified").asText(null)))
                    .flatMap(FeedParser::rfc3339);
            Optional<String> html = nonBlank(item.path("content_html").asText(null));
            Optional<String> text = nonBlank(item.path("content_text").asText(null))
                    .or(() -> nonBlank(item.path("summary").asText(null)));
            items.add(new FeedItem(nonBlank(item.path("id").asText(null)), nonBlank(item.path("title").asText(null)),
                    nonBlank(item.path("url").asText(null)).or(() -> nonBlank(item.path("external_url").asText(null))),
                    List.copyOf(authors), published, html, text));
        }
        return items;
    }

    private static Optional<Instant> rfc3339(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
