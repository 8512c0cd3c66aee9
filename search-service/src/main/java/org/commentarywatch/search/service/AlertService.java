package org.commentarywatch.search.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;

import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.model.IncomingDocument;
import org.commentarywatch.search.model.Rule;

/**
 * Matches indexed documents against the rules and records each alert in {@code commentary-alerts}, once per
 * (rule, document), ever: the alert's id is a hash of both ids and it is written with {@code op_type=create}, so a
 * redelivered document finds its alerts already there. An alert whose rule has a webhook gets a pending delivery in
 * {@code commentary-deliveries}, written the same way in the same request, which {@link WebhookDeliverer} sends.
 */
@ApplicationScoped
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);

    private final ElasticsearchClient client;
    private final ObjectMapper mapper;
    private final RuleService rules;
    private final WebhookDeliverer deliverer;
    private final ServiceLifecycle lifecycle;
    private final Backoff backoff;
    private final String alertsIndex;
    private final String deliveriesIndex;
    private final String publicUrl;

    public AlertService(ElasticsearchClient client, ObjectMapper mapper, RuleService rules, WebhookDeliverer deliverer,
                        ServiceLifecycle lifecycle, CommentaryConfig config) {
        this.client = client;
        this.mapper = mapper;
        this.rules = rules;
        this.deliverer = deliverer;
        this.lifecycle = lifecycle;
        this.backoff = Backoff.of(config.retry());
        this.alertsIndex = config.alerting().alertsIndex();
        this.deliveriesIndex = config.alerting().deliveriesIndex();
        this.publicUrl = config.publicUrl();
    }

    /** The id of the alert of this rule for this document: the same every time, whoever computes it. */
    public static String alertId(String ruleId, String documentId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((ruleId + "\n" + documentId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Matches the documents (already acknowledged by Elasticsearch) and records their alerts, waiting out an
     * Elasticsearch outage.
     *
     * @return false when the service began to stop first: the batch must not be acknowledged
     */
    public boolean process(List<IncomingDocument> documents) {
        for (int failures = 0; !rules.isLoaded(); failures++) {
            // Matching before the stored rules are loaded would let documents slip past them.
            if (!lifecycle.pause(backoff.delay(failures + 1))) {
                return false;
            }
        }
        if (documents.isEmpty() || rules.matcher().size() == 0) {
            return true;
        }
        List<ObjectNode> alerts = new ArrayList<>();
        List<ObjectNode> deliveries = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<List<RuleMatcher.RuleMatch>> matched = match(documents);
        for (int i = 0; i < documents.size(); i++) {
            IncomingDocument document = documents.get(i);
            for (RuleMatcher.RuleMatch match : matched.get(i)) {
                ObjectNode alert = alert(match, document, now);
                alerts.add(alert);
                if (match.rule().webhook() != null) {
                    deliveries.add(delivery(match.rule(), alert, now));
                }
            }
        }
        if (alerts.isEmpty()) {
            return true;
        }
        return write(alerts, deliveries);
    }

    /** Each document's matches; a document that cannot be matched is logged and has none, the others still do. */
    private List<List<RuleMatcher.RuleMatch>> match(List<IncomingDocument> documents) {
        try {
            return rules.matcher().match(documents.stream().map(IncomingDocument::source).toList());
        } catch (RuntimeException batchFailure) {
            List<List<RuleMatcher.RuleMatch>> matched = new ArrayList<>(documents.size());
            for (IncomingDocument document : documents) {
                try {
                    matched.add(rules.matcher().match(document.source()));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Cannot match document %s against the rules", document.id());
                    matched.add(List.of());
                }
            }
            return matched;
        }
    }

    private boolean write(List<ObjectNode> alerts, List<ObjectNode> deliveries) {
        List<ObjectNode> pendingAlerts = alerts;
        List<ObjectNode> pendingDeliveries = deliveries;
        for (int failures = 0; !pendingAlerts.isEmpty() || !pendingDeliveries.isEmpty(); failures++) {
            if (failures > 0 && !lifecycle.pause(backoff.delay(failures))) {
                return false;
            }
            List<ObjectNode> a = pendingAlerts;
            List<ObjectNode> d = pendingDeliveries;
            BulkRequest request = BulkRequest.of(bulk -> {
                a.forEach(alert -> bulk.operations(op -> op.create(c -> c.index(alertsIndex).id(alert.get("id").asText())
                        .document(alert))));
                d.forEach(delivery -> bulk.operations(op -> op.create(c -> c.index(deliveriesIndex)
                        .id(delivery.get("id").asText()).document(delivery))));
                return bulk;
            });
            BulkResponse response;
            try {
                response = client.bulk(request);
            } catch (IOException | ElasticsearchException e) {
                LOG.warnf("Cannot record %d alerts now, will retry: %s", a.size(), e.toString());
                continue;
            }
            List<ObjectNode> retryAlerts = new ArrayList<>();
            List<ObjectNode> retryDeliveries = new ArrayList<>();
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                boolean isAlert = i < a.size();
                ObjectNode written = isAlert ? a.get(i) : d.get(i - a.size());
                int status = item.status();
                if (status == 201) {
                    if (isAlert && written.has("window")) {
                        LOG.infof("Alert %s: rule %s, %s", written.get("id").asText(), written.get("rule_id").asText(),
                                written.get("title").asText());
                    } else if (isAlert) {
                        LOG.infof("Alert %s: rule %s matched document %s", written.get("id").asText(),
                                written.get("rule_id").asText(), written.get("document_id").asText());
                    } else {
                        deliverer.submitCreated(written.get("id").asText(),
                                new WebhookDeliverer.Stored(written, item.seqNo(), item.primaryTerm()));
                    }
                } else if (status == 409) {
                    LOG.debugf("Alert %s was already recorded", written.get("id").asText());
                } else if (BulkOutcome.classify(item) == BulkOutcome.RETRY) {
                    (isAlert ? retryAlerts : retryDeliveries).add(written);
                } else {
                    LOG.errorf("Elasticsearch refused %s %s: %s", isAlert ? "alert" : "delivery", written.get("id").asText(),
                            BulkOutcome.describe(status, Optional.ofNullable(item.error())));
                }
            }
            pendingAlerts = retryAlerts;
            pendingDeliveries = retryDeliveries;
        }
        return true;
    }

    private ObjectNode alert(RuleMatcher.RuleMatch match, IncomingDocument incoming, Instant now) {
        Rule rule = match.rule();
        JsonNode source = incoming.source();
        ObjectNode alert = mapper.createObjectNode();
        alert.put("id", alertId(rule.id(), incoming.id()));
        alert.put("rule_id", rule.id());
        alert.put("rule_name", rule.name());
        alert.put("document_id", incoming.id());
        alert.put("matched_at", now.toString());
        ObjectNode document = alert.putObject("document");
        document.put("id", incoming.id());
        document.put("title", source.path("title").asText(""));
        copyText(source, document, "url");
        copyText(source, document, "source");
        copyText(source, document, "published");
        document.put("link", publicUrl + "/api/documents/" + incoming.id());
        document.put("summary", summary(source.path("text").asText(""), 280));
        ObjectNode why = alert.putObject("why");
        if (rule.hasQuery()) {
            why.put("query", rule.query());
        }
        ArrayNode terms = why.putArray("matched_terms");
        match.matchedTerms().forEach(term -> terms.addObject().put("field", term.field()).put("text", term.text()));
        RuleConditionsCheck.Satisfied satisfied = match.conditions();
        satisfied.stance().ifPresent(stance -> {
            ObjectNode s = why.putObject("stance");
            s.set("label", stance.path("label"));
            s.set("score", stance.path("score"));
            if (stance.has("decided_by")) {
                s.set("decided_by", stance.get("decided_by"));
            }
            s.set("evidence", stance.path("evidence").isArray() ? stance.get("evidence") : mapper.createArrayNode());
        });
        ArrayNode themes = why.putArray("themes");
        satisfied.themes().forEach(theme -> {
            ObjectNode t = themes.addObject();
            t.set("label", theme.path("label"));
            t.set("score", theme.path("score"));
        });
        if (!satisfied.actors().isEmpty()) {
            ArrayNode actors = why.putArray("actors");
            satisfied.actors().forEach(actor -> actors.addObject().put("id", actor.path("id").asText())
                    .put("name", actor.path("name").asText()));
        }
        satisfied.novelty().ifPresent(novelty -> why.put("novelty", novelty));
        satisfied.similarity().ifPresent(similarity -> why.put("similarity", similarity));
        alert.put("webhook", rule.webhook() != null);
        return alert;
    }

    /** The pending delivery of an alert, with the exact body to POST (the same on every attempt). */
    private ObjectNode delivery(Rule rule, ObjectNode alert, Instant now) {
        ObjectNode payload = mapper.createObjectNode();
        payload.put("event", "alert");
        payload.put("delivery_id", alert.get("id").asText());
        ObjectNode ruleSummary = payload.putObject("rule");
        ruleSummary.put("id", rule.id()).put("name", rule.name()).put("kind", rule.kind());
        if (rule.hasQuery()) {
            ruleSummary.put("query", rule.query());
        }
        if (rule.isAggregate()) {
            ruleSummary.put("window", rule.window()).put("min_count", rule.minCount());
            if (rule.factor() != null) {
                ruleSummary.put("factor", rule.factor()).put("baseline_windows", rule.baselineWindows());
            }
        }
        ruleSummary.put("feed", publicUrl + "/api/rules/" + rule.id() + "/feed.atom");
        payload.putObject("alert").put("id", alert.get("id").asText()).put("matched_at", alert.get("matched_at").asText())
                .put("link", publicUrl + "/api/alerts/" + alert.get("id").asText());
        if (alert.has("document")) {
            payload.set("document", alert.get("document"));
        }
        if (alert.has("window")) {
            payload.set("window", alert.get("window"));
        }
        payload.set("why", alert.get("why"));

        ObjectNode delivery = mapper.createObjectNode();
        delivery.put("id", alert.get("id").asText());
        delivery.put("alert_id", alert.get("id").asText());
        delivery.put("rule_id", rule.id());
        if (alert.has("document_id")) {
            delivery.put("document_id", alert.get("document_id").asText());
        }
        delivery.put("url", rule.webhook().url());
        delivery.put("status", WebhookDeliverer.PENDING);
        delivery.put("attempts", 0);
        delivery.put("next_attempt_at", now.toString());
        delivery.put("created_at", now.toString());
        delivery.put("updated_at", now.toString());
        delivery.put("payload", payload.toString());
        delivery.putArray("log");
        return delivery;
    }

    /**
     * What a {@code threshold} or {@code spike} rule found in one window.
     *
     * @param baseline the mean count of the windows before (spike rules only)
     * @param samples  a few of the window's documents, newest first: {@code id}, {@code title}, ...
     */
    public record WindowFinding(Instant start, Instant end, long count, Optional<Double> baseline, List<ObjectNode> samples) {
    }

    /** The id of a rule's alert for the window starting then: one alert per (rule, window), ever. */
    public static String windowAlertId(String ruleId, Instant windowStart) {
        return alertId(ruleId, "window:" + windowStart);
    }

    /**
     * Records the alert of an aggregate rule for one window (and its pending delivery), unless it exists already.
     *
     * @return false when the service began to stop before it was written
     */
    public boolean recordWindow(Rule rule, WindowFinding finding) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode alert = mapper.createObjectNode();
        String id = windowAlertId(rule.id(), finding.start());
        alert.put("id", id);
        alert.put("rule_id", rule.id());
        alert.put("rule_name", rule.name());
        alert.put("kind", rule.kind());
        alert.put("matched_at", now.toString());
        alert.putObject("window").put("start", finding.start().toString()).put("end", finding.end().toString())
                .put("length", rule.window());
        String title = Rule.KIND_SPIKE.equals(rule.kind())
                ? String.format(java.util.Locale.ROOT, "Spike: %d documents in %s from %s (baseline %.2f)", finding.count(),
                rule.window(), finding.start(), finding.baseline().orElse(0.0))
                : String.format(java.util.Locale.ROOT, "Threshold: %d documents in %s from %s (at least %d)", finding.count(),
                rule.window(), finding.start(), rule.minCount());
        alert.put("title", title);
        alert.put("link", publicUrl + "/api/alerts/" + id);
        ObjectNode why = alert.putObject("why");
        if (rule.hasQuery()) {
            why.put("query", rule.query());
        }
        why.put("count", finding.count());
        why.put("min_count", rule.minCount());
        finding.baseline().ifPresent(baseline -> why.put("baseline", baseline).put("factor", rule.factor())
                .put("baseline_windows", rule.baselineWindows()));
        ArrayNode samples = why.putArray("samples");
        finding.samples().forEach(samples::add);
        alert.put("webhook", rule.webhook() != null);
        return write(List.of(alert), rule.webhook() == null ? List.of() : List.of(delivery(rule, alert, now)));
    }

    /** Where the API serves a document. */
    public String documentLink(String documentId) {
        return publicUrl + "/api/documents/" + documentId;
    }

    /** The opening of the text, plain, cut at a word boundary. */
    static String summary(String text, int length) {
        // Collapsing the white space of a whole piece (thousands of words) to keep its first few hundred characters
        // is wasted work: its opening gives the same summary, unless that opening is mostly white space.
        String opening = text.length() > 4 * length ? text.substring(0, 4 * length) : text;
        String collapsed = opening.strip().replaceAll("\\s+", " ");
        if (collapsed.length() <= length && opening.length() < text.length()) {
            collapsed = text.strip().replaceAll("\\s+", " ");
        }
        if (collapsed.length() <= length) {
            return collapsed;
        }
        int cut = collapsed.lastIndexOf(' ', length);
        return collapsed.substring(0, cut > length / 2 ? cut : length).strip() + "\u2026";
    }

    private static void copyText(JsonNode from, ObjectNode to, String field) {
        if (from.path(field).isTextual()) {
            to.put(field, from.get(field).asText());
        }
    }

    /** The alert with its delivery (attempts, status, latency), if there is one; the payload is left out. */
    public Optional<ObjectNode> alertWithDelivery(String id) throws IOException {
        GetResponse<ObjectNode> alert = client.get(g -> g.index(alertsIndex).id(id), ObjectNode.class);
        if (!alert.found() || alert.source() == null) {
            return Optional.empty();
        }
        ObjectNode result = alert.source();
        GetResponse<ObjectNode> delivery = client.get(g -> g.index(deliveriesIndex).id(id), ObjectNode.class);
        if (delivery.found() && delivery.source() != null) {
            ObjectNode d = delivery.source();
            d.remove("payload");
            result.set("delivery", d);
        }
        return Optional.of(result);
    }

    /** A rule's most recent alerts, newest first. */
    public List<ObjectNode> recentAlerts(String ruleId, int size) throws IOException {
        SearchResponse<ObjectNode> response = client.search(s -> s.index(alertsIndex).size(size)
                .query(q -> q.term(t -> t.field("rule_id").value(ruleId)))
                .sort(o -> o.field(f -> f.field("matched_at").order(SortOrder.Desc))), ObjectNode.class);
        return response.hits().hits().stream().map(Hit::source).toList();
    }
}
