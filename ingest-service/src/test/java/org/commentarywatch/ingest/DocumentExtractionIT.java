package org.commentarywatch.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Whole documents (HTML, PDF raw and as an upload, Markdown) through the one extraction and cleaning path to clean
 * raw documents on commentary.raw, against a real Kafka broker; and the answers to what cannot be read.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class DocumentExtractionIT extends RawTopicTestBase {

    /** Rest Assured would otherwise add "; charset=ISO-8859-1" to text types. */
    private static final RestAssuredConfig AS_SENT = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private static RequestSpecification request() {
        return given().config(AS_SENT);
    }

    @Test
    void anHtmlPageBecomesItsCleanArticleWithItsOwnMetadata() throws Exception {
        String id = request().contentType("text/html; charset=UTF-8").body(Fixtures.bytes("news-article.html"))
                .when().post("/api/documents")
                .then().statusCode(202).body("id", matchesPattern(ID))
                .extract().path("id");

        JsonNode doc = raw.awaitDocument(id);
        assertEquals("text/html", doc.path("content_type").asText());
        assertEquals("Barge Quotas Tighten on the Upper River", doc.path("title").asText());
        assertEquals("https://ledger.example.org/river/barge-quotas", doc.path("url").asText(),
                "the canonical link, tracking parameters removed");
        assertEquals("2024-02-11T08:30:00+01:00", doc.path("published").asText());
        assertEquals("The Invented Ledger", doc.path("source").asText());
        assertEquals("Mara Quill", doc.path("authors").path(0).asText());
        assertEquals("en-GB", doc.path("language").asText());
        String text = doc.path("text").asText();
        assertTrue(text.startsWith("Shipping clerks along the upper river"), text);
        assertFalse(text.contains("Lock repairs") || text.contains("Photo:"), text);
        assertTrue(doc.path("cleaning").path("chars_after").asInt() > 0, doc.toString());
    }

    @Test
    void metadataGivenAsQueryParametersWinsOverThePagesOwn() throws Exception {
        String url = "https://override.example.org/pieces/" + UUID.randomUUID();
        String id = request().contentType("text/html").body(Fixtures.bytes("opengraph-only.html"))
                .queryParam("title", "A title chosen by the caller").queryParam("url", url)
                .queryParam("source", "caller's source").queryParam("published", "2023-10")
                .queryParam("authors", "First Person; Second Person")
                .when().post("/api/documents")
                .then().statusCode(202).extract().path("id");

        JsonNode doc = raw.awaitDocument(id);
        assertEquals("A title chosen by the caller", doc.path("title").asText());
        assertEquals(url, doc.path("url").asText());
        assertEquals("caller's source", doc.path("source").asText());
        assertEquals("2023-10", doc.path("published").asText());
        assertEquals(2, doc.path("authors").size(), doc.toString());
        assertEquals("de-AT", doc.path("language").asText());
    }

    @Test
    void aTwoColumnPdfPostedRawIsReadColumnByColumn() throws Exception {
        String id = request().contentType("application/pdf").body(TestPdfs.twoColumns())
                .when().post("/api/documents")
                .then().statusCode(202).extract().path("id");

        JsonNode doc = raw.awaitDocument(id);
        assertEquals("application/pdf", doc.path("content_type").asText());
        assertEquals(TestPdfs.TWO_COLUMN_TITLE, doc.path("title").asText());
        String text = doc.path("text").asText();
        assertTrue(text.contains(TestPdfs.LEFT.get(0)) && text.contains(TestPdfs.RIGHT.get(1)), text);
        assertFalse(text.contains(TestPdfs.RUNNING_HEAD) || text.contains("Page 2 of 3"), text);
        assertTrue(doc.path("cleaning").path("removed").path("running_header").asInt() >= 3, doc.toString());
    }

    @Test
    void aPdfUploadedAsAFormTakesTheFormFields() throws Exception {
        String unique = UUID.randomUUID().toString();
        byte[] pdf = TestPdfs.singleColumn("Grain Silos " + unique, "Someone Else",
                List.of("A short invented paragraph about silos, written for " + unique + "."));

        String id = given().multiPart("file", "silos.pdf", pdf, "application/pdf")
                .multiPart("title", "Silos on the plain")
                .multiPart("authors", "P. One; Q. Two")
                .multiPart("published", "2022-06-21")
                .when().post("/api/documents")
                .then().statusCode(202).extract().path("id");

        JsonNode doc = raw.awaitDocument(id);
        assertEquals("application/pdf", doc.path("content_type").asText());
        assertEquals("Silos on the plain", doc.path("title").asText());
        assertEquals("P. One", doc.path("authors").path(0).asText());
        assertEquals("Q. Two", doc.path("authors").path(1).asText());
        assertEquals("2022-06-21", doc.path("published").asText());
        assertTrue(doc.path("text").asText().contains(unique), doc.toString());
    }

    @Test
    void markdownIsAcceptedAndItsSyntaxRemoved() throws Exception {
        String unique = UUID.randomUUID().toString();
        String markdown = "# Notes on Canal Tolls\n\nThe **toll** on the [eastern canal](https://example.org) rose "
                + "again, says note " + unique + ".\n\n- barges pay by weight\n- pleasure boats pay by length\n";

        String id = request().contentType("text/markdown; charset=UTF-8")
                .body(markdown.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/documents")
                .then().statusCode(202).extract().path("id");

        JsonNode doc = raw.awaitDocument(id);
        assertEquals("text/markdown", doc.path("content_type").asText());
        assertEquals("Notes on Canal Tolls", doc.path("title").asText(), "the first line names the document");
        String text = doc.path("text").asText();
        assertTrue(text.contains("The toll on the eastern canal rose again"), text);
        assertFalse(text.contains("**") || text.contains("]("), text);
    }

    @Test
    void anUnsupportedTypeIsRefusedWith415NamingWhatIsAccepted() {
        request().contentType("application/msword").body(new byte[] { 1, 2, 3 })
                .when().post("/api/documents")
                .then().statusCode(415)
                .body("error", equalTo("unsupported_media_type"))
                .body("message", containsString("application/pdf"));
    }

    @Test
    void anUploadOfAnUnsupportedTypeIsRefusedWith415() {
        given().multiPart("file", "picture.png", new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "image/png")
                .when().post("/api/documents")
                .then().statusCode(415)
                .body("error", equalTo("unsupported_media_type"))
                .body("message", containsString("image/png"));
    }

    @Test
    void aFormWithoutAFilePartIsRefusedWith400() {
        given().multiPart("title", "no file here")
                .when().post("/api/documents")
                .then().statusCode(400)
                .body("error", equalTo("missing_file"));
    }

    @Test
    void malformedJsonIsStillRefusedWith400() {
        request().contentType("application/json").body("{\"title\": ")
                .when().post("/api/documents")
                .then().statusCode(400)
                .body("error", equalTo("malformed_json"));
    }

    @Test
    void anEncryptedPdfIsRefusedWith422() {
        request().contentType("application/pdf").body(TestPdfs.encrypted())
                .when().post("/api/documents")
                .then().statusCode(422)
                .body("error", equalTo("encrypted_pdf"))
                .body("message", containsString("password"));
    }

    @Test
    void aCorruptPdfIsRefusedWith422() {
        request().contentType("application/pdf").body(TestPdfs.corrupt())
                .when().post("/api/documents")
                .then().statusCode(422)
                .body("error", equalTo("unreadable_pdf"));
    }

    @Test
    void aDocumentOverTheSizeLimitIsRefusedWith413() throws Exception {
        byte[] oversized = "word ".repeat(2_200_000).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(documents)
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "text/plain")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(oversized))
                .build();

        HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());

        assertEquals(413, response.statusCode());
    }
}
