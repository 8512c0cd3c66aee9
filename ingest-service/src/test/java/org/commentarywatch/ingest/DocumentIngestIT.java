package org.commentarywatch.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The service against a real Kafka broker: what a client sees, and what lands on commentary.raw. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class DocumentIngestIT extends RawTopicTestBase {


    /** A document of this test's own, unique so that ids never clash between tests or runs. */
    private static String document(String url) {
        String unique = UUID.randomUUID().toString();
        return """
                {"title": "Grain corridors after the harvest",
                 "text": "A made-up note on grain shipments (%s). It names no real event.",
                 %s
                 "published": "2023-10",
                 "source": "integration test",
                 "authors": ["T. Ester"],
                 "labels": {"stance": "neutral", "themes": ["trade_finance"], "countries_and_blocs": ["Kazakhstan"],
                            "people": [], "publisher": "Nobody Press", "origin": "web"}}
                """.formatted(unique, url == null ? "" : "\"url\": \"" + url + "\",");
    }

    private static String post(String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/documents")
                .then().statusCode(202).body("id", matchesPattern(ID))
                .extract().path("id");
    }

    @Test
    void anAcceptedDocumentIsOnTheRawTopicUnderItsIdAndMatchesTheContract() throws Exception {
        String url = "https://news.example.org/grain/" + UUID.randomUUID() + "/?utm_source=it#comments";

        String id = post(document(url));

        JsonNode doc = raw.awaitDocument(id);
        assertEquals(id, doc.path("id").asText());
        assertEquals(url.substring(0, url.indexOf("/?")), doc.path("url").asText());
        assertEquals("text/plain", doc.path("content_type").asText());
        assertEquals("2023-10", doc.path("published").asText());
        assertEquals("neutral", doc.path("labels").path("stance").asText());
    }

    @Test
    void postingTheSameUrlTwiceGivesTheSameId() {
        String path = "/grain/" + UUID.randomUUID();

        String first = post(document("https://news.example.org" + path));
        String second = post(document("HTTPS://News.Example.ORG:443" + path + "/?utm_campaign=again#top"));

        assertEquals(first, second);
        assertEquals(2, raw.awaitKey(first, 2).size(), "each submission is written, under the one key");
    }

    @Test
    void postingTheSameTextTwiceGivesTheSameId() {
        String text = "A short invented paragraph, " + UUID.randomUUID() + ", about barges on a river.";
        String first = post("{\"title\": \"Barges\", \"text\": \"" + text + "\"}");
        String second = post("{\"title\": \"Barges (copy)\", \"text\": \"  " + text.toUpperCase().replace(", ", ",\\n ")
                + "\"}");

        assertEquals(first, second);
    }

    @Test
    void malformedJsonIsRefusedWithAMessageSayingWhereItBroke() {
        given().contentType(ContentType.JSON).body("{\"title\": \"t\", \"text\": ")
                .when().post("/api/documents")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("malformed_json"))
                .body("message", containsString("at line 1, column"));
    }

    @Test
    void aMisspeltFieldIsRefusedNamingIt() {
        given().contentType(ContentType.JSON).body("{\"title\": \"t\", \"text\": \"x\", \"lables\": {}}")
                .when().post("/api/documents")
                .then().statusCode(400)
                .body("error", equalTo("unknown_property"))
                .body("message", containsString("'lables'"));
    }

    @Test
    void blankTextIsRefused() {
        given().contentType(ContentType.JSON).body("{\"title\": \"t\", \"text\": \" \\n\\t \"}")
                .when().post("/api/documents")
                .then().statusCode(400)
                .body("error", equalTo("empty_text"))
                .body("message", equalTo("text must not be empty"));
    }

    @Test
    void aLabelOutsideTheVocabularyIsRefusedNamingTheValue() {
        given().contentType(ContentType.JSON)
                .body("{\"title\": \"t\", \"text\": \"x\", \"labels\": {\"themes\": [\"energy\", \"shipping\"]}}")
                .when().post("/api/documents")
                .then().statusCode(400)
                .body("error", equalTo("invalid_label"))
                .body("message", containsString("'shipping'"));
    }

    @Test
    void aPublishedDateInAnotherFormatIsRefused() {
        given().contentType(ContentType.JSON).body("{\"title\": \"t\", \"text\": \"x\", \"published\": \"10/2023\"}")
                .when().post("/api/documents")
                .then().statusCode(400)
                .body("error", equalTo("invalid_published"));
    }

    @Test
    void aUrlThatIsNotHttpIsRefused() {
        given().contentType(ContentType.JSON).body("{\"title\": \"t\", \"text\": \"x\", \"url\": \"ftp://example.org/f\"}")
                .when().post("/api/documents")
                .then().statusCode(400)
                .body("error", equalTo("invalid_url"));
    }

    @Test
    void aBodyOfATypeWithoutAnExtractorIsRefusedAsUnsupported() {
        // text/plain, text/markdown, text/html and application/pdf are documents now (DocumentExtractionIT)
        given().contentType("application/vnd.ms-excel").body("just some words".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/documents")
                .then().statusCode(415)
                .body("error", equalTo("unsupported_media_type"));
    }

    @Test
    void aBodyOverTheSizeLimitIsRefused() throws Exception {
        byte[] oversized = ("{\"title\": \"t\", \"text\": \"" + "word ".repeat(2_200_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        // Expect: 100-continue lets the server refuse on the announced length before the body is sent, as curl
        // does; streaming 11 MB into a connection the server has already closed ends in a broken pipe instead.
        HttpRequest request = HttpRequest.newBuilder(documents)
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(oversized))
                .build();

        HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());

        assertEquals(413, response.statusCode());
    }

    @Test
    void aJsonBodyAnnouncedOverTheSizeLimitIsRefusedWith413AndAMessageBeforeItIsSent() throws Exception {
        long announced = 11_000_000;
        // Only the head: the answer must come on the announced length alone.
        try (Socket socket = new Socket(documents.getHost(), documents.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST " + documents.getPath() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + announced + "\r\n\r\n{\"title\": ")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase(Locale.ROOT).contains("content-type: application/json"), answer);
            JsonNode error = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertEquals("body_too_large", error.path("error").asText(), answer);
            assertTrue(error.path("message").asText().contains(announced + " bytes"), answer);
        }
    }

    @Test
    void readinessIsUpWhileKafkaIsReachable() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP")));
    }

    @Test
    void outcomesAreCountedOnTheMetricsEndpoint() {
        post(document(null));

        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(matchesPattern("(?s).*commentary_documents_total\\{outcome=\"accepted\",stage=\"ingest\"} [1-9].*"))
                .body(containsString("commentary_documents_total{outcome=\"rejected\",stage=\"ingest\"}"))
                .body(containsString("commentary_documents_total{outcome=\"failed\",stage=\"ingest\"}"));
    }

    @Test
    void theApiIsDescribedInOpenApiAndSwaggerUi() {
        given().accept(ContentType.JSON).when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/api/documents"))
                .body(containsString("countries_and_blocs"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
