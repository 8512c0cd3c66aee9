package org.commentarywatch.search.service;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.model.InvalidRuleException;
import org.commentarywatch.search.model.Rule;
import org.commentarywatch.search.model.RuleBody;
import org.commentarywatch.search.model.RuleConditions;
import org.commentarywatch.search.model.WebhookTarget;

/**
 * Rules: validated, stored in {@code commentary-rules} (so that they survive restarts and show in Kibana), and put
 * into the {@link RuleMatcher} as soon as Elasticsearch has them, so that a change applies to the next document. Only
 * {@code match} rules go to the matcher; {@code threshold} and {@code spike} rules are kept here for the
 * {@link AggregateRuleEvaluator}. Webhook secrets and header values are encrypted in the index ({@link WebhookSecrets}).
 */
@ApplicationScoped
public class RuleService {

    private static final Logger LOG = Logger.getLogger(RuleService.class);

    static final Set<String> STANCES = Set.of("convergence", "divergence", "neutral", "off_topic");
    /** Headers a rule may not set: the transport's own and the ones that carry the signature. */
    static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "content-type", "connection", "expect",
            "upgrade", "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection", "user-agent");
    private static final int PAGE = 1000;
    static final Set<String> KINDS = Set.of(Rule.KIND_MATCH, Rule.KIND_THRESHOLD, Rule.KIND_SPIKE);
    static final Duration MIN_WINDOW = Duration.ofMinutes(1);
    static final Duration MAX_WINDOW = Duration.ofDays(31);
    static final int MAX_BASELINE_WINDOWS = 100;
    static final int DEFAULT_BASELINE_WINDOWS = 4;
    static final int DEFAULT_SPIKE_MIN_COUNT = 3;

    private final ElasticsearchClient client;
    private final ObjectMapper mapper;
    private final SearchService search;
    private final String index;
    private final SsrfGuard guard;
    private final WebhookSecrets secrets;
    private final RuleMatcher matcher = new RuleMatcher();
    private final ConcurrentMap<String, Rule> aggregates = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    public RuleService(ElasticsearchClient client, ObjectMapper mapper, SearchService search, CommentaryConfig config,
                       WebhookSecrets secrets) {
        this.client = client;
        this.secrets = secrets;
        this.mapper = mapper;
        this.search = search;
        this.index = config.alerting().rulesIndex();
        this.guard = new SsrfGuard(config.webhooks().allowedHosts().orElse(List.of()));
    }

    @PreDestroy
    void close() throws IOException {
        matcher.close();
    }

    public RuleMatcher matcher() {
        return matcher;
    }

    public SsrfGuard guard() {
        return guard;
    }

    /** The enabled {@code threshold} and {@code spike} rules, as of now. */
    public List<Rule> aggregateRules() {
        return List.copyOf(aggregates.values());
    }

    public boolean isLoaded() {
        return loaded;
    }

    /** Reads every stored rule into the matcher; returns how many. */
    int load() throws IOException {
        List<Rule> all = new ArrayList<>();
        List<FieldValue> after = List.of();
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<ObjectNode> page = client.search(s -> {
                s.index(index).size(PAGE).sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                if (!searchAfter.isEmpty()) {
                    s.searchAfter(searchAfter);
                }
                return s;
            }, ObjectNode.class);
            List<Hit<ObjectNode>> hits = page.hits().hits();
            for (Hit<ObjectNode> hit : hits) {
                try {
                    all.add(read(hit.source()));
                } catch (RuntimeException e) {
                    LOG.errorf("Skipping stored rule %s, which cannot be read: %s", hit.id(), e.getMessage());
                }
            }
            if (hits.size() < PAGE) {
                break;
            }
            after = hits.get(hits.size() - 1).sort();
        }
        List<Rule> usable = new ArrayList<>();
        for (Rule rule : all) {
            try {
                RuleQueries.parse(Optional.ofNullable(rule.query()));
                usable.add(rule);
            } catch (InvalidRuleException e) {
                LOG.errorf("Skipping stored rule %s: %s", rule.id(), e.getMessage());
            }
        }
        matcher.put(usable);
        usable.forEach(this::track);
        loaded = true;
        return usable.size();
    }

    public Rule create(RuleBody body) throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Rule rule = validate(UUID.randomUUID().toString().replace("-", ""), body, Optional.empty(), now);
        store(rule);
        return rule;
    }

    public Optional<Rule> update(String id, RuleBody body) throws IOException {
        Optional<Rule> existing = get(id);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        Rule rule = validate(id, body, existing, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        store(rule);
        return Optional.of(rule);
    }

    public boolean delete(String id) throws IOException {
        if (get(id).isEmpty()) {
            matcher.remove(List.of(id));
            aggregates.remove(id);
            return false;
        }
        client.delete(d -> d.index(index).id(id).refresh(Refresh.WaitFor));
        matcher.remove(List.of(id));
        aggregates.remove(id);
        LOG.infof("Deleted rule %s", id);
        return true;
    }

    /** The stored rule (a real-time read: a rule just written is found). */
    public Optional<Rule> get(String id) throws IOException {
        GetResponse<ObjectNode> response = client.get(g -> g.index(index).id(id), ObjectNode.class);
        return response.found() && response.source() != null ? Optional.of(read(response.source())) : Optional.empty();
    }

    public List<Rule> list(int from, int size) throws IOException {
        SearchResponse<ObjectNode> page = client.search(s -> s.index(index).from(from).size(size)
                .sort(o -> o.field(f -> f.field("created_at").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))), ObjectNode.class);
        return page.hits().hits().stream().map(hit -> read(hit.source())).toList();
    }

    private void store(Rule rule) throws IOException {
        ObjectNode source = mapper.valueToTree(rule.withWebhook(secrets.seal(rule.id(), rule.webhook())));
        client.index(i -> i.index(index).id(rule.id()).document(source).refresh(Refresh.WaitFor));
        matcher.put(rule);
        track(rule);
        LOG.debugf("Saved %s", rule);
    }

    /** Keeps the enabled aggregate rules at hand for the evaluator (the matcher ignores them). */
    private void track(Rule rule) {
        if (rule.enabled() && rule.isAggregate()) {
            aggregates.put(rule.id(), rule);
        } else {
            aggregates.remove(rule.id());
        }
    }

    private Rule read(ObjectNode source) {
        try {
            Rule stored = mapper.treeToValue(source, Rule.class);
            return stored.withWebhook(secrets.open(stored.id(), stored.webhook()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable rule: " + e.getOriginalMessage(), e);
        }
    }

    /** A rule from the request, or an {@link InvalidRuleException} naming the field at fault. */
    Rule validate(String id, RuleBody body, Optional<Rule> existing, Instant now) throws IOException {
        if (body == null) {
            throw new InvalidRuleException("body", "a rule is a JSON object with at least a name");
        }
        if (body.name() == null || body.name().isBlank()) {
            throw new InvalidRuleException("name", "name is required");
        }
        if (body.name().length() > 200) {
            throw new InvalidRuleException("name", "name is longer than 200 characters");
        }
        String kind = Optional.ofNullable(body.kind()).orElse(Rule.KIND_MATCH);
        if (!KINDS.contains(kind)) {
            throw new InvalidRuleException("kind", "kind '" + kind + "' is not supported; one of "
                    + KINDS.stream().sorted().toList());
        }
        String query = body.query() == null || body.query().isBlank() ? null : body.query();
        org.apache.lucene.search.Query parsed = RuleQueries.parse(Optional.ofNullable(query));
        Aggregate aggregate = aggregate(kind, body);

        RuleConditions conditions = Optional.ofNullable(body.conditions()).orElse(RuleConditions.NONE);
        if (query == null && conditions.isEmpty()) {
            throw new InvalidRuleException("query", "a rule needs a query or at least one condition");
        }
        if (conditions.stance() != null) {
            for (String stance : conditions.stance()) {
                if (!STANCES.contains(stance)) {
                    throw new InvalidRuleException("conditions.stance", "unknown stance '" + stance + "'; one of "
                            + STANCES.stream().sorted().toList());
                }
            }
        }
        unit("conditions.min_stance_score", conditions.minStanceScore());
        unit("conditions.min_theme_score", conditions.minThemeScore());
        unit("conditions.min_novelty", conditions.minNovelty());
        if (!kind.equals(Rule.KIND_MATCH)) {
            // Refused now rather than approximated later: an aggregate rule is counted by Elasticsearch.
            AggregateQueries.check(parsed, conditions);
        }
        float[] vector = null;
        if (conditions.similarTo() != null) {
            String documentId = conditions.similarTo().documentId();
            if (documentId == null || documentId.isBlank()) {
                throw new InvalidRuleException("conditions.similar_to.document_id", "document_id is required");
            }
            Double threshold = conditions.similarTo().threshold();
            if (threshold != null && (threshold < -1 || threshold > 1)) {
                throw new InvalidRuleException("conditions.similar_to.threshold", "threshold must be between -1 and 1");
            }
            vector = search.document(documentId)
                    .flatMap(document -> RuleConditionsCheck.vector(document.path("enrichment").path("vector")))
                    .orElseThrow(() -> new InvalidRuleException("conditions.similar_to.document_id",
                            "no indexed document " + documentId + " with a vector"));
        }

        WebhookTarget webhook = body.webhook();
        if (webhook != null) {
            webhook = webhook.keepingSecretsOf(existing.map(Rule::webhook).orElse(null));
            validateWebhook(webhook);
        }
        return new Rule(id, body.name().trim(), query, conditions, kind, webhook,
                Optional.ofNullable(body.enabled()).orElse(true), existing.map(Rule::createdAt).orElse(now), now, vector,
                aggregate.window(), aggregate.minCount(), aggregate.factor(), aggregate.baselineWindows());
    }

    /** The window parameters of a threshold or spike rule (all absent for match). */
    private record Aggregate(String window, Integer minCount, Double factor, Integer baselineWindows) {
    }

    private static Aggregate aggregate(String kind, RuleBody body) {
        if (kind.equals(Rule.KIND_MATCH)) {
            for (Map.Entry<String, Object> given : Map.<String, Object>of("window", Optional.ofNullable(body.window()),
                    "min_count", Optional.ofNullable(body.minCount()), "factor", Optional.ofNullable(body.factor()),
                    "baseline_windows", Optional.ofNullable(body.baselineWindows())).entrySet()) {
                if (((Optional<?>) given.getValue()).isPresent()) {
                    throw new InvalidRuleException(given.getKey(), given.getKey() + " applies to threshold and spike rules,"
                            + " not to kind match");
                }
            }
            return new Aggregate(null, null, null, null);
        }
        if (body.window() == null || body.window().isBlank()) {
            throw new InvalidRuleException("window", "window is required for kind " + kind + ", e.g. \"PT1H\"");
        }
        Duration window;
        try {
            window = Duration.parse(body.window().strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRuleException("window", "window is not an ISO-8601 duration such as PT15M, PT1H or P1D: "
                    + body.window());
        }
        if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0 || window.toMillis() % 1000 != 0) {
            throw new InvalidRuleException("window", "window must be whole seconds from PT1M to P31D, was " + body.window());
        }
        // Kept as written (P1D stays P1D); parsed again where it is used.
        String normalised = body.window().strip();
        if (kind.equals(Rule.KIND_THRESHOLD)) {
            if (body.factor() != null || body.baselineWindows() != null) {
                throw new InvalidRuleException(body.factor() != null ? "factor" : "baseline_windows",
                        "factor and baseline_windows apply to spike rules, not to threshold");
            }
            if (body.minCount() == null || body.minCount() < 1) {
                throw new InvalidRuleException("min_count", "min_count (at least 1) is required for kind threshold");
            }
            return new Aggregate(normalised, body.minCount(), null, null);
        }
        if (body.factor() == null || body.factor().isNaN() || body.factor() <= 1 || body.factor() > 1000) {
            throw new InvalidRuleException("factor", "factor (above 1, up to 1000) is required for kind spike");
        }
        int baseline = Optional.ofNullable(body.baselineWindows()).orElse(DEFAULT_BASELINE_WINDOWS);
        if (baseline < 1 || baseline > MAX_BASELINE_WINDOWS) {
            throw new InvalidRuleException("baseline_windows", "baseline_windows must be 1 to " + MAX_BASELINE_WINDOWS);
        }
        int minCount = Optional.ofNullable(body.minCount()).orElse(DEFAULT_SPIKE_MIN_COUNT);
        if (minCount < 1) {
            throw new InvalidRuleException("min_count", "min_count must be at least 1");
        }
        return new Aggregate(normalised, minCount, body.factor(), baseline);
    }

    private void validateWebhook(WebhookTarget webhook) {
        if (webhook.url() == null || webhook.url().isBlank()) {
            throw new InvalidRuleException("webhook.url", "webhook.url is required");
        }
        URI uri;
        try {
            uri = new URI(webhook.url());
        } catch (URISyntaxException e) {
            throw new InvalidRuleException("webhook.url", "not a URL: " + e.getMessage());
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new InvalidRuleException("webhook.url", "webhook.url must be an absolute http or https URL");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidRuleException("webhook.url", "put credentials in webhook.headers, not in the URL");
        }
        guard.refusal(uri).ifPresent(reason -> {
            throw new InvalidRuleException("webhook.url", "webhook target refused: " + reason);
        });
        if (webhook.minIntervalSeconds() != null
                && (webhook.minIntervalSeconds() < 1 || webhook.minIntervalSeconds() > 7 * 24 * 3600)) {
            throw new InvalidRuleException("webhook.min_interval_seconds", "min_interval_seconds must be 1 to 604800");
        }
        if (WebhookTarget.MASK.equals(webhook.secret())) {
            throw new InvalidRuleException("webhook.secret", "'***' stands for the stored secret, and there is none");
        }
        for (Map.Entry<String, String> header : webhook.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (RESERVED_HEADERS.contains(name) || name.startsWith("x-commentary-")) {
                throw new InvalidRuleException("webhook.headers", "the header " + header.getKey() + " is set by the service");
            }
            if (!name.matches("[a-z0-9!#$%&'*+.^_`|~-]+")) {
                throw new InvalidRuleException("webhook.headers", "not a header name: " + header.getKey());
            }
            String value = header.getValue();
            if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new InvalidRuleException("webhook.headers", "the value of " + header.getKey() + " is missing or has a line break");
            }
            if (WebhookTarget.MASK.equals(value)) {
                throw new InvalidRuleException("webhook.headers", "'***' stands for a stored value, and " + header.getKey()
                        + " has none");
            }
        }
    }

    private static void unit(String field, Double value) {
        if (value != null && (value < 0 || value > 1 || value.isNaN())) {
            throw new InvalidRuleException(field, field + " must be between 0 and 1");
        }
    }
}
