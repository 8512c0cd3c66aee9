package org.commentarywatch.search.service;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;

import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.config.IndexLayout;
import org.commentarywatch.search.model.SearchHit;
import org.commentarywatch.search.model.SearchParams;
import org.commentarywatch.search.model.SearchResult;

/** Reads through the alias: full-text search and documents by id. */
@ApplicationScoped
public class SearchService {

    private final ElasticsearchClient client;
    private final String alias;

    public SearchService(ElasticsearchClient client, CommentaryConfig config) {
        this.client = client;
        this.alias = IndexLayout.of(config.index()).alias();
    }

    public SearchResult search(SearchParams params) throws IOException {
        SearchResponse<ObjectNode> response = client.search(SearchRequests.build(alias, params), ObjectNode.class);
        TotalHits total = response.hits().total();
        List<SearchHit> hits = response.hits().hits().stream().map(SearchService::toHit).toList();
        return new SearchResult(total == null ? hits.size() : total.value(), hits);
    }

    /** The document as stored ({@code _source}), or empty when there is none with this id. */
    public Optional<ObjectNode> document(String id) throws IOException {
        GetResponse<ObjectNode> response = client.get(get -> get.index(alias).id(id), ObjectNode.class);
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    private static SearchHit toHit(Hit<ObjectNode> hit) {
        JsonNode source = hit.source() == null ? MissingNode.getInstance() : hit.source();
        String snippet = Optional.ofNullable(hit.highlight().get("text"))
                .flatMap(fragments -> fragments.stream().findFirst())
                .orElseGet(() -> Snippets.opening(source.path("text").asText(""), SearchRequests.SNIPPET_LENGTH));
        return new SearchHit(
                hit.id(),
                source.path("title").asText(""),
                snippet,
                Optional.ofNullable(hit.score()).orElse(0.0),
                text(source.path("published")),
                text(source.path("source")),
                source.path("enrichment").path("language").asText("und"),
                source.path("reference").asBoolean(false));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
