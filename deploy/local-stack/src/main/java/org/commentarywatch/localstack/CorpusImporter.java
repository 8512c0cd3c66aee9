package org.commentarywatch.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Imports a directory in the reference corpus' shape (text files plus {@code labels.json}) through ingest-service's
 * corpus import ({@code POST /api/corpus/import}: the one implementation of "corpus file -> reference document",
 * labels carried, ids stable), prints what it stored and waits until search finds each document.
 */
public final class CorpusImporter {

    private static final Duration SEARCHABLE_TIMEOUT = Duration.ofSeconds(120);
    /** The service answers once every file was acknowledged by Kafka; a large corpus takes a while. */
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(10);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ingestUrl;
    private final String searchUrl;

    public CorpusImporter(String ingestUrl, String searchUrl) {
        this.ingestUrl = ingestUrl;
        this.searchUrl = searchUrl;
    }

    /** Returns the ids of the imported documents, in the order of {@code labels.json}. */
    public List<String> importDirectory(Path directory) {
        // Absolute: the service resolves the path on its own, from its own working directory.
        Path absolute = directory.toAbsolutePath().normalize();
        System.out.printf("[commentary-watch] importing the corpus in %s through ingest-service ...%n", absolute);
        try {
            ObjectNode body = json.createObjectNode().put("path", absolute.toString());
            HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/corpus/import"))
                    .header("Content-Type", "application/json")
                    .timeout(IMPORT_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            HttpResponse<String> response = send(request);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ingest-service refused to import " + absolute + " (--corpus DIR): HTTP "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode documents = json.readTree(response.body()).path("documents");
            List<String> ids = new ArrayList<>();
            Map<String, String> titles = new LinkedHashMap<>();
            int n = 0;
            for (JsonNode document : documents) {
                n++;
                String id = document.path("id").asText();
                ids.add(id);
                titles.put(id, document.path("title").asText());
                System.out.printf("[commentary-watch] imported %d/%d %s -> %s%n", n, documents.size(),
                        document.path("file").asText(), id);
            }
            awaitSearchable(titles);
            System.out.printf("[commentary-watch] %d documents searchable%n", ids.size());
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("importing " + absolute + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Searchable, not merely stored: a document can be fetched by id as soon as it is indexed, but search sees
     * it only after the next refresh, so each one is looked for by its title through the search API.
     */
    private void awaitSearchable(Map<String, String> titles) {
        Instant deadline = Instant.now().plus(SEARCHABLE_TIMEOUT);
        Map<String, String> waiting = new LinkedHashMap<>(titles);
        while (!waiting.isEmpty()) {
            waiting.entrySet().removeIf(entry -> foundBySearch(entry.getKey(), entry.getValue()));
            if (waiting.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not searchable after " + SEARCHABLE_TIMEOUT.toSeconds() + " s: " + waiting.keySet()
                        + "; look for them on commentary.dlq and in the service logs");
            }
            ChildProcess.sleep(Duration.ofMillis(500));
        }
    }

    private boolean foundBySearch(String id, String title) {
        // The search's q is query-string syntax: a title searched as one quoted phrase cannot be read as syntax.
        String phrase = title.isBlank() ? "id:" + id : "\"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        String query = URLEncoder.encode(phrase, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(searchUrl + "/api/search?size=50&q=" + query))
                .timeout(Duration.ofSeconds(10)).build());
        if (response.statusCode() != 200) {
            return false;
        }
        try {
            for (JsonNode hit : json.readTree(response.body()).path("hits")) {
                if (id.equals(hit.path("id").asText())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
