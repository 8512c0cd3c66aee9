package org.commentarywatch.search.client;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The few administrative calls this service makes to Elasticsearch, as plain JSON over the low-level client:
 * the settings and mappings go to the node exactly as written in the resource file, with nothing dropped or
 * reinterpreted by a typed model.
 */
@ApplicationScoped
public class IndexAdminClient {

    /** What {@code GET /_cluster/health} reports that the readiness check uses. */
    public record ClusterHealth(String clusterName, String status) {
        public ClusterHealth {
            Objects.requireNonNull(clusterName, "clusterName");
            Objects.requireNonNull(status, "status");
        }

        public boolean isRed() {
            return "red".equals(status);
        }
    }

    private final RestClient rest;
    private final ObjectMapper mapper;

    public IndexAdminClient(RestClient rest, ObjectMapper mapper) {
        this.rest = rest;
        this.mapper = mapper;
    }

    /** Creates or replaces a composable index template. */
    public void putIndexTemplate(String name, ObjectNode body) throws IOException {
        Request request = new Request("PUT", "/_index_template/" + name);
        request.setJsonEntity(mapper.writeValueAsString(body));
        rest.performRequest(request);
    }

    /**
     * Creates the index, its settings and mappings coming from the matching template, with the alias pointing at
     * it (and taking writes).
     *
     * @return false when the index was already there: nothing changed
     */
    public boolean createIndex(String index, String alias) throws IOException {
        ObjectNode body = mapper.createObjectNode();
        body.putObject("aliases").putObject(alias).put("is_write_index", true);
        return createIndexWith(index, body);
    }

    /**
     * Creates an index with the given settings and mappings (no template involved).
     *
     * @return false when the index was already there: nothing changed
     */
    public boolean createIndexWith(String index, ObjectNode definition) throws IOException {
        Request request = new Request("PUT", "/" + index);
        request.setJsonEntity(mapper.writeValueAsString(definition));
        try {
            rest.performRequest(request);
            return true;
        } catch (ResponseException e) {
            if (errorType(e).equals("resource_already_exists_exception")) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Adds the fields of {@code mappings} that the existing index lacks (Elasticsearch merges a mapping into the
     * index's own; documents indexed before keep the new fields unindexed until they are indexed again).
     *
     * @return why the node refused, when it did: a field whose type changed needs a new index version
     */
    public Optional<String> putMapping(String index, JsonNode mappings) throws IOException {
        Request request = new Request("PUT", "/" + index + "/_mapping");
        request.setJsonEntity(mapper.writeValueAsString(mappings));
        try {
            rest.performRequest(request);
            return Optional.empty();
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 400) {
                return Optional.of(errorType(e) + ": " + errorReason(e));
            }
            throw e;
        }
    }

    /** The indices the alias points at; empty when there is no such alias. */
    public Set<String> aliasTargets(String alias) throws IOException {
        Response response;
        try {
            response = rest.performRequest(new Request("GET", "/_alias/" + alias));
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return Set.of();
            }
            throw e;
        }
        Set<String> indices = new LinkedHashSet<>();
        read(response).fieldNames().forEachRemaining(indices::add);
        return indices;
    }

    /** Points the alias at the index, making it the write index. */
    public void addAlias(String index, String alias) throws IOException {
        Request request = new Request("POST", "/_aliases");
        ObjectNode body = mapper.createObjectNode();
        body.putArray("actions").addObject().putObject("add")
                .put("index", index).put("alias", alias).put("is_write_index", true);
        request.setJsonEntity(mapper.writeValueAsString(body));
        rest.performRequest(request);
    }

    /**
     * {@code GET /_cluster/health}, the probe this distribution answers ({@code GET /} gets 405), bounded by
     * {@code timeout} rather than the client's general socket timeout.
     */
    public ClusterHealth clusterHealth(Duration timeout) throws IOException {
        int millis = Math.toIntExact(timeout.toMillis());
        Request request = new Request("GET", "/_cluster/health");
        request.setOptions(RequestOptions.DEFAULT.toBuilder().setRequestConfig(RequestConfig.custom()
                .setConnectTimeout(millis)
                .setSocketTimeout(millis)
                .setConnectionRequestTimeout(millis)
                .build()));
        JsonNode health = read(rest.performRequest(request));
        return new ClusterHealth(health.path("cluster_name").asText("unknown"), health.path("status").asText("unknown"));
    }

    private JsonNode read(Response response) throws IOException {
        try (InputStream body = response.getEntity().getContent()) {
            return mapper.readTree(body);
        }
    }

    private String errorReason(ResponseException e) {
        try {
            return read(e.getResponse()).path("error").path("reason").asText("");
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }

    private String errorType(ResponseException e) {
        try {
            return read(e.getResponse()).path("error").path("type").asText("");
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }
}
