package org.commentarywatch.ingest.service.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.commentarywatch.ingest.TestPdfs;
import org.commentarywatch.ingest.messaging.PublishFailedException;
import org.commentarywatch.ingest.model.DeadLetter;
import org.commentarywatch.ingest.service.extraction.DocumentExtractor;
import org.commentarywatch.ingest.service.extraction.PdfExtractor;
import org.commentarywatch.ingest.service.extraction.UnreadableDocumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop folder's passes on a real directory, with a clock the test moves. The intake is the real extraction
 * (bytes + type in, text out); only the Kafka write behind it is left out.
 */
class DropFolderTest {

    private static final Duration SETTLE = Duration.ofSeconds(1);

    @TempDir
    Path root;

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<String> stored = new ArrayList<>();
    /** "name kind size" of each dead letter the folder asked for. */
    private final List<String> deadLetters = new ArrayList<>();
    private final AtomicBoolean deadLettersAway = new AtomicBoolean(false);
    private final DocumentExtractor extractor = new DocumentExtractor(new PdfExtractor.Limits(50, Duration.ofSeconds(10)));

    private DropFolder folder(DropFolder.Intake intake) {
        return new DropFolder(root, SETTLE, intake, (name, kind, message, content, size) -> {
            if (deadLettersAway.get()) {
                throw new PublishFailedException("Kafka is unavailable", new RuntimeException("no broker"));
            }
            assertTrue(content.length <= size && content.length <= DeadLetter.MAX_PAYLOAD_BYTES, name);
            deadLetters.add(name + " " + kind + " " + size);
        }, now::get);
    }

    /** Extracts like the service does; "stores" by remembering the file name. */
    private String extractAndStore(byte[] body, String type, String name) {
        if (extractor.extract(body, type, Optional.empty()).text().isBlank()) {
            throw new UnreadableDocumentException("no_text", "no text could be read");
        }
        stored.add(name);
        return "id-of-" + name;
    }

    private List<DropFolder.Outcome> passAfterSettling(DropFolder folder) {
        folder.scan();
        now.addAndGet(SETTLE.toMillis());
        return folder.scan();
    }

    @Test
    void aFileIsReadOnlyOnceItHasStoppedChanging() throws Exception {
        DropFolder folder = folder(this::extractAndStore);
        Path file = root.resolve("note.txt");
        Files.writeString(file, "A first paragraph of a note written for this test.\n");

        assertEquals(List.of(), folder.scan(), "first sight: not yet");
        now.addAndGet(SETTLE.toMillis() / 2);
        assertEquals(List.of(), folder.scan(), "unchanged, but not for long enough");
        Files.writeString(file, "A second paragraph arrives while the copy goes on.\n", StandardOpenOption.APPEND);
        now.addAndGet(SETTLE.toMillis());
        assertEquals(List.of(), folder.scan(), "it grew: the wait starts again");
        now.addAndGet(SETTLE.toMillis());

        List<DropFolder.Outcome> outcomes = folder.scan();

        assertEquals(1, outcomes.size());
        assertEquals("id-of-note.txt", outcomes.get(0).documentId().orElseThrow());
        assertFalse(Files.exists(file));
        assertTrue(Files.isRegularFile(root.resolve("processed/note.txt")));
        assertEquals(List.of("note.txt"), stored);
    }

    @Test
    void htmlPdfTextAndMarkdownGoToProcessed() throws Exception {
        DropFolder folder = folder(this::extractAndStore);
        Files.writeString(root.resolve("page.html"), "<html><head><title>A page</title></head><body><article>"
                + "<p>A paragraph long enough to be the article on this page, written for the drop folder test. "
                + "It goes on for a second sentence so that readability takes it.</p></article></body></html>");
        Files.write(root.resolve("report.pdf"), TestPdfs.singleColumn("A report", "A. Author",
                List.of("One paragraph of the report, written for this test.")));
        Files.writeString(root.resolve("note.md"), "# A note\n\nSome *Markdown* text written for this test.\n");
        Files.writeString(root.resolve("plain.txt"), "Plain text written for this test.\n");

        List<DropFolder.Outcome> outcomes = passAfterSettling(folder);

        assertEquals(4, outcomes.size(), outcomes.toString());
        assertTrue(outcomes.stream().allMatch(o -> o.documentId().isPresent()), outcomes.toString());
        for (String name : List.of("page.html", "report.pdf", "note.md", "plain.txt")) {
            assertTrue(Files.isRegularFile(root.resolve("processed").resolve(name)), name);
        }
    }

    @Test
    void anUnreadableFileGoesToFailedWithItsReasonBeside() throws Exception {
        DropFolder folder = folder(this::extractAndStore);
        Files.write(root.resolve("locked.pdf"), TestPdfs.encrypted());
        Files.write(root.resolve("broken.pdf"), TestPdfs.corrupt());
        Files.writeString(root.resolve("sheet.xlsx"), "not a type read here");
        Files.writeString(root.resolve("blank.txt"), "   \n\n  ");
        Files.write(root.resolve("empty.html"), new byte[0]);

        List<DropFolder.Outcome> outcomes = passAfterSettling(folder);

        assertEquals(5, outcomes.size(), outcomes.toString());
        assertEquals(List.of(), stored);
        assertReason("locked.pdf", "encrypted_pdf");
        assertReason("broken.pdf", "unreadable_pdf");
        assertReason("sheet.xlsx", "unsupported_extension");
        assertReason("blank.txt", "no_text");
        assertReason("empty.html", "empty_file");
        assertEquals(List.of("blank.txt no_text 7", "broken.pdf unreadable_pdf " + Files.size(failed("broken.pdf")),
                "empty.html empty_file 0", "locked.pdf encrypted_pdf " + Files.size(failed("locked.pdf")),
                "sheet.xlsx unsupported_extension 20"), deadLetters.stream().sorted().toList(),
                "each refused file is also a dead letter, with its name, kind and size");
    }

    @Test
    void aRefusedFileWhoseDeadLetterIsNotAcknowledgedStaysUntilItIs() throws Exception {
        DropFolder folder = folder(this::extractAndStore);
        Path file = root.resolve("broken.pdf");
        Files.write(file, TestPdfs.corrupt());
        deadLettersAway.set(true);

        assertEquals(List.of(), passAfterSettling(folder));
        assertTrue(Files.exists(file), "kept for the next pass");
        assertFalse(Files.exists(root.resolve("failed/broken.pdf")));

        deadLettersAway.set(false);
        assertEquals(1, passAfterSettling(folder).size());
        assertReason("broken.pdf", "unreadable_pdf");
        assertEquals(1, deadLetters.size());
    }

    private Path failed(String name) {
        return root.resolve("failed").resolve(name);
    }

    private void assertReason(String name, String kind) throws Exception {
        Path failed = root.resolve("failed");
        assertTrue(Files.isRegularFile(failed.resolve(name)), name + " not in failed/");
        assertFalse(Files.exists(root.resolve(name)), name + " still in the folder");
        String reason = Files.readString(failed.resolve(name + DropFolder.REASON_SUFFIX), StandardCharsets.UTF_8);
        assertTrue(reason.startsWith(kind + ": "), name + ": " + reason);
    }

    @Test
    void whenTheDocumentCannotBeStoredTheFileStaysAndIsTriedAgain() throws Exception {
        AtomicBoolean kafkaAway = new AtomicBoolean(true);
        DropFolder folder = folder((body, type, name) -> {
            if (kafkaAway.get()) {
                throw new PublishFailedException("Kafka is unavailable", new RuntimeException("no broker"));
            }
            return extractAndStore(body, type, name);
        });
        Path file = root.resolve("later.txt");
        Files.writeString(file, "Written while the broker is away.\n");

        assertEquals(List.of(), passAfterSettling(folder));
        assertTrue(Files.exists(file), "kept for the next pass");
        assertFalse(Files.exists(root.resolve("failed/later.txt")));

        kafkaAway.set(false);
        List<DropFolder.Outcome> outcomes = passAfterSettling(folder);

        assertEquals(1, outcomes.size());
        assertTrue(Files.isRegularFile(root.resolve("processed/later.txt")));
    }

    @Test
    void filesStillBeingWrittenUnderATemporaryNameAndHiddenFilesAreLeftAlone() throws Exception {
        DropFolder folder = folder(this::extractAndStore);
        Files.writeString(root.resolve("download.pdf.part"), "half a file");
        Files.writeString(root.resolve(".report.txt.swp"), "an editor's file");

        assertEquals(List.of(), passAfterSettling(folder));
        assertTrue(Files.exists(root.resolve("download.pdf.part")));
        assertTrue(Files.exists(root.resolve(".report.txt.swp")));
    }

    @Test
    void aFileDroppedAgainUnderTheSameNameReplacesTheProcessedCopy() throws Exception {
        DropFolder folder = folder(this::extractAndStore);
        Files.writeString(root.resolve("note.txt"), "The first version of a note.\n");
        passAfterSettling(folder);
        Files.writeString(root.resolve("note.txt"), "The second version of the note.\n");

        passAfterSettling(folder);

        assertEquals("The second version of the note.\n", Files.readString(root.resolve("processed/note.txt")));
        assertEquals(List.of("note.txt", "note.txt"), stored);
    }
}
