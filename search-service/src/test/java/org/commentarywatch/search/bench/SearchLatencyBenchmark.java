package org.commentarywatch.search.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;

import org.commentarywatch.localstack.LocalStackTestResource;
import org.commentarywatch.search.Fixtures;
import org.commentarywatch.search.config.IndexLayout;
import org.commentarywatch.search.model.SearchParams;
import org.commentarywatch.search.model.SearchResult;
import org.commentarywatch.search.service.IndexTemplate;
import org.commentarywatch.search.service.SearchQueries;
import org.commentarywatch.search.service.SearchService;

/**
 * Search latency on a large index: generated documents (a Zipf-distributed made-up vocabulary with topic words mixed
 * in; titles; texts of 100-700 words, shorter than real pieces so that the load takes minutes; stance, themes,
 * actors, sources, languages, three years of publication dates) are bulk-loaded into a throw-away index with the
 * service's own mapping, then a mix of representative searches (q with filters, facets and highlighting, as
 * {@code GET /api/search} sends them) runs through the service's own {@link SearchService} on one thread. A bare
 * {@code match_all} of 10 hits without facets, in the same run, is the baseline. Embeddings are left out: kNN is not
 * measured and the HNSW graph would dominate the load time. Not a test; run it as the README says:
 * {@code SearchLatencyBenchmark [documents=100000] [searches=400] [elasticsearch-url]}; without a URL it starts a
 * throw-away Elasticsearch (and Kafka) through the local stack.
 */
public final class SearchLatencyBenchmark {

    private static final String[] STANCES = { "convergence", "divergence", "neutral", "off_topic" };
    private static final String[] THEMES = SearchParams.THEMES.stream().sorted().toArray(String[]::new);
    private static final String[] LANGUAGES = { "en", "en", "en", "en", "en", "en", "en", "en", "ru", "zh" };
    /** Words a search would look for, each tied to a theme, mixed into texts of that theme. */
    private static final String[] TOPIC_WORDS = { "gas", "pipeline", "arctic", "sanctions", "alliance", "taiwan", "nato",
            "yuan", "semiconductors", "exercises", "summit", "grain", "ruble", "treaty", "drills", "tariffs" };
    private static final int BULK_DOCUMENTS = 1_000;
    private static final int LOADERS = 2;

    private SearchLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int searches = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        String url = args.length > 2 ? args[2] : LocalStackTestResource.stack().elasticsearchUrl();
        String index = "bench-search-" + System.currentTimeMillis();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        ObjectNode definition = IndexTemplate.definition(new IndexLayout("commentary", 1), Fixtures.JSON);
        ObjectNode settings = (ObjectNode) definition.get("settings");
        // Loading: no replica, no refresh until the end (the settings a bulk load into a fresh index would use).
        settings.put("number_of_replicas", 0).remove("auto_expand_replicas");
        settings.put("refresh_interval", "-1");
        send(http, "PUT", url + "/" + index, definition.toString());
        System.out.printf("Elasticsearch %s, index %s; load average %.1f%n", url, index, loadAverage());

        long loadStart = System.nanoTime();
        long bytes = load(http, url, index, documents);
        send(http, "PUT", url + "/" + index + "/_settings", "{\"index\":{\"refresh_interval\":null}}");
        send(http, "POST", url + "/" + index + "/_refresh", "");
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        System.out.printf("Loaded %,d documents (%,d MB of JSON) in %.0f s: %,.0f docs/s%n", documents, bytes >> 20,
                loadSeconds, documents / loadSeconds);

        RestClient rest = RestClient.builder(HttpHost.create(url)).build();
        try (RestClientTransport transport = new RestClientTransport(rest, new JacksonJsonpMapper(Fixtures.JSON))) {
            ElasticsearchClient client = new ElasticsearchClient(transport);
            SearchService service = new SearchService(client, index, SearchQueries.forMapping(definition));
            Random random = new Random(11);
            List<Kind> kinds = kinds();

            for (int i = 0; i < Math.min(100, searches); i++) {
                Kind kind = kinds.get(i % kinds.size());
                service.search(kind.params.apply(random));
                client.search(s -> s.index(index).size(10), ObjectNode.class);
            }
            double loadBefore = loadAverage();
            Map<String, List<Long>> byKind = new LinkedHashMap<>();
            List<Long> all = new ArrayList<>();
            List<Long> baseline = new ArrayList<>();
            long hits = 0;
            for (int i = 0; i < searches; i++) {
                Kind kind = kinds.get(random.nextInt(kinds.size()));
                SearchParams params = kind.params.apply(random);
                long start = System.nanoTime();
                SearchResult result = service.search(params);
                long nanos = System.nanoTime() - start;
                hits += result.total();
                all.add(nanos);
                byKind.computeIfAbsent(kind.name, k -> new ArrayList<>()).add(nanos);
                start = System.nanoTime();
                client.search(s -> s.index(index).size(10), ObjectNode.class);
                baseline.add(System.nanoTime() - start);
            }
            System.out.printf("%n%d searches, one thread, load average %.1f before / %.1f after; mean %,d matches per search%n",
                    searches, loadBefore, loadAverage(), hits / searches);
            System.out.printf("%-58s %8s %8s %8s%n", "search", "p50 ms", "p95 ms", "mean ms");
            byKind.forEach((name, nanos) -> print(name, nanos));
            print("all searches (q + filters + facets + highlights)", all);
            print("baseline: match_all, 10 hits, no facets", baseline);
            System.out.printf("ratio p50 all / baseline: %.1fx%n", percentile(all, 50) / percentile(baseline, 50));
        } finally {
            send(http, "DELETE", url + "/" + index, "");
        }
    }

    private record Kind(String name, Function<Random, SearchParams> params) {
    }

    private static List<Kind> kinds() {
        return List.of(
                new Kind("q one word", r -> params(Map.of("q", topic(r)))),
                new Kind("q two words + stance", r -> params(Map.of("q", topic(r) + " " + topic(r),
                        "stance", STANCES[r.nextInt(2)]))),
                new Kind("q phrase + theme + 90 days", r -> {
                    LocalDate from = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(900));
                    return params(Map.of("q", "\"" + topic(r) + " " + topic(r) + "\"~3", "theme", THEMES[r.nextInt(THEMES.length)],
                            "from", from.toString(), "to", from.plusDays(90).toString()));
                }),
                new Kind("q OR + prefix, language, newest first", r -> params(Map.of("q", "(" + topic(r) + " OR " + topic(r)
                        + ") AND " + topic(r).substring(0, 3) + "*", "language", "en", "sort", "published_desc"))),
                new Kind("no q: actor + stance, most novel first", r -> params(Map.of("actor", "actor" + r.nextInt(20),
                        "stance", STANCES[r.nextInt(4)], "sort", "novelty"))),
                new Kind("q one word, page 5 of 20", r -> params(Map.of("q", topic(r), "page", "5", "size", "20"))));
    }

    private static SearchParams params(Map<String, String> single) {
        Map<String, List<String>> parameters = new HashMap<>();
        single.forEach((name, value) -> parameters.put(name, List.of(value)));
        return SearchParams.parse(parameters);
    }

    private static String topic(Random random) {
        return TOPIC_WORDS[random.nextInt(TOPIC_WORDS.length)];
    }

    /** Bulk-loads the documents with a few requests in flight; returns the bytes sent. */
    private static long load(HttpClient http, String url, String index, int documents) throws Exception {
        Vocabulary words = new Vocabulary(30_000, new Random(3));
        ExecutorService loaders = Executors.newFixedThreadPool(LOADERS);
        try {
            List<Future<Long>> sent = new ArrayList<>();
            for (int first = 0; first < documents; first += BULK_DOCUMENTS) {
                int from = first;
                int to = Math.min(documents, first + BULK_DOCUMENTS);
                sent.add(loaders.submit(() -> {
                    Random random = new Random(from);
                    StringBuilder body = new StringBuilder(BULK_DOCUMENTS * 3_000);
                    for (int i = from; i < to; i++) {
                        String id = String.format("%032x", i);
                        body.append("{\"index\":{\"_id\":\"").append(id).append("\"}}\n")
                                .append(document(id, words, random)).append('\n');
                    }
                    String response = send(http, "POST", url + "/" + index + "/_bulk", body.toString());
                    if (response.contains("\"errors\":true")) {
                        throw new IllegalStateException("bulk had errors: " + response.substring(0, Math.min(2_000, response.length())));
                    }
                    return (long) body.length();
                }));
                if (sent.size() % 10 == 0) {
                    System.out.printf("  %,d documents queued%n", to);
                }
            }
            long bytes = 0;
            for (Future<Long> future : sent) {
                bytes += future.get();
            }
            return bytes;
        } finally {
            loaders.shutdownNow();
        }
    }

    private static String document(String id, Vocabulary words, Random random) {
        ObjectNode document = Fixtures.JSON.createObjectNode();
        String[] topics = { topic(random), topic(random), topic(random) };
        StringBuilder title = new StringBuilder(topics[0]);
        for (int i = 0; i < 6; i++) {
            title.append(' ').append(words.zipf(random));
        }
        int length = 100 + random.nextInt(600);
        StringBuilder text = new StringBuilder(length * 7);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(40) == 0 ? topics[random.nextInt(topics.length)] : words.zipf(random));
            text.append(random.nextInt(15) == 0 ? ". " : " ");
        }
        Instant published = Instant.parse("2024-01-01T00:00:00Z").plus(random.nextInt(3 * 365 * 24), ChronoUnit.HOURS);
        document.put("schema_version", 1).put("id", id).put("title", title.toString()).put("text", text.toString())
                .put("url", "https://example.org/commentary/" + id)
                .put("published", published.toString().substring(0, 10))
                .put("source", "Source " + (int) (200 * Math.pow(random.nextDouble(), 2)))
                .put("reference", random.nextInt(100) == 0)
                .put("content_type", "text/html")
                .put("ingested_at", published.plus(random.nextInt(48), ChronoUnit.HOURS).toString());
        ObjectNode enrichment = document.putObject("enrichment");
        enrichment.put("language", LANGUAGES[random.nextInt(LANGUAGES.length)]).put("word_count", length);
        enrichment.putObject("stance").put("label", STANCES[random.nextInt(STANCES.length)])
                .put("score", random.nextDouble());
        ArrayNode themes = enrichment.putArray("themes");
        Set<String> chosen = new HashSet<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            String theme = THEMES[random.nextInt(THEMES.length)];
            if (chosen.add(theme)) {
                themes.addObject().put("label", theme).put("score", random.nextDouble());
            }
        }
        ArrayNode actors = enrichment.putArray("actors");
        Set<Integer> actorIds = new HashSet<>();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            int actor = (int) (60 * Math.pow(random.nextDouble(), 2));
            if (actorIds.add(actor)) {
                actors.addObject().put("id", "actor" + actor).put("name", "Actor " + actor).put("type", "state")
                        .put("mentions", 1 + random.nextInt(5));
            }
        }
        enrichment.put("novelty", random.nextDouble());
        return document.toString();
    }

    private static String send(HttpClient http, String method, String url, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", url.endsWith("_bulk") ? "application/x-ndjson" : "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static void print(String name, List<Long> nanos) {
        System.out.printf("%-58s %8.1f %8.1f %8.1f%n", name + " (" + nanos.size() + ")", percentile(nanos, 50),
                percentile(nanos, 95), nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6);
    }

    private static double percentile(List<Long> nanos, int percent) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Made-up words with Zipf-distributed frequencies, like natural text. */
    private static final class Vocabulary {
        private final String[] words;
        private final double[] cumulative;

        Vocabulary(int size, Random random) {
            words = new String[size];
            cumulative = new double[size];
            Set<String> seen = new HashSet<>(Arrays.asList(TOPIC_WORDS));
            double sum = 0;
            for (int rank = 0; rank < size; rank++) {
                String word;
                do {
                    StringBuilder letters = new StringBuilder();
                    for (int k = 0, n = 2 + Math.min(6, rank / 3000) + random.nextInt(4); k < n; k++) {
                        letters.append((char) ('a' + random.nextInt(26)));
                    }
                    word = letters.toString();
                } while (!seen.add(word));
                words[rank] = word;
                sum += 1.0 / (rank + 1);
                cumulative[rank] = sum;
            }
            for (int rank = 0; rank < size; rank++) {
                cumulative[rank] /= sum;
            }
        }

        String zipf(Random random) {
            int index = Arrays.binarySearch(cumulative, random.nextDouble());
            return words[index >= 0 ? index : Math.min(words.length - 1, -index - 1)];
        }
    }
}
