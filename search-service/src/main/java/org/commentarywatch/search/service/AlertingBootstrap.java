package org.commentarywatch.search.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.commentarywatch.search.client.IndexAdminClient;
import org.commentarywatch.search.config.CommentaryConfig;

/**
 * At start-up, in the background like {@link IndexBootstrap}: creates the rules, alerts and deliveries indices
 * (mappings from {@code src/main/resources/elasticsearch/commentary-{rules,alerts,deliveries}.json}) and loads the
 * stored rules into the matcher. Until then documents wait before being matched, so none slips past a rule.
 */
@ApplicationScoped
public class AlertingBootstrap {

    private static final Logger LOG = Logger.getLogger(AlertingBootstrap.class);

    private final IndexAdminClient admin;
    private final RuleService rules;
    private final ServiceLifecycle lifecycle;
    private final Backoff backoff;
    private final Map<String, ObjectNode> indices = new LinkedHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "commentary-alerting-bootstrap");
        thread.setDaemon(true);
        return thread;
    });
    private volatile IndexBootstrap.IndexState state = new IndexBootstrap.IndexState(false, "not checked yet");

    public AlertingBootstrap(IndexAdminClient admin, RuleService rules, CommentaryConfig config, ObjectMapper mapper,
                             ServiceLifecycle lifecycle) {
        this.admin = admin;
        this.rules = rules;
        this.lifecycle = lifecycle;
        this.backoff = Backoff.of(config.retry());
        indices.put(config.alerting().rulesIndex(), definition("elasticsearch/commentary-rules.json", mapper));
        indices.put(config.alerting().alertsIndex(), definition("elasticsearch/commentary-alerts.json", mapper));
        indices.put(config.alerting().deliveriesIndex(), definition("elasticsearch/commentary-deliveries.json", mapper));
    }

    void onStart(@Observes StartupEvent event) {
        worker.execute(this::setUpUntilDone);
    }

    void onShutdown(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    public IndexBootstrap.IndexState state() {
        return state;
    }

    public boolean isReady() {
        return state.ready();
    }

    private void setUpUntilDone() {
        for (int failures = 1; !lifecycle.isStopping(); failures++) {
            try {
                for (Map.Entry<String, ObjectNode> index : indices.entrySet()) {
                    if (admin.createIndexWith(index.getKey(), index.getValue())) {
                        LOG.infof("Created the index %s", index.getKey());
                    }
                }
                int loaded = rules.load();
                LOG.infof("Loaded %d rules", loaded);
                state = new IndexBootstrap.IndexState(true, loaded + " rules loaded");
                return;
            } catch (IOException | RuntimeException e) {
                state = new IndexBootstrap.IndexState(false, "cannot set up the alerting indices or load the rules: "
                        + Optional.ofNullable(e.getMessage()).orElse(e.toString()));
                LOG.warnf("Cannot set up alerting yet, will retry: %s", e.toString());
                if (!lifecycle.pause(backoff.delay(failures))) {
                    return;
                }
            }
        }
    }

    private static ObjectNode definition(String resource, ObjectMapper mapper) {
        try (InputStream in = AlertingBootstrap.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no index definition " + resource + " on the classpath");
            }
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
