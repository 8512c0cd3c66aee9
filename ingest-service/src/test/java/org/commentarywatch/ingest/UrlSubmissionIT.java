package org.commentarywatch.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.commentarywatch.ingest.service.DocumentIds;
import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** {@code POST /api/documents {"url": ...}} without text: the page is fetched from a local fixture server. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class UrlSubmissionIT extends RawTopicTestBase {

    private static FeedFixtureServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new FeedFixtureServer();
        server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /members/\n");
        server.serve("/stories/beacons.html", "text/html; charset=utf-8", PageFixtures.article(71,
                "Beacons guide the night ships", server.url("/stories/beacons"), "Ines Invented",
                "2026-11-28T06:00:00Z"));
        server.serve("/members/beacons.html", "text/html", PageFixtures.article(72, "Members only", "", "X",
                "2026-11-28"));
        byte[] huge = new byte[11 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        server.serveChunked("/huge.txt", "text/plain", huge);
        server.serve("/logo.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G' });
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aSubmittedUrlIsFetchedExtractedAndPublishedUnderItsCanonicalUrl() throws Exception {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("url", server.url("/stories/beacons.html?utm_campaign=mail"), "source", "analyst"))
                .when().post(documents)
                .then().statusCode(202)
                .extract().path("id");
        assertEquals(DocumentIds.of(Optional.of(server.url("/stories/beacons")), ""), id);
        JsonNode doc = raw.awaitDocument(id);
        assertEquals("Beacons guide the night ships", doc.path("title").asText());
        assertEquals(server.url("/stories/beacons"), doc.path("url").asText());
        assertEquals("Ines Invented", doc.path("authors").path(0).asText());
        assertEquals("2026-11-28T06:00:00Z", doc.path("published").asText());
        assertEquals("analyst", doc.path("source").asText());
        assertEquals("text/html", doc.path("content_type").asText());
        String text = doc.path("text").asText();
        assertTrue(text.startsWith(PageFixtures.articleOpening(71)), text);
        for (String furniture : PageFixtures.PAGE_FURNITURE) {
            assertFalse(text.contains(furniture), "'" + furniture + "' left in " + text);
        }
    }

    @Test
    void aUrlRobotsTxtDisallowsIsRefusedWithoutFetchingIt() {
        given().contentType(ContentType.JSON).body(Map.of("url", server.url("/members/beacons.html")))
                .when().post(documents)
                .then().statusCode(422)
                .body("error", equalTo("robots_disallowed"))
                .body("message", containsString("robots.txt"));
        assertEquals(0, server.requestCount("/members/beacons.html"));
    }

    @Test
    void onlyHttpAndHttpsUrlsAreFetched() {
        for (String url : new String[] { "file:///etc/passwd", "ftp://127.0.0.1/notes.txt" }) {
            given().contentType(ContentType.JSON).body(Map.of("url", url))
                    .when().post(documents)
                    .then().statusCode(400)
                    .body("error", equalTo("invalid_url"))
                    .body("message", containsString("http"));
        }
    }

    @Test
    void aPageOverTheSizeLimitIs413AndOneOfAnotherTypeIs415() {
        given().contentType(ContentType.JSON).body(Map.of("url", server.url("/huge.txt")))
                .when().post(documents)
                .then().statusCode(413)
                .body("error", equalTo("too_large"));
        given().contentType(ContentType.JSON).body(Map.of("url", server.url("/logo.png")))
                .when().post(documents)
                .then().statusCode(415)
                .body("message", containsString("image/png"));
        given().contentType(ContentType.JSON).body(Map.of("url", server.url("/gone.html")))
                .when().post(documents)
                .then().statusCode(422)
                .body("error", equalTo("http_error"))
                .body("message", containsString("404"));
    }
}
