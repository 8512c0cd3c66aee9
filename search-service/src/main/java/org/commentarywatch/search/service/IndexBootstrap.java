package org.commentarywatch.search.service;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.commentarywatch.search.client.IndexAdminClient;
import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.config.IndexLayout;

/**
 * Makes sure the template, the versioned index and the alias exist, in the background: Elasticsearch being away
 * at start-up must not keep the service from starting, only from being ready. Tries again, with growing pauses,
 * until it succeeds, and again whenever a write finds the index gone.
 */
@ApplicationScoped
public class IndexBootstrap {

    private static final Logger LOG = Logger.getLogger(IndexBootstrap.class);

    /** Whether writes and searches can go to the alias, and what a person should know about it. */
    public record IndexState(boolean ready, String detail) {
        public IndexState {
            Objects.requireNonNull(detail, "detail");
        }
    }

    private final IndexAdminClient admin;
    private final IndexLayout layout;
    private final ObjectNode templateBody;
    private final Backoff backoff;
    private final ServiceLifecycle lifecycle;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "commentary-index-bootstrap");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile IndexState state = new IndexState(false, "not checked yet");

    public IndexBootstrap(IndexAdminClient admin, CommentaryConfig config, ObjectMapper mapper,
                          ServiceLifecycle lifecycle) {
        this.admin = admin;
        this.layout = IndexLayout.of(config.index());
        this.templateBody = IndexTemplate.body(layout, IndexTemplate.definition(layout, mapper), mapper);
        this.backoff = Backoff.of(config.retry());
        this.lifecycle = lifecycle;
    }

    void onStart(@Observes StartupEvent event) {
        schedule();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    public IndexState state() {
        return state;
    }

    public boolean isReady() {
        return state.ready();
    }

    /** The alias was found missing: not ready until it has been made again. */
    public void recheck() {
        state = new IndexState(false, "the alias " + layout.alias() + " went missing; recreating it");
        schedule();
    }

    private void schedule() {
        // At most one run waiting: a run that is already going re-checks everything from the start anyway.
        if (queued.compareAndSet(false, true)) {
            worker.execute(this::ensureUntilDone);
        }
    }

    private void ensureUntilDone() {
        queued.set(false);
        for (int failures = 1; !lifecycle.isStopping(); failures++) {
            try {
                ensure();
                return;
            } catch (IOException | RuntimeException e) {
                state = new IndexState(false, "cannot set up " + layout.indexName() + ": "
                        + Optional.ofNullable(e.getMessage()).orElse(e.toString()));
                LOG.warnf("Cannot set up the index %s behind %s yet, will retry: %s", layout.indexName(), layout.alias(),
                        e.toString());
                if (!lifecycle.pause(backoff.delay(failures))) {
                    return;
                }
            }
        }
    }

    private void ensure() throws IOException {
        admin.putIndexTemplate(layout.templateName(), templateBody);
        if (admin.createIndex(layout.indexName(), layout.alias())) {
            LOG.infof("Created the index %s behind the alias %s", layout.indexName(), layout.alias());
        } else {
            // An index created by an earlier release gets the fields added to this version's mapping since.
            admin.putMapping(layout.indexName(), templateBody.path("template").path("mappings")).ifPresent(refused ->
                    LOG.errorf("The index %s keeps its mapping, which differs from this release's in a way only a new "
                            + "index version can take: %s", layout.indexName(), refused));
        }
        Set<String> targets = admin.aliasTargets(layout.alias());
        if (targets.isEmpty()) {
            admin.addAlias(layout.indexName(), layout.alias());
            targets = Set.of(layout.indexName());
            LOG.infof("Pointed the alias %s at %s", layout.alias(), layout.indexName());
        }
        state = new IndexState(true, "alias " + layout.alias() + " -> " + String.join(", ", targets));
    }
}
