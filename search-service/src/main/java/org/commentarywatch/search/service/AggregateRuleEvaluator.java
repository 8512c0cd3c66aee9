package org.commentarywatch.search.service;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.model.Rule;

/**
 * Evaluates {@code threshold} and {@code spike} rules every {@code commentary.alerting.aggregate-interval}: one
 * search per rule counts its documents (the rule's query and conditions, {@link AggregateQueries}) in fixed windows
 * aligned to the epoch (a {@code PT1H} window starts on the hour, {@code P1D} at 00:00 UTC), and a window that
 * qualifies becomes one alert, ever ({@link AlertService#windowAlertId}), delivered like any other.
 *
 * <p>Windows are over {@code indexed_at}, the time this service made the document searchable, not {@code ingested_at}:
 * a document that waited in enrichment or in Kafka (an outage, a backlog) arrives with an old ingested time, in a
 * window that was already evaluated and closed, and would never be counted, or would raise an alert about the past.
 * By indexed time a window only ever gains documents while it is the current one, so "just arrived" means just
 * counted. The current window is evaluated as it fills (a threshold fires as soon as it is reached), and the previous
 * one once more, for documents indexed in its last moments that became visible after its last evaluation.
 */
@ApplicationScoped
public class AggregateRuleEvaluator {

    private static final Logger LOG = Logger.getLogger(AggregateRuleEvaluator.class);
    static final String TIME_FIELD = "indexed_at";

    private final ElasticsearchClient client;
    private final ObjectMapper mapper;
    private final RuleService rules;
    private final AlertService alerts;
    private final AlertingBootstrap bootstrap;
    private final String alias;
    private final Duration interval;
    private final int samples;
    /** Windows already alerted (alert id to window end), so that they are not searched for samples again. */
    private final Map<String, Instant> fired = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "commentary-aggregate-rules");
        thread.setDaemon(true);
        return thread;
    });

    public AggregateRuleEvaluator(ElasticsearchClient client, ObjectMapper mapper, RuleService rules, AlertService alerts,
                                  AlertingBootstrap bootstrap, CommentaryConfig config) {
        this.client = client;
        this.mapper = mapper;
        this.rules = rules;
        this.alerts = alerts;
        this.bootstrap = bootstrap;
        this.alias = config.index().alias();
        this.interval = config.alerting().aggregateInterval();
        this.samples = config.alerting().aggregateSamples();
    }

    void onStart(@Observes StartupEvent event) {
        long every = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::evaluateAll, every, every, TimeUnit.MILLISECONDS);
    }

    void onShutdown(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
    }

    void evaluateAll() {
        if (!bootstrap.isReady()) {
            return;
        }
        Instant now = Instant.now();
        for (Rule rule : rules.aggregateRules()) {
            try {
                evaluate(rule, now);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Cannot evaluate rule %s now, will try again in %s: %s", rule.id(), interval, e.toString());
            }
        }
        fired.values().removeIf(end -> end.isBefore(now.minus(Duration.ofDays(62))));
    }

    /** A window: [start, end). */
    record Window(Instant start, Instant end) {
    }

    /** The window holding {@code at}, {@code offset} windows later (negative: earlier). */
    static Window window(Duration length, Instant at, int offset) {
        long millis = length.toMillis();
        long start = Math.floorDiv(at.toEpochMilli(), millis) * millis + offset * millis;
        return new Window(Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + millis));
    }

    /**
     * Whether a window with this count qualifies.
     *
     * @param baseline the mean count of the windows before it (spike rules)
     */
    static boolean qualifies(Rule rule, long count, double baseline) {
        if (count < rule.minCount()) {
            return false;
        }
        return !Rule.KIND_SPIKE.equals(rule.kind()) || count >= rule.factor() * baseline;
    }

    void evaluate(Rule rule, Instant now) throws IOException {
        Duration length = Duration.parse(rule.window());
        int baselineWindows = Rule.KIND_SPIKE.equals(rule.kind()) ? rule.baselineWindows() : 0;
        // Windows -(baselineWindows + 1) .. 0: the current one, the previous one, and the baseline of each.
        int first = -(baselineWindows + 1);
        ObjectNode ruleQuery = AggregateQueries.query(rule);
        ObjectNode request = mapper.createObjectNode();
        request.put("size", 0);
        request.put("track_total_hits", false);
        request.set("query", ruleQuery);
        ObjectNode range = request.putObject("aggs").putObject("windows").putObject("date_range");
        range.put("field", TIME_FIELD);
        ArrayNode ranges = range.putArray("ranges");
        for (int offset = first; offset <= 0; offset++) {
            Window w = window(length, now, offset);
            ranges.addObject().put("key", Integer.toString(offset)).put("from", w.start().toEpochMilli())
                    .put("to", w.end().toEpochMilli());
        }
        SearchResponse<ObjectNode> response = client.search(SearchRequest.of(s -> s.index(alias)
                .withJson(new StringReader(request.toString()))), ObjectNode.class);
        Map<Integer, Long> counts = new HashMap<>();
        for (RangeBucket bucket : response.aggregations().get("windows").dateRange().buckets().array()) {
            counts.put(Integer.parseInt(bucket.key()), bucket.docCount());
        }
        for (int offset = -1; offset <= 0; offset++) {
            Window w = window(length, now, offset);
            if (rule.createdAt() != null && !w.end().isAfter(rule.createdAt())) {
                continue;   // over before the rule existed
            }
            String alertId = AlertService.windowAlertId(rule.id(), w.start());
            if (fired.containsKey(alertId)) {
                continue;
            }
            long count = counts.getOrDefault(offset, 0L);
            double baseline = 0;
            for (int b = offset - baselineWindows; b < offset; b++) {
                baseline += counts.getOrDefault(b, 0L);
            }
            baseline = baselineWindows == 0 ? 0 : baseline / baselineWindows;
            if (qualifies(rule, count, baseline)) {
                Optional<Double> shownBaseline = baselineWindows == 0 ? Optional.empty() : Optional.of(baseline);
                AlertService.WindowFinding finding = new AlertService.WindowFinding(w.start(), w.end(), count, shownBaseline,
                        samples(ruleQuery, w));
                if (alerts.recordWindow(rule, finding)) {
                    fired.put(alertId, w.end());
                }
            }
        }
    }

    /** The window's newest documents, briefly. */
    private List<ObjectNode> samples(ObjectNode ruleQuery, Window w) throws IOException {
        ObjectNode request = mapper.createObjectNode();
        request.put("size", samples);
        ObjectNode bool = request.putObject("query").putObject("bool");
        ArrayNode filter = bool.putArray("filter");
        filter.add(ruleQuery);
        filter.addObject().putObject("range").putObject(TIME_FIELD).put("gte", w.start().toEpochMilli())
                .put("lt", w.end().toEpochMilli()).put("format", "epoch_millis");
        request.putArray("sort").addObject().put(TIME_FIELD, "desc");
        ArrayNode include = request.putObject("_source").putArray("includes");
        List.of("id", "title", "url", "source", "published", TIME_FIELD).forEach(include::add);
        SearchResponse<ObjectNode> response = client.search(SearchRequest.of(s -> s.index(alias)
                .withJson(new StringReader(request.toString()))), ObjectNode.class);
        List<ObjectNode> found = new ArrayList<>();
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            ObjectNode source = hit.source() == null ? mapper.createObjectNode() : hit.source();
            ObjectNode sample = mapper.createObjectNode();
            sample.put("id", hit.id());
            sample.put("title", source.path("title").asText(""));
            for (String field : List.of("url", "source", "published", TIME_FIELD)) {
                if (source.path(field).isTextual()) {
                    sample.put(field, source.get(field).asText());
                }
            }
            sample.put("link", alerts.documentLink(hit.id()));
            found.add(sample);
        }
        return found;
    }
}
