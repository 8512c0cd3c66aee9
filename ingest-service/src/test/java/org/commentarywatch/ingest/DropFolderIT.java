package org.commentarywatch.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commentarywatch.localstack.LocalStackTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The drop folder of the running service, watched on its own thread, writing to the real commentary.raw. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@TestProfile(DropFolderIT.WithDropFolder.class)
class DropFolderIT extends RawTopicTestBase {

    private static final Path DROP = temporaryDirectory();
    private static final ObjectMapper JSON = new ObjectMapper();

    public static class WithDropFolder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("commentary.drop-folder.dir", DROP.toString(),
                    "commentary.drop-folder.scan-interval", "500ms",
                    "commentary.drop-folder.settle-time", "300ms");
        }
    }

    /**
     * Named after the JVM, not made with createTempDirectory: the profile and the test class are loaded by different
     * class loaders, each with its own static fields, and must name the same folder.
     */
    private static Path temporaryDirectory() {
        try {
            return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"),
                    "commentary-drop-it-" + ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteFolder() throws IOException {
        try (Stream<Path> paths = Files.walk(DROP)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void droppedHtmlPdfAndTextBecomeDocumentsAndACorruptPdfIsParkedWithItsReasonAndADeadLetter() throws Exception {
        RawTopic dlq = new RawTopic(LocalStackTestResource.stack().kafkaBootstrapServers(), config.topics().dlq());
        String marker = "dropmarker" + UUID.randomUUID().toString().replace("-", "");
        Files.writeString(DROP.resolve("page.html"), "<html lang=\"en\"><head><title>A dropped page</title></head>"
                + "<body><nav><a href=\"/\">Home</a></nav><article><p>An article dropped into the folder for this "
                + "test, carrying the word " + marker + " so that the test finds it. A second sentence makes the "
                + "paragraph long enough for the extractor to keep it as the main text.</p></article></body></html>");
        Files.write(DROP.resolve("report.pdf"), TestPdfs.singleColumn("A dropped report", "A. Writer",
                List.of("A report dropped into the folder, with the word " + marker + " in its only paragraph.")));
        Files.writeString(DROP.resolve("note.txt"), "A plain note dropped into the folder.\n\nIt names " + marker
                + " too.\n");
        Files.write(DROP.resolve("broken.pdf"), TestPdfs.corrupt());

        List<ConsumerRecord<String, String>> records = raw.awaitMatching(value -> value.contains(marker), 3);

        assertEquals(3, records.size(), "one document per readable file");
        Set<String> types = records.stream().map(r -> read(r.value()).path("content_type").asText())
                .collect(Collectors.toSet());
        assertEquals(Set.of("text/html", "application/pdf", "text/plain"), types);
        for (ConsumerRecord<String, String> r : records) {
            Set<ValidationMessage> errors = Schemas.validate(Schemas.RAW_DOCUMENT, r.value());
            assertTrue(errors.isEmpty(), errors + " in " + r.value());
            assertEquals(read(r.value()).path("id").asText(), r.key());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(DROP.resolve("failed/broken.pdf.reason.txt"))
                && names(DROP.resolve("processed")).size() == 3);
        assertEquals(Set.of("page.html", "report.pdf", "note.txt"), names(DROP.resolve("processed")));
        assertEquals(Set.of("broken.pdf", "broken.pdf.reason.txt"), names(DROP.resolve("failed")));
        assertTrue(Files.readString(DROP.resolve("failed/broken.pdf.reason.txt")).startsWith("unreadable_pdf: "));
        assertEquals(Set.of("processed", "failed"), names(DROP), "nothing left in the folder itself");

        try (dlq) {
            List<ConsumerRecord<String, String>> letters = dlq.awaitKey("file:broken.pdf", 1);
            assertEquals(1, letters.size());
            String value = letters.get(0).value();
            assertEquals(Set.of(), Schemas.validate("dlq-record.schema.json", value), value);
            JsonNode letter = read(value);
            assertEquals("unreadable_pdf", letter.path("cause").path("type").asText());
            assertEquals("broken.pdf", letter.path("source").path("file").asText());
            byte[] payload = letter.path("payload_encoding").asText().equals("base64")
                    ? java.util.Base64.getDecoder().decode(letter.path("payload").asText())
                    : letter.path("payload").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertArrayEquals(TestPdfs.corrupt(), payload, "the file itself, for a replay");
        }
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
