package org.commentarywatch.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The few HTTP calls the system tests make against the services and Elasticsearch. */
final class SystemHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SystemHttp() {
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postJson(String url, String body, Duration timeout) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    /** How many documents behind the alias have {@code term} in their text (a per-test marker). */
    static long countWithTerm(String elasticsearchUrl, String term) throws IOException, InterruptedException {
        ObjectNode query = JSON.createObjectNode();
        query.putObject("query").putObject("match").put("text", term);
        HttpResponse<String> response = postJson(elasticsearchUrl + "/commentary/_count", query.toString(), Duration.ofSeconds(10));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("_count answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body()).path("count").asLong();
    }

    /** How many of {@code ids} are searchable behind the alias: a count, no hits fetched. */
    static long countIds(String elasticsearchUrl, Collection<String> ids) throws IOException, InterruptedException {
        ObjectNode query = JSON.createObjectNode();
        query.putObject("query").putObject("ids").set("values", JSON.valueToTree(ids));
        HttpResponse<String> response = postJson(elasticsearchUrl + "/commentary/_count", query.toString(), Duration.ofSeconds(10));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("_count answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body()).path("count").asLong();
    }

    /** Which of {@code ids} are searchable behind the alias (a filter: no scores; only the ids come back). */
    static Set<String> presentIds(String elasticsearchUrl, Collection<String> ids) throws IOException, InterruptedException {
        ObjectNode query = JSON.createObjectNode();
        query.put("size", ids.size()).put("_source", false).put("track_total_hits", false);
        query.putObject("query").putObject("bool").putArray("filter").addObject().putObject("ids").set("values", JSON.valueToTree(ids));
        HttpResponse<String> response = postJson(elasticsearchUrl + "/commentary/_search?filter_path=hits.hits._id", query.toString(),
                Duration.ofSeconds(10));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("_search answered " + response.statusCode() + ": " + response.body());
        }
        Set<String> found = new HashSet<>();
        parse(response.body()).path("hits").path("hits").forEach(hit -> found.add(hit.path("_id").asText()));
        return found;
    }
}
