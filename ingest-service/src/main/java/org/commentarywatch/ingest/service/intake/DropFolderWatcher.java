package org.commentarywatch.ingest.service.intake;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.commentarywatch.ingest.config.CommentaryConfig;
import org.commentarywatch.ingest.messaging.DeadLetterPublisher;
import org.commentarywatch.ingest.model.DeadLetter;
import org.commentarywatch.ingest.model.DocumentSubmission;
import org.commentarywatch.ingest.service.IngestService;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Runs the drop folder when {@code commentary.drop-folder.dir} is set: one thread that scans the folder whenever the
 * file system reports a change (WatchService) and in any case every {@code scan-interval}, because change events
 * are lost on some file systems (network mounts, some containers' volumes) and a file only settles after its last
 * event anyway. Each file goes through {@link IngestService} like an upload.
 */
@ApplicationScoped
public class DropFolderWatcher {

    private static final Logger LOG = Logger.getLogger(DropFolderWatcher.class);

    private final CommentaryConfig config;
    private final IngestService ingest;
    private final DeadLetterPublisher deadLetters;
    private volatile DropFolder folder;
    private volatile WatchService watch;
    private volatile Thread worker;
    private volatile boolean running;

    public DropFolderWatcher(CommentaryConfig config, IngestService ingest, DeadLetterPublisher deadLetters) {
        this.config = config;
        this.ingest = ingest;
        this.deadLetters = deadLetters;
    }

    void onStart(@Observes StartupEvent event) {
        Optional<Path> dir = config.dropFolder().dir().filter(d -> !d.isBlank()).map(Path::of);
        if (dir.isEmpty()) {
            return;
        }
        // A configured folder that cannot be used stops the start: better than a service that silently ignores it.
        folder = new DropFolder(dir.get(), config.dropFolder().settleTime(), this::store, this::deadLetter,
                System::currentTimeMillis);
        try {
            watch = FileSystems.getDefault().newWatchService();
            dir.get().register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warnf("drop folder %s: no change events (%s); scanning every %s only", dir.get(), e,
                    config.dropFolder().scanInterval());
            watch = null;
        }
        running = true;
        worker = new Thread(this::run, "drop-folder");
        worker.setDaemon(true);
        worker.start();
        LOG.infof("drop folder %s watched (scan every %s, files read once unchanged for %s)",
                dir.get().toAbsolutePath(), config.dropFolder().scanInterval(), config.dropFolder().settleTime());
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (watch != null) {
            try {
                watch.close();
            } catch (IOException e) {
                LOG.debug("closing the watch service", e);
            }
        }
        if (worker != null) {
            worker.interrupt();
            worker.join(Duration.ofSeconds(10).toMillis());
        }
    }

    /** The folder's passes, for tests and operators that do not want to wait for the next one. */
    public List<DropFolder.Outcome> scanNow() {
        if (folder == null) {
            throw new IllegalStateException("no drop folder configured (commentary.drop-folder.dir)");
        }
        return folder.scan();
    }

    private void run() {
        long interval = config.dropFolder().scanInterval().toMillis();
        while (running) {
            try {
                waitForChange(interval);
                folder.scan();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                // The thread must outlive any one bad pass.
                LOG.error("drop folder pass failed", e);
            }
        }
    }

    private void waitForChange(long millis) throws InterruptedException {
        if (watch == null) {
            Thread.sleep(millis);
            return;
        }
        WatchKey key = watch.poll(millis, TimeUnit.MILLISECONDS);
        if (key != null) {
            key.pollEvents();
            key.reset();
        }
    }

    /** A refused file on commentary.dlq, keyed by its name: the same file refused again lands under the same key. */
    private void deadLetter(String fileName, String kind, String message, byte[] content, long size) {
        deadLetters.publish("file:" + fileName, DeadLetter.ofContent(kind, message, DeadLetter.Source.file(fileName),
                content, size, Instant.now().truncatedTo(ChronoUnit.MILLIS))).await().atMost(config.ingest().ackTimeout());
    }

    private String store(byte[] body, String contentType, String fileName) {
        DocumentSubmission given = new DocumentSubmission("", "", Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), false, Optional.empty());
        // Bounded: extraction has its own limit, the Kafka write its acknowledgement timeout.
        Duration bound = config.extraction().timeout().plus(config.ingest().ackTimeout());
        return ingest.ingest(body, contentType, given).await().atMost(bound);
    }
}
