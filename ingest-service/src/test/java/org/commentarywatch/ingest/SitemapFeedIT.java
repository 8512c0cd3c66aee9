package org.commentarywatch.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.commentarywatch.ingest.config.CommentaryConfig;
import org.commentarywatch.ingest.model.Feed;
import org.commentarywatch.ingest.service.DocumentIds;
import org.commentarywatch.ingest.service.feeds.FeedService;
import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * A site's sitemap index subscribed like a feed: its most recent sitemaps are read (a news sitemap, a gzipped one),
 * the pages they date within the last two days are fetched and published to commentary.raw, older and undated ones
 * are not (the health says how many went undated), and
 * the next poll finds the page a sitemap gained although the index itself did not change. A broken .gz file fails
 * the poll and says why.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class SitemapFeedIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static FeedFixtureServer server;

    @Inject
    FeedService feeds;

    @Inject
    CommentaryConfig config;

    private static String page(int n) {
        return "/stories/" + n;
    }

    private static String title(int n) {
        return "Invented canal story " + n;
    }

    private static void serveArticle(int n) {
        server.serve(page(n), "text/html; charset=utf-8", PageFixtures.article(n, title(n), server.url(page(n)),
                "Page Author " + n, NOW.minus(Duration.ofHours(n)).toString()));
    }

    private static String newsEntry(int n, Instant published) {
        return """
                <url><loc>%s</loc><news:news><news:publication><news:name>Invented Canal News</news:name>
                <news:language>en</news:language></news:publication>
                <news:publication_date>%s</news:publication_date><news:title>%s (news sitemap)</news:title>
                </news:news></url>
                """.formatted(server.url(page(n)), published, title(n));
    }

    private static String urlset(String entries) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                %s</urlset>
                """.formatted(entries);
    }

    private static String child(String path, Instant lastModified) {
        return "<sitemap><loc>" + server.url(path) + "</loc><lastmod>" + lastModified + "</lastmod></sitemap>\n";
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = new FeedFixtureServer();
        server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow:\n");
        for (int n = 61; n <= 66; n++) {
            serveArticle(n);
        }
        // Oldest first, as archives list them; the oldest is one more than the poller reads (3).
        server.serve("/sitemap_index.xml", "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                %s</sitemapindex>
                """.formatted(child("/sitemaps/2019-01.xml", Instant.parse("2019-01-31T00:00:00Z"))
                + child("/sitemaps/2019-02.xml", Instant.parse("2019-02-28T00:00:00Z"))
                + child("/sitemaps/recent.xml.gz", NOW.minus(Duration.ofHours(1)))
                + child("/sitemaps/news.xml", NOW.minus(Duration.ofMinutes(10)))));
        server.serve("/sitemaps/2019-01.xml", "application/xml", urlset(
                "<url><loc>" + server.url("/stories/1") + "</loc><lastmod>2019-01-02</lastmod></url>"));
        server.serve("/sitemaps/2019-02.xml", "application/xml", urlset(
                "<url><loc>" + server.url("/stories/2") + "</loc><lastmod>2019-02-02</lastmod></url>"));
        server.serve("/sitemaps/recent.xml.gz", "application/x-gzip", gzip(urlset(
                "<url><loc>" + server.url(page(63)) + "</loc><lastmod>" + NOW.minus(Duration.ofHours(1))
                        + "</lastmod></url><url><loc>" + server.url("/stories/3") + "</loc></url>")));
        server.serve("/broken.xml.gz", "application/x-gzip", new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        server.serve("/sitemaps/news.xml", "application/xml", urlset(newsEntry(61, NOW.minus(Duration.ofHours(2)))
                + newsEntry(62, NOW.minus(Duration.ofHours(3)))
                + newsEntry(64, NOW.minus(Duration.ofDays(5)))));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void theRecentPagesOfASitemapIndexAreIngestedOnceAndAPageAddedLaterIsFoundWhileTheIndexStaysTheSame()
            throws Exception {
        try (RawTopic raw = new RawTopic(LocalStackTestResource.stack().kafkaBootstrapServers(),
                config.topics().raw())) {
            String feedId = given().contentType(ContentType.JSON).body(Map.of("url", server.url("/sitemap_index.xml")))
                    .when().post("/api/feeds")
                    .then().statusCode(201)
                    .extract().path("feed_id");

            Feed first = feeds.pollNow(feedId).orElseThrow();
            assertEquals(3, first.itemsNew(), () -> "health: " + first);
            assertEquals(0, first.itemsFailed(), () -> "health: " + first);
            assertEquals(Optional.of("1 page(s) of the sitemap carry no date (lastmod or news:publication_date) and were "
                    + "left out"), first.lastError(), "why the undated page is missing");
            assertEquals(0, server.requestCount("/sitemaps/2019-01.xml"), "only the three most recent sitemaps are read");
            for (int n : new int[] {61, 62}) {
                JsonNode doc = raw.awaitDocument(DocumentIds.of(Optional.of(server.url(page(n))), ""));
                assertEquals(title(n) + " (news sitemap)", doc.path("title").asText(), doc::toString);
                assertEquals(server.url("/sitemap_index.xml"), doc.path("source").asText(), doc::toString);
                assertTrue(doc.path("text").asText().startsWith(PageFixtures.articleOpening(n)), doc::toString);
                assertEquals(NOW.minus(Duration.ofHours(n - 59)), Instant.parse(doc.path("published").asText()),
                        "the news publication date: " + doc);
            }
            JsonNode gzipped = raw.awaitDocument(DocumentIds.of(Optional.of(server.url(page(63))), ""));
            assertEquals(title(63), gzipped.path("title").asText(), "no news title: the page's own");
            for (String old : new String[] {page(64), "/stories/2", "/stories/3"}) {
                assertEquals(0, server.requestCount(old), old + " is older than the sitemap age, or undated, and was fetched");
            }

            // The index is the same, the news sitemap gained a page: it is found, nothing else is sent again.
            server.serve("/sitemaps/news.xml", "application/xml", urlset(newsEntry(65, NOW.minus(Duration.ofMinutes(5)))
                    + newsEntry(61, NOW.minus(Duration.ofHours(2))) + newsEntry(62, NOW.minus(Duration.ofHours(3)))));
            Feed second = feeds.pollNow(feedId).orElseThrow();
            assertEquals(1, second.itemsNew(), () -> "health: " + second);
            assertEquals(0, server.notModifiedCount("/sitemap_index.xml"), "the index was asked for conditionally");
            raw.awaitDocument(DocumentIds.of(Optional.of(server.url(page(65))), ""));
            assertEquals(1, server.requestCount(page(61)), "a page already ingested was fetched again");
        }
    }

    @Test
    void aBrokenGzipFileFailsThePollWithItsCause() {
        String feedId = given().contentType(ContentType.JSON).body(Map.of("url", server.url("/broken.xml.gz")))
                .when().post("/api/feeds")
                .then().statusCode(201)
                .extract().path("feed_id");

        Feed polled = feeds.pollNow(feedId).orElseThrow();
        assertEquals(1, polled.consecutiveFailures(), polled::toString);
        assertTrue(polled.lastError().orElse("").contains("gzip"), polled::toString);
    }
}
