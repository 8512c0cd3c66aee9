package org.commentarywatch.ingest.service.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.commentarywatch.ingest.messaging.PublishFailedException;
import org.commentarywatch.ingest.model.DeadLetter;
import org.commentarywatch.ingest.service.InvalidDocumentException;
import org.commentarywatch.ingest.service.extraction.DocumentExtractor;
import org.commentarywatch.ingest.service.extraction.UnreadableDocumentException;
import org.jboss.logging.Logger;

/**
 * One pass over a drop folder at a time ({@link #scan()}): a file is read once its size and modification time have
 * stayed the same for the settle time (a copy in progress is not taken half-written), handed to the intake, and
 * moved to {@code processed/}, or to {@code failed/} with {@code <name>.reason.txt} beside it saying what was wrong.
 * When the intake could not store the document for a passing reason (Kafka away), the file stays where it is and
 * is tried again on a later pass. Who calls {@code scan} and when is {@link DropFolderWatcher}'s business.
 */
public final class DropFolder {

    private static final Logger LOG = Logger.getLogger(DropFolder.class);

    static final String PROCESSED = "processed";
    static final String FAILED = "failed";
    static final String REASON_SUFFIX = ".reason.txt";
    static final List<String> EXTENSIONS = List.of(".pdf", ".html", ".htm", ".txt", ".md");
    /** Names downloaders and copy tools give a file while they are still writing it: not ours yet. */
    private static final List<String> IN_PROGRESS = List.of(".part", ".partial", ".crdownload", ".tmp", "~");

    /** Stores one document; throws for what was wrong with it. */
    @FunctionalInterface
    public interface Intake {
        /** @return the id of the stored document */
        String accept(byte[] body, String contentType, String fileName);
    }

    /**
     * Records a refused file where it is not lost (the dead-letter topic) before it is parked in {@code failed/};
     * throws {@link PublishFailedException} (or Mutiny's timeout) when that record was not acknowledged.
     *
     * @param content the file's bytes, at most {@link DeadLetter#MAX_PAYLOAD_BYTES} of them
     * @param size the file's length
     */
    @FunctionalInterface
    public interface Rejections {
        void reject(String fileName, String kind, String message, byte[] content, long size);
    }

    /** What a pass did with one file. */
    public record Outcome(String fileName, Optional<String> documentId, Optional<String> reason) {
    }

    private record Observation(long size, Instant modified, long seenAtMillis) {
    }

    private final Path root;
    private final Path processed;
    private final Path failed;
    private final Duration settleTime;
    private final Intake intake;
    private final Rejections rejections;
    private final LongSupplier millis;
    private final Map<Path, Observation> observations = new HashMap<>();

    public DropFolder(Path root, Duration settleTime, Intake intake, Rejections rejections, LongSupplier millis) {
        this.root = root;
        this.processed = root.resolve(PROCESSED);
        this.failed = root.resolve(FAILED);
        this.settleTime = settleTime;
        this.intake = intake;
        this.rejections = rejections;
        this.millis = millis;
        try {
            Files.createDirectories(processed);
            Files.createDirectories(failed);
        } catch (IOException e) {
            throw new UncheckedIOException("the drop folder " + root.toAbsolutePath() + " cannot be used: " + e, e);
        }
    }

    public Path root() {
        return root;
    }

    /** Reads and moves every file that has settled; returns what happened to each one handled. */
    public synchronized List<Outcome> scan() {
        List<Path> files;
        try (Stream<Path> listing = Files.list(root)) {
            files = listing.filter(Files::isRegularFile).filter(DropFolder::candidate).sorted().toList();
        } catch (IOException e) {
            LOG.warnf("drop folder %s cannot be listed: %s", root, e);
            return List.of();
        }
        observations.keySet().retainAll(files);
        return files.stream().filter(this::settled).map(this::handle).flatMap(Optional::stream).toList();
    }

    private static boolean candidate(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && IN_PROGRESS.stream().noneMatch(name::endsWith);
    }

    private boolean settled(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            observations.remove(file);
            return false;
        }
        long now = millis.getAsLong();
        Observation current = new Observation(attributes.size(), attributes.lastModifiedTime().toInstant(), now);
        Observation earlier = observations.get(file);
        if (earlier == null || earlier.size() != current.size() || !earlier.modified().equals(current.modified())) {
            observations.put(file, current);
            return false;
        }
        return now - earlier.seenAtMillis() >= settleTime.toMillis();
    }

    private Optional<Outcome> handle(Path file) {
        String name = file.getFileName().toString();
        Optional<String> type = EXTENSIONS.stream().anyMatch(name.toLowerCase(Locale.ROOT)::endsWith)
                ? DocumentExtractor.typeOfFileName(name) : Optional.empty();
        if (type.isEmpty()) {
            return fail(file, "unsupported_extension", "'" + name + "' is not one of the types read here: "
                    + String.join(", ", EXTENSIONS));
        }
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            observations.remove(file);
            return Optional.empty();
        } catch (IOException e) {
            LOG.warnf("drop folder: %s cannot be read yet (%s); tried again on the next pass", name, e);
            return Optional.empty();
        }
        if (body.length == 0) {
            return fail(file, "empty_file", "the file is empty");
        }
        String id;
        try {
            id = intake.accept(body, type.get(), name);
        } catch (PublishFailedException | io.smallrye.mutiny.TimeoutException e) {
            // Passing: the file stays and the next pass tries again, so nothing dropped is lost while Kafka is away.
            LOG.warnf("drop folder: %s not stored yet (%s); tried again on the next pass", name, e.getMessage());
            observations.remove(file);
            return Optional.empty();
        } catch (InvalidDocumentException e) {
            return fail(file, e.kind(), e.getMessage());
        } catch (UnreadableDocumentException e) {
            return fail(file, e.kind(), e.getMessage());
        } catch (RuntimeException e) {
            // Anything else is about this file (unsupported content, a parser's surprise): parked, never retried
            // forever, and the folder goes on.
            LOG.warnf(e, "drop folder: %s failed", name);
            return fail(file, "unreadable", e.toString());
        }
        observations.remove(file);
        try {
            move(file, processed.resolve(name));
        } catch (IOException e) {
            // Stored, not moved: the next pass stores it again under the same id, which only replaces the record.
            LOG.errorf("drop folder: %s stored as %s but not moved to %s: %s", name, id, processed, e);
        }
        LOG.infof("drop folder: %s -> document %s", name, id);
        return Optional.of(new Outcome(name, Optional.of(id), Optional.empty()));
    }

    private Optional<Outcome> fail(Path file, String kind, String message) {
        String name = file.getFileName().toString();
        observations.remove(file);
        String reason = kind + ": " + message;
        try {
            rejections.reject(name, kind, message, head(file), Files.size(file));
        } catch (PublishFailedException | io.smallrye.mutiny.TimeoutException e) {
            // The dead letter is what keeps the refusal visible downstream: the file waits for the next pass.
            LOG.warnf("drop folder: %s refused (%s) but not yet recorded on the dead-letter topic (%s); tried again "
                    + "on the next pass", name, reason, e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            LOG.warnf("drop folder: %s cannot be read for its dead letter yet (%s); tried again on the next pass",
                    name, e);
            return Optional.empty();
        }
        try {
            move(file, failed.resolve(name));
            Files.writeString(failed.resolve(name + REASON_SUFFIX), reason + "\n" + "file: " + name + "\n"
                    + "at: " + Instant.now() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.errorf("drop folder: %s failed (%s) and could not be moved to %s: %s", name, reason, failed, e);
        }
        LOG.warnf("drop folder: %s -> failed/ (%s)", name, reason);
        return Optional.of(new Outcome(name, Optional.empty(), Optional.of(reason)));
    }

    /** What a dead letter can carry of the file, without reading a large one whole. */
    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(DeadLetter.MAX_PAYLOAD_BYTES);
        }
    }

    /** A file dropped again under the same name replaces the earlier one: the newer copy is what was read. */
    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
