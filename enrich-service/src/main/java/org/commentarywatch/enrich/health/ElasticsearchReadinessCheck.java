package org.commentarywatch.enrich.health;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.commentarywatch.enrich.client.ElasticsearchCorpus;
import org.commentarywatch.enrich.config.CorpusConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Ready only while Elasticsearch answers and is not red: without it the neighbours, novelty and duplicates
 * would be wrong, so the stage waits. {@code GET /_cluster/health} within {@code commentary.corpus.timeout}
 * (the extension's own check, switched off, would wait out the client's 30 s socket timeout on a hanging node).
 */
@Readiness
@ApplicationScoped
public class ElasticsearchReadinessCheck implements HealthCheck {

    static final String NAME = "Elasticsearch cluster";

    private final RestClient rest;
    private final ObjectMapper mapper;
    private final CorpusConfig config;

    public ElasticsearchReadinessCheck(RestClient rest, ObjectMapper mapper, CorpusConfig config) {
        this.rest = rest;
        this.mapper = mapper;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        try {
            Request request = new Request("GET", "/_cluster/health");
            request.setOptions(ElasticsearchCorpus.withTimeout(config.timeout()));
            Response answer = rest.performRequest(request);
            JsonNode health;
            try (InputStream body = answer.getEntity().getContent()) {
                health = mapper.readTree(body);
            }
            String status = health.path("status").asText("unknown");
            return response.status(!"red".equals(status))
                    .withData("cluster", health.path("cluster_name").asText("unknown"))
                    .withData("status", status)
                    .build();
        } catch (Exception e) {
            return response.down().withData("reason", String.valueOf(e)).build();
        }
    }
}
