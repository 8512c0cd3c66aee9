package org.commentarywatch.search.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.model.Rule;
import org.commentarywatch.search.model.WebhookTarget;

/**
 * Sends the pending deliveries of {@code commentary-deliveries}: a signed POST per attempt, retried with exponential
 * backoff and jitter up to {@code commentary.webhooks.max-attempts}, every attempt logged in the delivery (time,
 * HTTP status, latency, error). A delivery is persisted before its first attempt and updated after each, so that a
 * restart loses none: pending ones are found again by polling the index. At least once: a receiver may see a
 * delivery again (after a crash between the call and its record) and should de-duplicate on
 * {@code X-Commentary-Delivery}.
 */
@ApplicationScoped
public class WebhookDeliverer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    private final ElasticsearchClient client;
    private final RuleService rules;
    private final AlertingBootstrap bootstrap;
    private final CommentaryConfig.Webhooks config;
    private final String index;
    private final Backoff backoff;
    private final HttpClient http;
    private static final int DIGEST_LIMIT = 500;

    /** Deliveries waiting for a sender or being attempted: each is handled by one task at a time. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** When each throttled rule last called (this run; after a restart a rule's first call is not held). */
    private final Map<String, Instant> lastCall = new ConcurrentHashMap<>();
    private final Map<String, Object> ruleLocks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "commentary-webhook-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService senders;

    private final ObjectMapper mapper;
    private final WebhookMetrics metrics;

    public WebhookDeliverer(ElasticsearchClient client, RuleService rules, AlertingBootstrap bootstrap,
                            CommentaryConfig config, ObjectMapper mapper, WebhookMetrics metrics) {
        this.client = client;
        this.metrics = metrics;
        this.mapper = mapper;
        this.rules = rules;
        this.bootstrap = bootstrap;
        this.config = config.webhooks();
        this.index = config.alerting().deliveriesIndex();
        this.backoff = new Backoff(this.config.initialDelay(), this.config.maxDelay());
        this.http = HttpClient.newBuilder()
                .connectTimeout(this.config.timeout())
                // A redirect could lead anywhere, the internal network included: never followed.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.senders = Executors.newFixedThreadPool(Math.max(1, this.config.senders()), task -> {
            Thread thread = new Thread(task, "commentary-webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    void onStart(@Observes StartupEvent event) {
        long every = config.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    void onShutdown(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
        senders.shutdownNow();
    }

    /** A delivery as stored, with the sequence number and primary term its next write must match. */
    public record Stored(ObjectNode source, long seqNo, long primaryTerm) {
    }

    /**
     * A delivery this service has just created: sent now rather than at the next poll, from the copy it wrote
     * (nobody else has touched it yet), without reading it back.
     */
    public void submitCreated(String id, Stored created) {
        enqueue(id, Optional.of(created));
    }

    /** A pending delivery found in the index: read in real time before it is attempted. */
    void submit(String id) {
        enqueue(id, Optional.empty());
    }

    private void enqueue(String id, Optional<Stored> known) {
        // Already queued or in flight: that task reads or holds what it needs, a second one would send twice.
        if (!queued.add(id)) {
            return;
        }
        try {
            senders.execute(() -> {
                Optional<Duration> retry;
                try {
                    retry = attempt(id, known);
                } finally {
                    queued.remove(id);
                }
                retry.ifPresent(delay -> later(id, delay));
            });
        } catch (RejectedExecutionException stopping) {
            queued.remove(id);
            // Persisted as pending: the next start sends it.
        }
    }

    private void later(String id, Duration delay) {
        try {
            scheduler.schedule(() -> submit(id), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // Persisted as pending: the next start sends it.
        }
    }

    /** Finds pending deliveries that are due, e.g. those left by an earlier run. */
    void poll() {
        if (!bootstrap.isReady()) {
            return;
        }
        try {
            String now = Instant.now().toString();
            SearchResponse<ObjectNode> due = client.search(s -> s.index(index).size(100)
                    .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("status").value(PENDING)))
                            .filter(f -> f.range(r -> r.date(d -> d.field("next_attempt_at").lte(now))))))
                    .sort(o -> o.field(f -> f.field("next_attempt_at").order(SortOrder.Asc))), ObjectNode.class);
            for (Hit<ObjectNode> hit : due.hits().hits()) {
                submit(hit.id());
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Cannot look for pending webhook deliveries now: %s", e.toString());
        }
    }

    /**
     * One attempt at a delivery, if it is still pending and due.
     *
     * @param known the delivery as this service created it, when it did so just now
     * @return when to try it again, if it is still pending
     */
    Optional<Duration> attempt(String id, Optional<Stored> known) {
        try {
            Optional<Stored> pending = known.isPresent() ? known : read(id);
            if (pending.isEmpty()) {
                return Optional.empty();
            }
            String ruleId = pending.get().source().path("rule_id").asText();
            Optional<Rule> rule = rules.get(ruleId);
            Optional<Integer> interval = rule.map(Rule::webhook).map(WebhookTarget::minIntervalSeconds)
                    .filter(seconds -> seconds > 0);
            if (interval.isEmpty()) {
                // Nobody else touches this delivery while it is queued here: the copy in hand is current.
                return attemptNow(id, pending.get(), rule, Optional.empty());
            }
            // One rule's throttled deliveries one at a time, so that "the last call" means what it says; read
            // again under the lock, because a digest sent meanwhile may have taken this delivery in.
            synchronized (ruleLocks.computeIfAbsent(ruleId, key -> new Object())) {
                Optional<Stored> current = read(id);
                return current.isEmpty() ? Optional.empty()
                        : attemptNow(id, current.get(), rule, interval.map(Duration::ofSeconds));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Cannot process webhook delivery %s now, will retry: %s", id, e.toString());
            return Optional.of(config.pollInterval());
        }
    }

    /** The delivery, read in real time (the search that found it may be a second behind), if it is still pending. */
    private Optional<Stored> read(String id) throws IOException {
        GetResponse<ObjectNode> got = client.get(g -> g.index(index).id(id), ObjectNode.class);
        if (!got.found() || got.source() == null || !PENDING.equals(got.source().path("status").asText())) {
            return Optional.empty();
        }
        return Optional.of(new Stored(got.source(), got.seqNo(), got.primaryTerm()));
    }

    private Optional<Duration> attemptNow(String id, Stored stored, Optional<Rule> rule, Optional<Duration> interval)
            throws IOException {
        ObjectNode delivery = stored.source();
        Instant now = Instant.now();
        Instant due = Instant.parse(delivery.path("next_attempt_at").asText(now.toString()));
        if (due.isAfter(now)) {
            return Optional.of(Duration.between(now, due));
        }
        int attempt = delivery.path("attempts").asInt(0) + 1;
        String ruleId = delivery.path("rule_id").asText();
        List<Hit<ObjectNode>> held = List.of();
        if (interval.isPresent()) {
            Instant last = lastCall.get(ruleId);
            // Retries repeat a call already counted; only a new call waits for the interval.
            if (attempt == 1 && last != null && now.isBefore(last.plus(interval.get()))) {
                Instant until = last.plus(interval.get());
                delivery.put("held", true);
                delivery.put("next_attempt_at", until.truncatedTo(ChronoUnit.MILLIS).toString());
                update(id, delivery, stored.seqNo(), stored.primaryTerm());
                metrics.held();
                LOG.infof("Webhook delivery %s held until %s (rule %s is throttled); it will go in a digest", id, until,
                        ruleId);
                return Optional.of(Duration.between(now, until));
            }
            held = heldFor(ruleId, id);
            if (attempt == 1) {
                lastCall.put(ruleId, now);
            }
        }
        String body = held.isEmpty() ? delivery.path("payload").asText() : digest(delivery, held);
        Result result = send(delivery, rule, attempt, body);
        record(delivery, attempt, result, now);
        if (!held.isEmpty()) {
            ((ObjectNode) delivery.get("log").get(delivery.get("log").size() - 1)).put("digest_of", held.size() + 1);
        }
        update(id, delivery, stored.seqNo(), stored.primaryTerm());
        String status = delivery.path("status").asText();
        if (PENDING.equals(status)) {
            metrics.retried();
            Duration wait = Duration.between(Instant.now(), Instant.parse(delivery.get("next_attempt_at").asText()));
            LOG.infof("Webhook delivery %s attempt %d failed (%s); next attempt in %d ms", id, attempt,
                    result.describe(), wait.toMillis());
            return Optional.of(wait);
        }
        if (FAILED.equals(status)) {
            metrics.failed();
            LOG.warnf("Webhook delivery %s failed for good after %d attempts: %s", id, attempt, result.describe());
        } else {
            metrics.delivered();
            // Every alert is delivered once: at INFO only the end of a delivery that needed retries (each one a WARN).
            LOG.logf(attempt > 1 ? Logger.Level.INFO : Logger.Level.DEBUG, "Webhook delivery %s delivered at attempt %d (%d ms)%s",
                    id, attempt, result.latencyMillis(), held.isEmpty() ? "" : ", with " + held.size() + " held deliveries in a digest");
            deliveredInDigest(held, id, result, now);
        }
        return Optional.empty();
    }

    private void update(String id, ObjectNode delivery, long seqNo, long primaryTerm) throws IOException {
        client.index(i -> i.index(index).id(id).document(delivery).ifSeqNo(seqNo).ifPrimaryTerm(primaryTerm));
    }

    /** The rule's other deliveries that were held back by its throttle. */
    private List<Hit<ObjectNode>> heldFor(String ruleId, String leader) throws IOException {
        // The index refreshes every 5 s (its searches are the poll for due deliveries and this one), and a
        // delivery held a moment ago belongs in this digest: a refresh first, once per throttled call.
        client.indices().refresh(r -> r.index(index));
        SearchResponse<ObjectNode> response = client.search(s -> s.index(index).size(DIGEST_LIMIT).seqNoPrimaryTerm(true)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("rule_id").value(ruleId)))
                        .filter(f -> f.term(t -> t.field("status").value(PENDING)))
                        .filter(f -> f.term(t -> t.field("held").value(true)))
                        .mustNot(m -> m.ids(i -> i.values(leader)))))
                .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Asc))), ObjectNode.class);
        return response.hits().hits().stream().filter(hit -> hit.source() != null).toList();
    }

    /** One call for several alerts: {"event": "digest", "delivery_id", "rule", "count", "alerts": [each alert's payload]}. */
    private String digest(ObjectNode leader, List<Hit<ObjectNode>> held) throws IOException {
        ObjectNode digest = mapper.createObjectNode();
        digest.put("event", "digest");
        digest.put("delivery_id", leader.path("id").asText());
        ObjectNode first = (ObjectNode) mapper.readTree(leader.path("payload").asText());
        digest.set("rule", first.path("rule"));
        digest.put("count", held.size() + 1);
        ArrayNode alerts = digest.putArray("alerts");
        alerts.add(first);
        for (Hit<ObjectNode> hit : held) {
            alerts.add(mapper.readTree(hit.source().path("payload").asText()));
        }
        return digest.toString();
    }

    private void deliveredInDigest(List<Hit<ObjectNode>> held, String leader, Result result, Instant at) {
        for (Hit<ObjectNode> hit : held) {
            ObjectNode delivery = hit.source();
            int attempt = delivery.path("attempts").asInt(0) + 1;
            record(delivery, attempt, result, at);
            ((ObjectNode) delivery.get("log").get(delivery.get("log").size() - 1)).put("in_digest", leader);
            try {
                update(hit.id(), delivery, hit.seqNo(), hit.primaryTerm());
            } catch (IOException | RuntimeException e) {
                // Left pending: sent again on its own later; at least once.
                LOG.warnf("Cannot mark delivery %s as delivered in digest %s: %s", hit.id(), leader, e.toString());
            }
        }
    }

    /** What one attempt came to. */
    record Result(Optional<Integer> statusCode, long latencyMillis, Optional<String> error, boolean retryable) {
        boolean delivered() {
            return statusCode.filter(code -> code >= 200 && code < 300).isPresent();
        }

        String describe() {
            return error.orElseGet(() -> "HTTP " + statusCode.map(String::valueOf).orElse("?"));
        }
    }

    private Result send(ObjectNode delivery, Optional<Rule> rule, int attempt, String body) throws IOException {
        String ruleId = delivery.path("rule_id").asText();
        if (rule.isEmpty() || rule.get().webhook() == null) {
            return new Result(Optional.empty(), 0, Optional.of("the rule " + ruleId + " was deleted or has no webhook any more"),
                    false);
        }
        WebhookTarget target = rule.get().webhook();
        URI uri = URI.create(target.url());
        Optional<String> refusal = rules.guard().refusal(uri);
        if (refusal.isPresent()) {
            return new Result(Optional.empty(), 0, Optional.of("refused: " + refusal.get()), false);
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "commentary-watch-search-service")
                .header("X-Commentary-Event", "alert")
                .header("X-Commentary-Delivery", delivery.path("id").asText())
                .header("X-Commentary-Attempt", Integer.toString(attempt))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        target.headers().forEach(request::header);
        if (target.secret() != null && !target.secret().isEmpty()) {
            request.header(WebhookSignature.HEADER, WebhookSignature.header(target.secret(), timestamp, body));
        }
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            long latency = (System.nanoTime() - start) / 1_000_000;
            int code = response.statusCode();
            // 4xx other than 408/429 means the receiver will not take it as it is; still retried, since receivers
            // often answer 4xx while misconfigured and are then fixed.
            return new Result(Optional.of(code), latency, Optional.empty(), true);
        } catch (IOException e) {
            long latency = (System.nanoTime() - start) / 1_000_000;
            return new Result(Optional.empty(), latency, Optional.of(e.getClass().getSimpleName()
                    + Optional.ofNullable(e.getMessage()).map(m -> ": " + m).orElse("")), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        }
    }

    /** Past {@code max-age}: a receiver gone this long is not coming back for these alerts. */
    private boolean tooOld(ObjectNode delivery, Instant now) {
        String created = delivery.path("created_at").asText("");
        return !created.isEmpty() && Instant.parse(created).plus(config.maxAge()).isBefore(now);
    }

    private void record(ObjectNode delivery, int attempt, Result result, Instant at) {
        ArrayNode log = delivery.path("log") instanceof ArrayNode existing ? existing : delivery.putArray("log");
        ObjectNode entry = log.addObject();
        entry.put("attempt", attempt);
        entry.put("at", at.truncatedTo(ChronoUnit.MILLIS).toString());
        result.statusCode().ifPresent(code -> entry.put("status_code", code));
        entry.put("latency_ms", result.latencyMillis());
        result.error().ifPresent(error -> entry.put("error", error));
        delivery.put("attempts", attempt);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        delivery.put("updated_at", now.toString());
        if (result.delivered()) {
            entry.put("outcome", DELIVERED);
            delivery.put("status", DELIVERED);
        } else if (!result.retryable() || attempt >= config.maxAttempts() || tooOld(delivery, now)) {
            entry.put("outcome", FAILED);
            delivery.put("status", FAILED);
        } else {
            entry.put("outcome", "retry");
            delivery.put("next_attempt_at", now.plus(backoff.delay(attempt)).toString());
        }
    }
}
