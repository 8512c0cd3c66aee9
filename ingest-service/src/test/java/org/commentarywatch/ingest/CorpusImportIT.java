package org.commentarywatch.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** POST /api/corpus/import with the reference corpus and with directories that are wrong in each way. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class CorpusImportIT extends RawTopicTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Response importing(String path) {
        return given().contentType(ContentType.JSON).body("{\"path\": " + JSON.valueToTree(path) + "}")
                .when().post("/api/corpus/import");
    }

    @Test
    void theReferenceCorpusBecomesReferenceDocumentsWithTheAnalystsLabelsAndTheSameIdsWhenImportedAgain()
            throws Exception {
        Path corpus = Corpus.dir();
        JsonNode labels = JSON.readTree(corpus.resolve("labels.json").toFile());

        JsonNode result = JSON.readTree(importing(corpus.toString()).then().statusCode(200).extract().asString());

        assertEquals(labels.size(), result.path("imported").asInt(), result.toString());
        assertEquals(corpus.toAbsolutePath().normalize().toString(), result.path("directory").asText());
        for (int i = 0; i < labels.size(); i++) {
            JsonNode label = labels.get(i);
            JsonNode imported = result.path("documents").get(i);
            assertEquals(label.path("file").asText(), imported.path("file").asText());
            JsonNode document = raw.awaitDocument(imported.path("id").asText());
            assertTrue(document.path("reference").asBoolean(), document.path("title").asText());
            assertEquals(label.path("title").asText(), document.path("title").asText());
            assertEquals(label.path("stance").asText(), document.path("labels").path("stance").asText());
            assertEquals(label.path("themes"), document.path("labels").path("themes"));
            assertEquals(label.path("origin").asText(), document.path("labels").path("origin").asText());
            assertEquals(label.path("publisher").asText(), document.path("source").asText());
            assertEquals(label.path("published").asText(), document.path("published").asText());
        }

        JsonNode again = JSON.readTree(importing(corpus.toString()).then().statusCode(200).extract().asString());

        assertEquals(result.path("documents"), again.path("documents"), "stable ids: importing again changes nothing");
        String first = result.path("documents").get(0).path("id").asText();
        assertEquals(2, raw.awaitKey(first, 2).size(), "written again under the same key, replacing itself");
    }

    @Test
    void aPathWhereNothingExistsIs404() {
        importing("/var/tmp/no-such-corpus-" + System.nanoTime())
                .then().statusCode(404)
                .body("error", equalTo("not_found"))
                .body("message", containsString("no directory at"));
    }

    @Test
    void aFileInsteadOfADirectoryIs400() {
        importing(Corpus.dir().resolve("labels.json").toString())
                .then().statusCode(400)
                .body("error", equalTo("not_a_directory"));
    }

    @Test
    void aBodyWithoutPathIs400() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/corpus/import")
                .then().statusCode(400)
                .body("error", equalTo("missing_path"));
    }

    @Test
    void aDirectoryWithoutLabelsIs400(@TempDir Path dir) {
        importing(dir.toString())
                .then().statusCode(400)
                .body("error", equalTo("invalid_corpus"))
                .body("message", containsString("no labels.json"));
    }

    @Test
    void aListedFileThatIsMissingOrALabelOutsideTheVocabularyIsNamedAndNothingIsImported(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("one.txt"), "An invented reference piece about a rail bridge, for this test.");
        Files.writeString(dir.resolve("labels.json"), """
                [{"file": "one.txt", "title": "Rail bridge", "stance": "neutral", "themes": ["trade_finance"]},
                 {"file": "two.txt", "title": "Missing", "stance": "neutral"}]""");

        importing(dir.toString())
                .then().statusCode(400)
                .body("error", equalTo("invalid_corpus"))
                .body("message", containsString("two.txt"));

        Files.writeString(dir.resolve("labels.json"), """
                [{"file": "one.txt", "title": "Rail bridge", "stance": "friendly", "themes": ["trade_finance"]}]""");

        importing(dir.toString())
                .then().statusCode(400)
                .body("error", equalTo("invalid_label"))
                .body("message", containsString("one.txt"));
        assertEquals(List.of(), raw.awaitMatching(value -> value.contains("a rail bridge, for this test"), 0),
                "checked before anything was written");
    }
}
