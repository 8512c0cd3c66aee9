package org.commentarywatch.search.service;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
 * into the {@link RuleMatcher} as soon as Elasticsearch has them, so that a change applies to the next document.
 */
@ApplicationScoped
public class RuleService {

    private static final Logger LOG = Logger.getLogger(RuleService.class);

    static final Set<String> STANCES = Set.of("convergence", "divergence", "neutral", "off_topic");
    /** Headers a rule may not set: the transport's own and the ones that carry the signature. */
    static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "content-type", "connection", "expect",
            "upgrade", "transfer-encoding", "te", "trailer", "keep-alive", "proxy-connection", "user-agent");
    private static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final ObjectMapper mapper;
    private final SearchService search;
    private final String index;
    private final SsrfGuard guard;
    private final RuleMatcher matcher = new RuleMatcher();
    private volatile boolean loaded;

    public RuleService(ElasticsearchClient client, ObjectMapper mapper, SearchService search, CommentaryConfig config) {
        this.client = client;
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
            return false;
        }
        client.delete(d -> d.index(index).id(id).refresh(Refresh.WaitFor));
        matcher.remove(List.of(id));
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
        ObjectNode source = mapper.valueToTree(rule);
        client.index(i -> i.index(index).id(rule.id()).document(source).refresh(Refresh.WaitFor));
        matcher.put(rule);
        LOG.infof("Saved %s", rule);
    }

    private Rule read(ObjectNode source) {
        try {
            return mapper.treeToValue(source, Rule.class);
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
        if (!kind.equals(Rule.KIND_MATCH)) {
            throw new InvalidRuleException("kind", "kind '" + kind + "' is not supported; supported: match");
        }
        String query = body.query() == null || body.query().isBlank() ? null : body.query();
        RuleQueries.parse(Optional.ofNullable(query));

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
                Optional.ofNullable(body.enabled()).orElse(true), existing.map(Rule::createdAt).orElse(now), now, vector);
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
