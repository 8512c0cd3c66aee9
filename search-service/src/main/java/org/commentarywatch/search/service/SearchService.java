package org.commentarywatch.search.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;

import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.config.IndexLayout;
import org.commentarywatch.search.model.InvalidSearchParameterException;
import org.commentarywatch.search.model.SearchFacets;
import org.commentarywatch.search.model.SearchHit;
import org.commentarywatch.search.model.SearchParams;
import org.commentarywatch.search.model.SearchResult;
import org.commentarywatch.search.model.SimilarDocuments;

/** Reads through the alias: search with facets, documents by id and their nearest neighbours. */
@ApplicationScoped
public class SearchService {

    public static final int DEFAULT_K = 10;
    public static final int MAX_K = 100;
    static final String VECTOR_FIELD = "enrichment.vector";
    /** Candidates per shard for kNN: more than k makes the approximate search find the true nearest more often. */
    private static final int MIN_CANDIDATES = 100;

    private final ElasticsearchClient client;
    private final String alias;
    private final SearchQueries queries;

    @Inject
    public SearchService(ElasticsearchClient client, CommentaryConfig config, ObjectMapper mapper) {
        this(client, config.index().alias(), SearchQueries.forMapping(IndexTemplate.definition(IndexLayout.of(config.index()), mapper)));
    }

    /** Over any index with the service's mapping: the search benchmark uses a throw-away one. */
    public SearchService(ElasticsearchClient client, String index, SearchQueries queries) {
        this.client = client;
        this.alias = index;
        this.queries = queries;
    }

    /** @throws InvalidSearchParameterException when {@code q} does not parse or names a field the index lacks */
    public SearchResult search(SearchParams params) throws IOException {
        params.query().ifPresent(queries::check);
        SearchResponse<ObjectNode> response = client.search(SearchRequests.build(alias, params), ObjectNode.class);
        TotalHits total = response.hits().total();
        List<SearchHit> hits = response.hits().hits().stream().map(hit -> toHit(hit, hit.score())).toList();
        Map<String, Aggregate> aggregations = response.aggregations();
        SearchFacets facets = new SearchFacets(
                terms(aggregations.get(SearchRequests.STANCE)),
                terms(aggregations.get(SearchRequests.THEMES)),
                terms(aggregations.get(SearchRequests.ACTORS)),
                terms(aggregations.get(SearchRequests.SOURCES)),
                days(aggregations.get(SearchRequests.PER_DAY)));
        return new SearchResult(total == null ? hits.size() : total.value(), params.page(), params.size(), hits, facets);
    }

    /** The document as stored ({@code _source}), or empty when there is none with this id. */
    public Optional<ObjectNode> document(String id) throws IOException {
        GetResponse<ObjectNode> response = client.get(get -> get.index(alias).id(id), ObjectNode.class);
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    /**
     * The {@code k} documents nearest to this one by embedding (approximate kNN, cosine), the document itself
     * excluded; empty when there is no such document.
     */
    public Optional<SimilarDocuments> similar(String id, int k) throws IOException {
        if (k < 1 || k > MAX_K) {
            throw new InvalidSearchParameterException("k", "must be between 1 and " + MAX_K + ", was " + k);
        }
        GetResponse<ObjectNode> document = client.get(get -> get.index(alias).id(id)
                .sourceIncludes(VECTOR_FIELD), ObjectNode.class);
        if (!document.found()) {
            return Optional.empty();
        }
        JsonNode vector = Optional.<JsonNode>ofNullable(document.source()).orElse(MissingNode.getInstance())
                .path("enrichment").path("vector");
        if (!vector.isArray() || vector.isEmpty()) {
            return Optional.of(new SimilarDocuments(id, k, List.of()));
        }
        List<Float> queryVector = new ArrayList<>(vector.size());
        vector.forEach(value -> queryVector.add(value.floatValue()));
        SearchResponse<ObjectNode> response = client.search(search -> search
                .index(alias)
                .size(k)
                .source(source -> source.filter(filter -> filter.includes(SearchRequests.SOURCE_FIELDS)))
                .knn(knn -> knn
                        .field(VECTOR_FIELD)
                        .queryVector(queryVector)
                        .k(k)
                        .numCandidates(Math.max(MIN_CANDIDATES, 2 * k))
                        .filter(filter -> filter.bool(bool -> bool.mustNot(not -> not.ids(ids -> ids.values(id)))))),
                ObjectNode.class);
        // For cosine, Elasticsearch scores (1 + cosine) / 2; the API gives the cosine itself.
        List<SearchHit> hits = response.hits().hits().stream()
                .map(hit -> toHit(hit, Optional.ofNullable(hit.score()).map(score -> 2 * score - 1).orElse(null)))
                .toList();
        return Optional.of(new SimilarDocuments(id, k, hits));
    }

    private static SearchHit toHit(Hit<ObjectNode> hit, Double score) {
        JsonNode source = hit.source() == null ? MissingNode.getInstance() : hit.source();
        JsonNode enrichment = source.path("enrichment");
        Map<String, List<String>> highlights = hit.highlight();
        String snippet = Optional.ofNullable(highlights.get("text"))
                .flatMap(fragments -> fragments.stream().findFirst())
                .orElseGet(() -> Snippets.opening(source.path("text").asText(""), SearchRequests.SNIPPET_LENGTH));
        return new SearchHit(
                hit.id(),
                source.path("title").asText(""),
                snippet,
                Optional.ofNullable(score).orElse(0.0),
                text(source.path("published")),
                text(source.path("source")),
                enrichment.path("language").asText("und"),
                source.path("reference").asBoolean(false),
                text(enrichment.path("stance").path("label")),
                labels(enrichment.path("themes"), "label"),
                labels(enrichment.path("actors"), "name"),
                enrichment.path("novelty").isNumber() ? Optional.of(enrichment.path("novelty").asDouble()) : Optional.empty(),
                highlights);
    }

    private static List<String> labels(JsonNode array, String property) {
        List<String> labels = new ArrayList<>();
        array.forEach(item -> text(item.path(property)).ifPresent(labels::add));
        return labels;
    }

    private static List<SearchFacets.Bucket> terms(Aggregate aggregate) {
        if (aggregate == null || !aggregate.isSterms()) {
            return List.of();
        }
        return aggregate.sterms().buckets().array().stream()
                .map(bucket -> new SearchFacets.Bucket(bucket.key().stringValue(), bucket.docCount()))
                .toList();
    }

    private static List<SearchFacets.Bucket> days(Aggregate aggregate) {
        if (aggregate == null || !aggregate.isDateHistogram()) {
            return List.of();
        }
        return aggregate.dateHistogram().buckets().array().stream()
                .map(bucket -> new SearchFacets.Bucket(Optional.ofNullable(bucket.keyAsString())
                        .orElse(String.valueOf(bucket.key())), bucket.docCount()))
                .toList();
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
