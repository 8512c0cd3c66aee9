package org.commentarywatch.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commentarywatch.ingest.config.CommentaryConfig;
import org.commentarywatch.ingest.model.Feed;
import org.commentarywatch.ingest.service.DocumentIds;
import org.commentarywatch.ingest.service.UrlCanonicalizer;
import org.commentarywatch.ingest.service.feeds.FeedService;
import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Feed items whose links are pages: HTML articles and two-column PDF reports served by a local fixture server under
 * two host names (127.0.0.1 and localhost, so the per-host politeness alternates), fetched, extracted, cleaned and
 * published to commentary.raw; pages that may not or cannot be fetched become dead letters on commentary.dlq.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class FeedPageFetchIT {

    private static final int ITEMS = 20;
    private static FeedFixtureServer server;

    @Inject
    FeedService feeds;

    @Inject
    CommentaryConfig config;

    @Inject
    ObjectMapper mapper;

    static String host(int n) {
        return n % 4 < 2 ? "127.0.0.1" : "localhost";
    }

    static boolean isPdf(int n) {
        return n % 2 == 0;
    }

    static String title(int n) {
        return (isPdf(n) ? "Invented waterways report " : "Invented harbour story ") + n;
    }

    /** What the feed links to: HTML with a tracking parameter (one through a redirect), PDFs as they are. */
    static String link(int n) {
        if (n == 3) {
            return server.url(host(n), "/go/3");
        }
        return isPdf(n) ? server.url(host(n), "/reports/" + n + ".pdf")
                : server.url(host(n), "/articles/" + n + ".html?utm_source=feed&utm_medium=rss");
    }

    /** Where the document should end: an article's rel=canonical, a report's URL. */
    static String canonical(int n) {
        return isPdf(n) ? server.url(host(n), "/reports/" + n + ".pdf") : server.url(host(n), "/articles/" + n);
    }

    static String item(String title, String link, Optional<String> author, int day, Optional<String> description) {
        return """
                <item><title>%s</title><link>%s</link>%s<pubDate>%s, %02d Nov 2026 07:45:00 GMT</pubDate>%s</item>
                """.formatted(title, link.replace("&", "&amp;"),
                author.map(a -> "<dc:creator>" + a + "</dc:creator>").orElse(""),
                java.time.LocalDate.of(2026, 11, day).getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT,
                        java.util.Locale.ENGLISH), day,
                description.map(d -> "<description>" + d + "</description>").orElse(""));
    }

    static String rss(String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel><title>Invented waterways monitor</title><link>http://127.0.0.1/</link>
                <description>Fixture</description>
                %s</channel></rss>
                """.formatted(items);
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = new FeedFixtureServer();
        server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        StringBuilder items = new StringBuilder();
        for (int n = 1; n <= ITEMS; n++) {
            if (isPdf(n)) {
                // One report is sent as octet-stream, as download servers do: recognised by its first bytes.
                server.serve("/reports/" + n + ".pdf", n == 4 ? "application/octet-stream" : "application/pdf",
                        PageFixtures.report(n, title(n)));
                items.append(item(title(n), link(n), Optional.of("Report Writer " + n), n, Optional.empty()));
            } else {
                // The page names its author in JSON-LD; the feed does not: the page fills it in.
                server.serve("/articles/" + n + ".html", "text/html; charset=utf-8", PageFixtures.article(n,
                        title(n), canonical(n), "Page Author " + n, "2026-11-%02dT07:45:00Z".formatted(n)));
                items.append(item(title(n), link(n), Optional.empty(), n, Optional.empty()));
            }
        }
        server.redirect("/go/3", 301, "/articles/3.html?utm_source=feed");
        server.serve("/pages.xml", "application/rss+xml", rss(items.toString()));

        byte[] huge = new byte[11 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        System.arraycopy("<html><body><p>".getBytes(), 0, huge, 0, 15);
        server.serveChunked("/huge.html", "text/html", huge);
        server.serve("/private/memo.html", "text/html", PageFixtures.article(41, "A memo", "", "X", "2026-11-01"));
        server.serve("/articles/43.html", "text/html", PageFixtures.article(43, "Invented harbour story 43",
                server.url("/articles/43"), "Page Author 43", "2026-11-03"));
        server.serve("/bad.xml", "application/rss+xml", rss(
                item("A disallowed memo", server.url("/private/memo.html"), Optional.empty(), 1, Optional.empty())
                + item("An oversized page", server.url("/huge.html"), Optional.empty(), 2, Optional.empty())
                + item("Invented harbour story 43", server.url("/articles/43.html"), Optional.empty(), 3,
                        Optional.empty())
                + item("A disallowed page the feed quotes in full", server.url("/private/quoted.html"),
                        Optional.empty(), 4, Optional.of("&lt;p&gt;The feed carries this invented item in full: "
                                + "lock keepers on the canal ask for a second shift during the summer season, when "
                                + "pleasure boats queue at every gate.&lt;/p&gt;"))));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private String subscribe(String url) {
        return given().contentType(ContentType.JSON).body(Map.of("url", url))
                .when().post("/api/feeds")
                .then().statusCode(201)
                .extract().path("feed_id");
    }

    @Test
    void aFeedOf20ItemsLinkingToPagesAndPdfsBecomes20CleanDocumentsOnce() throws Exception {
        try (RawTopic raw = new RawTopic(LocalStackTestResource.stack().kafkaBootstrapServers(),
                config.topics().raw())) {
            String feedId = subscribe(server.url("/pages.xml"));
            Feed first = feeds.pollNow(feedId).orElseThrow();
            assertEquals(ITEMS, first.itemsNew(), () -> "health: " + first);
            assertEquals(0, first.itemsFailed(), () -> "health: " + first);
            assertTrue(first.lastError().isEmpty(), () -> "health: " + first);

            for (int n = 1; n <= ITEMS; n++) {
                String url = canonical(n);
                assertEquals(url, UrlCanonicalizer.canonicalize(url));
                JsonNode doc = raw.awaitDocument(DocumentIds.of(Optional.of(url), ""));
                String text = doc.path("text").asText();
                String where = "item " + n + ": " + doc;
                assertEquals(title(n), doc.path("title").asText(), where);
                assertEquals(url, doc.path("url").asText(), where);
                assertTrue(doc.path("published").asText().startsWith("2026-11-%02dT07:45".formatted(n)), where);
                assertEquals(server.url("/pages.xml"), doc.path("source").asText(), where);
                if (isPdf(n)) {
                    assertEquals("application/pdf", doc.path("content_type").asText(), where);
                    assertEquals("Report Writer " + n, doc.path("authors").path(0).asText(), where);
                    int previous = -1;
                    for (String opening : PageFixtures.REPORT_OPENINGS) {
                        int at = text.indexOf(opening.formatted(n));
                        assertTrue(at > previous, "columns out of reading order at '" + opening + "' in " + where);
                        previous = at;
                    }
                    assertFalse(text.contains(PageFixtures.RUNNING_HEAD), "running head left in " + where);
                    assertFalse(text.matches("(?s).*Page \\d of 2.*"), "page number left in " + where);
                } else {
                    assertEquals("text/html", doc.path("content_type").asText(), where);
                    assertEquals("Page Author " + n, doc.path("authors").path(0).asText(), where);
                    assertTrue(text.startsWith(PageFixtures.articleOpening(n)), where);
                    assertTrue(text.contains("rather than during the morning tide."), where);
                    for (String furniture : PageFixtures.PAGE_FURNITURE) {
                        assertFalse(text.contains(furniture), "'" + furniture + "' left in " + where);
                    }
                }
            }

            // Polling again: a conditional GET, 304, nothing new, visible in the health.
            Feed second = feeds.pollNow(feedId).orElseThrow();
            assertEquals(304, second.httpStatus().orElseThrow());
            assertEquals(1, server.notModifiedCount("/pages.xml"));
            given().when().get("/api/feeds/" + feedId).then().statusCode(200)
                    .body("http_status", equalTo(304)).body("items_new", equalTo(0))
                    .body("items_failed", equalTo(0)).body("consecutive_failures", equalTo(0));
            assertTrue(raw.recordsSince(Duration.ofSeconds(2)).isEmpty(), "the second poll sent something");
        }
    }

    @Test
    void pagesThatMayNotOrCannotBeFetchedBecomeDeadLettersAndTheRestFlows() throws Exception {
        try (RawTopic raw = new RawTopic(LocalStackTestResource.stack().kafkaBootstrapServers(),
                config.topics().raw());
                RawTopic dlq = new RawTopic(LocalStackTestResource.stack().kafkaBootstrapServers(),
                        config.topics().dlq())) {
            String feedId = subscribe(server.url("/bad.xml"));
            Feed after = feeds.pollNow(feedId).orElseThrow();
            assertEquals(2, after.itemsNew(), after::toString);
            assertEquals(2, after.itemsFailed(), after::toString);
            assertEquals(2, after.itemsFailedTotal(), after::toString);
            assertEquals(0, after.consecutiveFailures(), after::toString);
            given().when().get("/api/feeds/" + feedId).then().statusCode(200)
                    .body("items_failed", equalTo(2)).body("items_failed_total", equalTo(2))
                    .body("last_error", containsString(config.topics().dlq()))
                    .body("last_error", containsString("robots_disallowed"));

            Map<String, String> expected = Map.of(server.url("/private/memo.html"), "robots_disallowed",
                    server.url("/huge.html"), "too_large");
            for (var e : expected.entrySet()) {
                String key = DocumentIds.of(Optional.of(UrlCanonicalizer.canonicalize(e.getKey())), "");
                List<ConsumerRecord<String, String>> letters = dlq.awaitKey(key, 1);
                assertEquals(1, letters.size());
                String value = letters.get(0).value();
                assertEquals(Set.of(), Schemas.validate("dlq-record.schema.json", value), value);
                JsonNode letter = mapper.readTree(value);
                assertEquals("ingest", letter.path("stage").asText());
                assertEquals(e.getValue(), letter.path("cause").path("type").asText(), value);
                assertFalse(letter.path("cause").path("message").asText().isBlank());
                assertEquals(e.getKey(), letter.path("source").path("url").asText(), value);
                assertEquals(key, letter.path("document_id").asText());
                JsonNode item = mapper.readTree(letter.path("payload").asText());
                assertEquals(e.getKey(), item.path("link").asText(), value);
            }

            // The rest flowed: the good page, and the refused page the feed carried in full (from the feed's text).
            JsonNode good = raw.awaitDocument(DocumentIds.of(Optional.of(server.url("/articles/43")), ""));
            assertTrue(good.path("text").asText().startsWith(PageFixtures.articleOpening(43)), good.toString());
            JsonNode quoted = raw.awaitDocument(DocumentIds.of(Optional.of(server.url("/private/quoted.html")), ""));
            assertTrue(quoted.path("text").asText().contains("lock keepers on the canal"), quoted.toString());
            assertEquals(0, server.requestCount("/private/memo.html") + server.requestCount("/private/quoted.html"),
                    "a page robots.txt disallows was requested");
        }
    }
}
