package org.commentarywatch.ingest.service.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.commentarywatch.ingest.FeedFixtureServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fetcher against a real HTTP server on the loopback interface. Time is a manual clock: the politeness waits the
 * fetcher asks for are recorded and advance the clock instead of sleeping.
 */
class PageFetcherTest {

    private static final int MAX_BYTES = 64 * 1024;
    private static final String PAGE = "<html><head><title>An invented page</title></head><body><p>Text.</p></body></html>";

    private final ManualClock clock = new ManualClock();
    private final List<Duration> waits = new ArrayList<>();
    private FeedFixtureServer server;
    private PageFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = new FeedFixtureServer();
        server.serve("/robots.txt", "text/plain", """
                User-agent: *
                Disallow: /private/
                """);
        server.serve("/page.html", "text/html; charset=utf-8", PAGE);
        fetcher = new PageFetcher(new PageFetcher.Settings("commentary-watch-ingest/0.1 (test)",
                Duration.ofSeconds(5), Duration.ofSeconds(10), MAX_BYTES, 5, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofHours(1)), clock, d -> {
                    waits.add(d);
                    clock.advance(d);
                });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FetchException refused(String url) {
        return assertThrows(FetchException.class, () -> fetcher.fetch(url));
    }

    @Test
    void aPageIsFetchedWithItsContentType() {
        FetchedPage page = fetcher.fetch(server.url("/page.html"));
        assertEquals(PAGE, new String(page.body(), StandardCharsets.UTF_8));
        assertEquals(Optional.of("text/html; charset=utf-8"), page.contentType());
        assertEquals(server.url("/page.html"), page.finalUrl());
    }

    @Test
    void onlyHttpAndHttpsUrlsAreFetched() {
        for (String url : List.of("file:///etc/passwd", "ftp://127.0.0.1/page.html", "javascript:alert(1)",
                "/page.html", "http:///no-host", "http://user:secret@127.0.0.1/page.html")) {
            FetchException e = refused(url);
            assertEquals(FetchException.INVALID_URL, e.kind(), url);
            assertEquals(400, e.status(), url);
        }
        assertEquals(0, server.requestCount("/robots.txt"), "nothing was asked of any server");
    }

    @Test
    void redirectsAreFollowedUpToTheBoundAndTheFinalUrlIsReported() {
        for (int i = 1; i <= 5; i++) {
            server.redirect("/hop" + i, i % 2 == 0 ? 302 : 301, i == 5 ? "/page.html" : "/hop" + (i + 1));
        }
        server.redirect("/hop0", 307, server.url("/hop1"));
        FetchedPage page = fetcher.fetch(server.url("/hop1"));
        assertEquals(server.url("/page.html"), page.finalUrl());

        FetchException tooMany = refused(server.url("/hop0"));
        assertEquals(FetchException.TOO_MANY_REDIRECTS, tooMany.kind());
        assertEquals(0, server.requestCount("/page.html") - 1, "the sixth hop was not followed");
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() {
        server.redirect("/to-ftp", 301, "ftp://127.0.0.1/file.pdf");
        server.redirect("/to-file", 302, "file:///etc/passwd");
        for (String path : List.of("/to-ftp", "/to-file")) {
            FetchException e = refused(server.url(path));
            assertEquals(FetchException.INVALID_REDIRECT, e.kind(), path);
            assertEquals(422, e.status());
        }
    }

    @Test
    void robotsTxtIsHonouredForThePageAndForEveryRedirectHop() {
        server.serve("/private/notes.html", "text/html", PAGE);
        FetchException direct = refused(server.url("/private/notes.html"));
        assertEquals(FetchException.ROBOTS_DISALLOWED, direct.kind());
        assertEquals(422, direct.status());
        assertTrue(direct.getMessage().contains("robots.txt"), direct.getMessage());

        server.redirect("/moved", 301, "/private/notes.html");
        assertEquals(FetchException.ROBOTS_DISALLOWED, refused(server.url("/moved")).kind());
        assertEquals(0, server.requestCount("/private/notes.html"), "a disallowed page is never requested");
    }

    @Test
    void robotsTxtIsReadOncePerSiteAndCachedUntilItsTtl() {
        fetcher.fetch(server.url("/page.html"));
        fetcher.fetch(server.url("/page.html"));
        assertEquals(1, server.requestCount("/robots.txt"));
        // localhost is another site (and another host) on the same server
        fetcher.fetch(server.url("localhost", "/page.html"));
        assertEquals(2, server.requestCount("/robots.txt"));
        clock.advance(Duration.ofMinutes(61));
        fetcher.fetch(server.url("/page.html"));
        assertEquals(3, server.requestCount("/robots.txt"));
    }

    @Test
    void aSiteWithoutRobotsTxtIsFetchedAndOneAnsweringErrorsIsNot() throws Exception {
        try (FeedFixtureServer bare = new FeedFixtureServer()) {
            bare.serve("/page.html", "text/html", PAGE);
            assertEquals(bare.url("/page.html"), fetcher.fetch(bare.url("/page.html")).finalUrl());
        }
        try (FeedFixtureServer broken = new FeedFixtureServer()) {
            broken.serve("/page.html", "text/html", PAGE);
            broken.redirect("/robots.txt", 301, "/robots-elsewhere.txt");
            // The redirect leads to a 404: no rules, everything allowed.
            assertEquals(broken.url("/page.html"), fetcher.fetch(broken.url("/page.html")).finalUrl());
        }
    }

    @Test
    void requestsToOneHostAreSpacedByTheMinimumDelayAndOtherHostsDoNotWait() {
        fetcher.fetch(server.url("/page.html")); // robots.txt at t0, the page one second later
        fetcher.fetch(server.url("/page.html"));
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), waits);
        waits.clear();
        fetcher.fetch(server.url("localhost", "/page.html"));
        assertEquals(List.of(Duration.ofSeconds(1)), waits, "only localhost's own robots.txt -> page gap");
    }

    @Test
    void theSitesCrawlDelayIsHonouredUpToTheCap() throws Exception {
        try (FeedFixtureServer slow = new FeedFixtureServer(); FeedFixtureServer slower = new FeedFixtureServer()) {
            slow.serve("/robots.txt", "text/plain", "User-agent: commentary-watch-ingest\nCrawl-delay: 7\n");
            slow.serve("/page.html", "text/html", PAGE);
            slower.serve("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 600\n");
            slower.serve("/page.html", "text/html", PAGE);
            fetcher.fetch(slow.url("localhost", "/page.html"));
            fetcher.fetch(slow.url("localhost", "/page.html"));
            assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(7)), waits);
            waits.clear();
            clock.advance(Duration.ofHours(2));
            fetcher.fetch(slower.url("/page.html"));
            fetcher.fetch(slower.url("/page.html"));
            assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(30)), waits);
        }
    }

    @Test
    void aBodyOverTheLimitIsAbortedWhetherItAnnouncesItsLengthOrNot() {
        byte[] large = new byte[MAX_BYTES * 4];
        Arrays.fill(large, (byte) 'a');
        server.serve("/large.txt", "text/plain", large);
        server.serveChunked("/endless.txt", "text/plain", large);
        for (String path : List.of("/large.txt", "/endless.txt")) {
            FetchException e = refused(server.url(path));
            assertEquals(FetchException.TOO_LARGE, e.kind(), path);
            assertEquals(413, e.status());
        }
        byte[] fits = Arrays.copyOf(large, MAX_BYTES);
        server.serveChunked("/fits.txt", "text/plain", fits);
        assertArrayEquals(fits, fetcher.fetch(server.url("/fits.txt")).body());
    }

    @Test
    void pagesAnsweringErrorsFailWithTheirStatus() {
        FetchException missing = refused(server.url("/missing.html"));
        assertEquals(FetchException.HTTP_ERROR, missing.kind());
        assertEquals(422, missing.status());
        assertTrue(missing.getMessage().contains("404"), missing.getMessage());
    }

    @Test
    void anUnknownHostIsUnreachable() {
        FetchException e = refused("http://no-such-host.invalid/page.html");
        assertEquals(FetchException.ROBOTS_UNAVAILABLE, e.kind());
        assertEquals(502, e.status());
    }
}
