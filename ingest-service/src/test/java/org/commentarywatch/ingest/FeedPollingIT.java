package org.commentarywatch.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.commentarywatch.ingest.config.CommentaryConfig;
import org.commentarywatch.ingest.model.Feed;
import org.commentarywatch.ingest.service.DocumentIds;
import org.commentarywatch.ingest.service.UrlCanonicalizer;
import org.commentarywatch.ingest.service.feeds.FeedService;
import org.commentarywatch.ingest.service.feeds.FeedStore;
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

/** Feeds served over real HTTP by a local fixture server, polled into commentary.raw on the local stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class FeedPollingIT {

    private static FeedFixtureServer server;

    @Inject
    FeedService feeds;

    @Inject
    CommentaryConfig config;

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void startServer() throws Exception {
        server = new FeedFixtureServer();
        server.serve("/rss.xml", "application/rss+xml", rss(20));
        server.serve("/atom.xml", "application/atom+xml", atom());
        server.serve("/feed.json", "application/feed+json", jsonFeed());
        server.serve("/institute/", "text/html; charset=utf-8", """
                <!DOCTYPE html><html><head><title>Invented institute: commentary</title>
                <link rel="alternate" hreflang="ru" href="/ru/institute/">
                <link rel="alternate" type="application/rss+xml" title="Commentary" href="feed.xml">
                </head><body><h1>Commentary</h1><p>Our latest invented notes.</p></body></html>
                """);
        server.serve("/institute/feed.xml", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Invented institute</title><link>https://institute.example.org/</link>
                <description>Fixture</description>
                <item><title>An invented institute note on sanctions</title>
                <link>https://institute.example.org/notes/sanctions</link>
                <pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate>
                <description>An invented note on how sanctions reshape trade between two capitals, written for the \
                feed discovery test; it says nothing true.</description></item></channel></rss>
                """);
        server.serve("/long.xml", "application/rss+xml", longFeed(LONG_FEED_ITEMS));
        server.serve("/plain-page.html", "text/html", "<!doctype html><html><head><title>No feed here</title></head>"
                + "<body><p>Nothing to subscribe to.</p></body></html>");
        server.serve("/broken.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><item><title>cut");
        server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        server.serve("/private/feed.xml", "application/rss+xml", rss(2));
        server.serve("/xxe.xml", "application/rss+xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <rss version="2.0"><channel><title>x</title><item><title>&secret;</title>
                <link>http://127.0.0.1/xxe-item</link><description>&secret;</description></item></channel></rss>
                """);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** Ten more items than one poll takes by default. */
    private static final int LONG_FEED_ITEMS = 60;

    /** Items that carry their text and no link, so that no page is fetched. */
    static String longFeed(int n) {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            items.append("""
                    <item><title>Invented bulletin number %d</title><guid isPermaLink="false">bulletin-%d</guid>
                    <description>Invented bulletin %d on river trade between two neighbours, written for the test of \
                    how many items one poll takes. It says nothing true.</description></item>
                    """.formatted(i, i, i));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Invented bulletins</title><link>https://bulletins.example.org/</link>
                <description>Fixture</description>
                %s</channel></rss>
                """.formatted(items);
    }

    static String rssLink(int i) {
        return "https://news.example.org/analysis/piece-" + i + "?utm_source=rss&b=2&a=1";
    }

    static String rss(int n) {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            items.append("""
                    <item>
                      <title>Invented analysis number %d</title>
                      <link>%s</link>
                      <guid isPermaLink="false">piece-%d</guid>
                      <dc:creator>Author %d</dc:creator>
                      <pubDate>Mon, %02d Nov 2026 08:30:00 GMT</pubDate>
                      <description>&lt;p&gt;Invented paragraph %d about energy talks between two capitals, written for \
                    a test of the feed poller. It says nothing true.&lt;/p&gt;&lt;p&gt;A second paragraph keeps the \
                    invented argument going for a few more words.&lt;/p&gt;</description>
                    </item>
                    """.formatted(i, rssLink(i).replace("&", "&amp;"), i, i, i, i));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel><title>Invented monitor</title><link>https://news.example.org/</link>
                <description>Fixture</description>
                %s</channel></rss>
                """.formatted(items);
    }

    static String atom() {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Invented Atom monitor</title><id>urn:uuid:0f4f2a56-1111-4c1a-9c1e-000000000001</id>
                  <updated>2026-11-20T10:00:00Z</updated>
                  <entry>
                    <title>An invented Atom entry on pipelines</title>
                    <link href="https://atom.example.org/entries/pipelines#comments"/>
                    <id>urn:uuid:0f4f2a56-1111-4c1a-9c1e-000000000002</id>
                    <published>2026-11-19T09:15:00Z</published><updated>2026-11-20T10:00:00Z</updated>
                    <author><name>Ada Invented</name></author><author><name>Bo Fictional</name></author>
                    <content type="text">A plain text entry about an invented pipeline agreement, long enough to be \
                a paragraph of its own in the test.</content>
                  </entry>
                </feed>
                """;
    }

    static String jsonFeed() {
        return """
                {"version": "https://jsonfeed.org/version/1.1", "title": "Invented JSON monitor",
                 "items": [{"id": "j1", "url": "https://json.example.org/notes/1/",
                   "title": "An invented JSON Feed note", "date_published": "2026-11-18T07:00:00+01:00",
                   "authors": [{"name": "Cy Madeup"}],
                   "content_text": "An invented note about summit diplomacy, served as JSON Feed 1.1 for the test."}]}
                """;
    }

    private String subscribe(String url) {
        return given().contentType(ContentType.JSON).body(Map.of("url", url, "tags", List.of("test")))
                .when().post("/api/feeds")
                .then().statusCode(201)
                .extract().path("feed_id");
    }

    /** Records written to commentary.raw since the consumer was positioned, collected for {@code wait}. */
    private static List<ConsumerRecord<String, String>> collect(KafkaConsumer<String, String> consumer, int atLeast,
            Duration wait) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline && (atLeast <= 0 || seen.size() < atLeast)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        return seen;
    }

    private KafkaConsumer<String, String> rawConsumer() {
        String topic = config.topics().raw();
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackTestResource.stack().kafkaBootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "feed-it-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    @Test
    void anRssFeedOf20ItemsLandsOnRawOnceAndSurvivesARestart() throws Exception {
        try (KafkaConsumer<String, String> raw = rawConsumer()) {
            String id = subscribe(server.url("/rss.xml"));
            given().when().get("/api/feeds/" + id).then().statusCode(200)
                    .body("url", equalTo(server.url("/rss.xml"))).body("consecutive_failures", equalTo(0));

            Feed first = feeds.pollNow(id).orElseThrow();
            assertEquals(200, first.httpStatus().orElseThrow());
            assertEquals(20, first.itemsNew(), () -> "health: " + first);
            List<ConsumerRecord<String, String>> records = collect(raw, 20, Duration.ofSeconds(30));
            assertEquals(20, records.size());
            for (int i = 1; i <= 20; i++) {
                String canonical = UrlCanonicalizer.canonicalize(rssLink(i));
                assertEquals("https://news.example.org/analysis/piece-" + i + "?a=1&b=2", canonical);
                String docId = DocumentIds.of(Optional.of(canonical), "");
                ConsumerRecord<String, String> r = records.stream().filter(x -> docId.equals(x.key())).findFirst()
                        .orElseThrow(() -> new AssertionError("no record for item " + canonical));
                JsonNode doc = mapper.readTree(r.value());
                int n = i;
                assertEquals("Invented analysis number " + i, doc.path("title").asText());
                assertEquals(canonical, doc.path("url").asText());
                assertEquals("Author " + i, doc.path("authors").path(0).asText());
                assertTrue(doc.path("published").asText().startsWith("2026-11-%02dT08:30".formatted(n)),
                        () -> "published " + doc.path("published"));
                assertTrue(doc.path("text").asText().contains("Invented paragraph " + n), doc.path("text").asText());
                assertEquals(java.util.Set.of(), Schemas.validate(Schemas.RAW_DOCUMENT, doc.toString()));
            }

            // Polling again: a conditional GET, 304, nothing new.
            Feed second = feeds.pollNow(id).orElseThrow();
            assertEquals(304, second.httpStatus().orElseThrow());
            assertEquals(0, second.itemsNew());
            assertEquals(1, server.notModifiedCount("/rss.xml"));
            given().when().get("/api/feeds/" + id).then().statusCode(200)
                    .body("http_status", equalTo(304)).body("items_new", equalTo(0))
                    .body("consecutive_failures", equalTo(0));
            assertTrue(collect(raw, 0, Duration.ofSeconds(2)).isEmpty());

            // A restart: a new store reads the compacted topic back.
            try (FeedStore restarted = new FeedStore(LocalStackTestResource.stack().kafkaBootstrapServers(),
                    config.topics().feeds(), mapper)) {
                restarted.load();
                Feed back = restarted.get(id).orElseThrow(() -> new AssertionError("subscription lost"));
                assertEquals(server.url("/rss.xml"), back.url());
                assertEquals(List.of("test"), back.tags());
                assertEquals(20, back.seenIds().size());
                assertEquals(304, back.httpStatus().orElseThrow());
            }
            // Even when the server ignores the conditional GET, the seen ids keep every item from coming again.
            server.ignoreConditionals = true;
            try {
                Feed third = feeds.pollNow(id).orElseThrow();
                assertEquals(200, third.httpStatus().orElseThrow());
                assertEquals(20, third.itemsSeen());
                assertEquals(0, third.itemsNew());
            } finally {
                server.ignoreConditionals = false;
            }
            assertTrue(collect(raw, 0, Duration.ofSeconds(2)).isEmpty());
        }
    }

    @Test
    void atomAndJsonFeedItemsCarryTheirAuthorsDatesAndCanonicalUrls() throws Exception {
        try (KafkaConsumer<String, String> raw = rawConsumer()) {
            feeds.pollNow(subscribe(server.url("/atom.xml")));
            feeds.pollNow(subscribe(server.url("/feed.json")));
            List<ConsumerRecord<String, String>> records = collect(raw, 2, Duration.ofSeconds(30));
            String atomId = DocumentIds.of(Optional.of("https://atom.example.org/entries/pipelines"), "");
            String jsonId = DocumentIds.of(Optional.of("https://json.example.org/notes/1"), "");
            JsonNode atom = mapper.readTree(records.stream().filter(r -> atomId.equals(r.key())).findFirst()
                    .orElseThrow(() -> new AssertionError("no Atom record in " + records)).value());
            assertEquals("An invented Atom entry on pipelines", atom.path("title").asText());
            assertEquals("https://atom.example.org/entries/pipelines", atom.path("url").asText());
            assertEquals("Ada Invented", atom.path("authors").path(0).asText());
            assertEquals("Bo Fictional", atom.path("authors").path(1).asText());
            assertTrue(atom.path("published").asText().startsWith("2026-11-19T09:15"), atom.toString());
            JsonNode json = mapper.readTree(records.stream().filter(r -> jsonId.equals(r.key())).findFirst()
                    .orElseThrow(() -> new AssertionError("no JSON Feed record in " + records)).value());
            assertEquals("An invented JSON Feed note", json.path("title").asText());
            assertEquals("Cy Madeup", json.path("authors").path(0).asText());
            assertTrue(json.path("published").asText().startsWith("2026-11-18T06:00"), json.toString());
            assertEquals(java.util.Set.of(), Schemas.validate(Schemas.RAW_DOCUMENT, atom.toString()));
            assertEquals(java.util.Set.of(), Schemas.validate(Schemas.RAW_DOCUMENT, json.toString()));
        }
    }

    @Test
    void aPageSubscribedInsteadOfItsFeedIsFollowedToTheFeedItNamesAndAPageNamingNoneSaysSo() throws Exception {
        try (RawTopic raw = new RawTopic(LocalStackTestResource.stack().kafkaBootstrapServers(),
                config.topics().raw())) {
            String id = subscribe(server.url("/institute/"));
            Feed first = feeds.pollNow(id).orElseThrow();
            assertEquals(1, first.itemsNew(), first::toString);
            JsonNode note = raw.awaitDocument(DocumentIds.of(Optional.of("https://institute.example.org/notes/sanctions"),
                    ""));
            assertEquals("An invented institute note on sanctions", note.path("title").asText(), note::toString);
            assertEquals(server.url("/institute/"), first.url(), "fetched as written, with its trailing slash");
            assertEquals(first.url(), note.path("source").asText(), "the subscription is the page");

            Feed second = feeds.pollNow(id).orElseThrow();
            assertEquals(0, second.itemsNew(), second::toString);
            assertEquals(0, server.notModifiedCount("/institute/"), "the page was asked for conditionally");
            assertEquals(2, server.requestCount("/institute/feed.xml"), "the feed is read on every poll");
        }
        Feed none = feeds.pollNow(subscribe(server.url("/plain-page.html"))).orElseThrow();
        assertEquals(1, none.consecutiveFailures(), none::toString);
        assertTrue(none.lastError().orElse("").contains("names no feed"), none::toString);
    }

    @Test
    void aPollTakesAtMostItsShareOfNewItemsAndTheNextTakesTheRestAlthoughTheFeedDidNotChange() {
        int perPoll = config.feeds().maxNewItemsPerPoll();
        assertEquals(LONG_FEED_ITEMS - 10, perPoll, "the fixture is sized for the default");
        String id = subscribe(server.url("/long.xml"));

        Feed first = feeds.pollNow(id).orElseThrow();
        assertEquals(perPoll, first.itemsNew(), first::toString);
        assertEquals(Optional.of("10 new item(s) left for the next poll (at most " + perPoll + " per poll)"),
                first.lastError());
        Feed second = feeds.pollNow(id).orElseThrow();
        assertEquals(Optional.of(200), second.httpStatus(), "items were left: the feed is asked for whole");
        assertEquals(10, second.itemsNew(), second::toString);
        assertEquals(Optional.empty(), second.lastError());
        Feed third = feeds.pollNow(id).orElseThrow();
        assertEquals(Optional.of(304), third.httpStatus(), "nothing left: conditional again");
    }

    @Test
    void aMalformedFeedAndAnXxeAttemptShowInTheHealthAndLeaveThePollerRunning() {
        for (String path : List.of("/broken.xml", "/xxe.xml")) {
            String id = subscribe(server.url(path));
            Feed after = feeds.pollNow(id).orElseThrow();
            assertEquals(1, after.consecutiveFailures(), after::toString);
            assertTrue(after.lastError().isPresent());
            assertEquals(0, after.itemsNew());
            feeds.pollNow(id);
            given().when().get("/api/feeds/" + id).then().statusCode(200)
                    .body("consecutive_failures", equalTo(2))
                    .body("http_status", equalTo(200));
        }
        assertTrue(feeds.get(subscribe(server.url("/xxe.xml"))).orElseThrow().lastError().orElseThrow()
                .toLowerCase().contains("doctype"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aFeedThatCannotBeFetchedOrParsedIsADeadLetterWithItsUrlCauseAndWhatItServed() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RawTopic dlq = new RawTopic(LocalStackTestResource.stack().kafkaBootstrapServers(),
                config.topics().dlq())) {
            String broken = subscribe(server.url("/broken.xml"));
            String unreachable = subscribe("http://127.0.0.1:" + closedPort + "/feed.xml");
            String disallowed = subscribe(server.url("/private/feed.xml"));
            for (String id : List.of(broken, unreachable, disallowed)) {
                feeds.pollNow(id);
            }

            JsonNode unparsable = letter(dlq, broken);
            assertEquals("feed_unparsable", unparsable.path("cause").path("type").asText());
            assertEquals(server.url("/broken.xml"), unparsable.path("source").path("url").asText());
            assertEquals("<rss version=\"2.0\"><channel><item><title>cut", unparsable.path("payload").asText(),
                    "what the feed served, verbatim");

            JsonNode refused = letter(dlq, unreachable);
            assertEquals("feed_unreachable", refused.path("cause").path("type").asText());
            assertTrue(refused.path("cause").path("message").asText().contains("127.0.0.1:" + closedPort),
                    refused::toString);
            assertEquals("", refused.path("payload").asText());

            JsonNode robots = letter(dlq, disallowed);
            assertEquals("robots_disallowed", robots.path("cause").path("type").asText());
            assertEquals(0, server.requestCount("/private/feed.xml"), "the feed itself obeys robots.txt");
            assertTrue(feeds.get(disallowed).orElseThrow().lastError().orElseThrow().contains("robots"));
        }
    }

    /** The one dead letter written under the key since the topic was opened, checked against the contract. */
    private static JsonNode letter(RawTopic dlq, String key) throws Exception {
        List<ConsumerRecord<String, String>> records = dlq.awaitKey(key, 1);
        assertEquals(1, records.size(), "one dead letter for " + key);
        String value = records.get(0).value();
        assertEquals(java.util.Set.of(), Schemas.validate("dlq-record.schema.json", value), value);
        return new ObjectMapper().readTree(value);
    }

    @Test
    void onlyHttpFeedsAreAcceptedAndDeleteRemovesThem() {
        given().contentType(ContentType.JSON).body(Map.of("url", "ftp://example.org/feed"))
                .when().post("/api/feeds").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("url", "file:///etc/passwd"))
                .when().post("/api/feeds").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("url", server.url("/rss.xml"), "interval", "5s"))
                .when().post("/api/feeds").then().statusCode(400);
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("url", "https://Delete.Example.org/feed.xml?utm_source=x", "interval", "30m"))
                .when().post("/api/feeds").then().statusCode(201)
                .body("interval_seconds", equalTo(1800)).body("url", equalTo("https://delete.example.org/feed.xml"))
                .extract().path("feed_id");
        // The id is stable: the same feed written another way is the same subscription.
        given().contentType(ContentType.JSON).body(Map.of("url", "https://delete.example.org/feed.xml"))
                .when().post("/api/feeds").then().statusCode(201).body("feed_id", equalTo(id));
        given().when().get("/api/feeds").then().statusCode(200);
        given().when().delete("/api/feeds/" + id).then().statusCode(204);
        given().when().get("/api/feeds/" + id).then().statusCode(404);
        given().when().delete("/api/feeds/" + id).then().statusCode(404);
        try (FeedStore restarted = new FeedStore(LocalStackTestResource.stack().kafkaBootstrapServers(),
                config.topics().feeds(), mapper)) {
            restarted.load();
            assertFalse(restarted.get(id).isPresent(), "the tombstone was not read back");
        }
    }
}
