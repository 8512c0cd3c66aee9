package org.commentarywatch.enrich.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.http.client.config.RequestConfig;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.commentarywatch.enrich.config.CorpusConfig;
import org.commentarywatch.enrich.config.IndexConfig;
import org.commentarywatch.enrich.service.corpus.Candidate;
import org.commentarywatch.enrich.service.corpus.CorpusIndex;
import org.commentarywatch.enrich.service.corpus.CorpusUnavailableException;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The corpus in Elasticsearch, read through the alias search-service writes ({@code commentary.index.alias}):
 * approximate kNN on {@code enrichment.vector} (cosine), among all documents and among the labelled reference
 * documents (both in one {@code _msearch}), and a document's text. Never writes. Plain JSON over
 * the low-level client, like search-service's admin calls.
 */
@ApplicationScoped
public class ElasticsearchCorpus implements CorpusIndex {

    static final String VECTOR_FIELD = "enrichment.vector";
    /** An analyst's stance: the reference documents imported with labels have it. */
    static final String LABELLED_STANCE = "labels.stance";

    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);

    private final RestClient rest;
    private final ObjectMapper mapper;
    private final String alias;
    private final int numCandidates;
    private final RequestOptions options;

    @Inject
    public ElasticsearchCorpus(RestClient rest, ObjectMapper mapper, IndexConfig index, CorpusConfig corpus) {
        this(rest, mapper, index.alias(), corpus.numCandidates(), corpus.timeout());
    }

    public ElasticsearchCorpus(RestClient rest, ObjectMapper mapper, String alias, int numCandidates, Duration timeout) {
        this.rest = rest;
        this.mapper = mapper;
        this.alias = alias;
        this.numCandidates = numCandidates;
        this.options = withTimeout(timeout);
    }

    /** Request options that give up after {@code timeout} instead of the client's general 30 s. */
    public static RequestOptions withTimeout(Duration timeout) {
        int millis = Math.toIntExact(timeout.toMillis());
        return RequestOptions.DEFAULT.toBuilder().setRequestConfig(RequestConfig.custom()
                .setConnectTimeout(millis)
                .setSocketTimeout(millis)
                .setConnectionRequestTimeout(millis)
                .build()).build();
    }

    @Override
    public Nearest nearest(float[] vector, Optional<String> excludeId, int k, int labelledK) {
        ArrayNode vectorJson = mapper.createArrayNode();
        for (float v : vector) {
            vectorJson.add(v);
        }
        // NDJSON: a header and a body per search; the alias comes from the path
        StringBuilder body = new StringBuilder();
        try {
            for (ObjectNode search : List.of(knn(vectorJson, excludeId, k, false),
                    knn(vectorJson, excludeId, labelledK, true))) {
                body.append("{}\n").append(mapper.writeValueAsString(search)).append('\n');
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the kNN searches", e);
        }
        Request request = new Request("POST", "/" + alias + "/_msearch");
        request.addParameter("ignore_unavailable", "false");
        request.setOptions(options);
        request.setEntity(new NStringEntity(body.toString(), NDJSON));
        Optional<JsonNode> answer = perform(request, "kNN searches");
        if (answer.isEmpty()) {
            return new Nearest(List.of(), List.of());
        }
        JsonNode responses = answer.get().path("responses");
        return new Nearest(candidates(responses.path(0), alias), candidates(responses.path(1), alias));
    }

    private ObjectNode knn(ArrayNode vector, Optional<String> excludeId, int k, boolean labelledOnly) {
        ObjectNode body = mapper.createObjectNode();
        body.put("size", k);
        ObjectNode knn = body.putObject("knn");
        knn.put("field", VECTOR_FIELD);
        knn.set("query_vector", vector);
        knn.put("k", k);
        knn.put("num_candidates", Math.max(k, numCandidates));
        if (excludeId.isPresent() || labelledOnly) {
            ObjectNode bool = knn.putObject("filter").putObject("bool");
            excludeId.ifPresent(id -> bool.putObject("must_not").putObject("ids").putArray("values").add(id));
            if (labelledOnly) {
                bool.putArray("filter").addObject().putObject("exists").put("field", LABELLED_STANCE);
            }
        }
        body.putArray("_source").add("id").add("title").add("enrichment.cluster_id").add(LABELLED_STANCE)
                .add("labels.themes");
        return body;
    }

    /**
     * The hits of one search of a multi-search answer, which carries its own status: the request as a whole
     * succeeds when a single search fails.
     *
     * @throws CorpusUnavailableException when that search failed for a reason that passes (overload, shard down)
     */
    static List<Candidate> candidates(JsonNode response, String alias) {
        List<Candidate> candidates = new ArrayList<>();
        if (response.isMissingNode()) {
            throw new IllegalStateException("Elasticsearch answered fewer searches than asked on " + alias);
        }
        if (response.has("error")) {
            int status = response.path("status").asInt(500);
            if (status == 404) {
                return candidates; // no index yet: a fresh system, not an error
            }
            String error = response.path("error").path("type").asText("") + ": "
                    + response.path("error").path("reason").asText("");
            if (status == 429 || status >= 500) {
                throw new CorpusUnavailableException("Elasticsearch answered " + status + " to the kNN search on "
                        + alias + " (" + error + ")", null);
            }
            throw new IllegalStateException("Elasticsearch refused the kNN search on " + alias + ": " + status + " "
                    + error);
        }
        for (JsonNode hit : response.path("hits").path("hits")) {
            JsonNode source = hit.path("_source");
            String id = source.path("id").asText(hit.path("_id").asText());
            String title = source.path("title").isTextual() ? source.path("title").textValue() : null;
            JsonNode cluster = source.path("enrichment").path("cluster_id");
            // For cosine, Elasticsearch scores (1 + cosine) / 2.
            double similarity = Math.max(-1.0, Math.min(1.0, 2.0 * hit.path("_score").asDouble() - 1.0));
            candidates.add(new Candidate(id, title, similarity,
                    cluster.isTextual() ? Optional.of(cluster.textValue()) : Optional.empty(), labels(source)));
        }
        return candidates;
    }

    private static Optional<Candidate.Labels> labels(JsonNode source) {
        JsonNode labels = source.path("labels");
        if (!labels.path("stance").isTextual()) {
            return Optional.empty();
        }
        List<String> themes = new ArrayList<>();
        labels.path("themes").forEach(t -> {
            if (t.isTextual()) {
                themes.add(t.textValue());
            }
        });
        return Optional.of(new Candidate.Labels(labels.path("stance").textValue(), themes));
    }

    @Override
    public Optional<String> text(String id) {
        ObjectNode body = mapper.createObjectNode();
        body.put("size", 1);
        body.putObject("query").putObject("ids").putArray("values").add(id);
        body.putArray("_source").add("text");
        return search(body).flatMap(answer -> {
            JsonNode hits = answer.path("hits").path("hits");
            JsonNode text = hits.isEmpty() ? null : hits.get(0).path("_source").path("text");
            return text != null && text.isTextual() ? Optional.of(text.textValue()) : Optional.empty();
        });
    }

    /** @return empty when the index (alias) does not exist yet: a fresh system, not an error */
    private Optional<JsonNode> search(ObjectNode body) {
        Request request = new Request("POST", "/" + alias + "/_search");
        request.addParameter("ignore_unavailable", "false");
        request.setOptions(options);
        try {
            request.setJsonEntity(mapper.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the search", e);
        }
        return perform(request, "search");
    }

    /** @return empty when the index (alias) does not exist yet */
    private Optional<JsonNode> perform(Request request, String what) {
        try {
            return Optional.of(read(rest.performRequest(request)));
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            if (status == 404) {
                return Optional.empty();
            }
            if (status == 429 || status >= 500) {
                throw new CorpusUnavailableException("Elasticsearch answered " + status + " to the " + what + " on "
                        + alias, e);
            }
            throw new IllegalStateException("Elasticsearch refused the " + what + " on " + alias + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CorpusUnavailableException("Elasticsearch unreachable: " + e, e);
        }
    }

    private JsonNode read(Response response) throws IOException {
        try (InputStream body = response.getEntity().getContent()) {
            return mapper.readTree(body);
        }
    }
}
