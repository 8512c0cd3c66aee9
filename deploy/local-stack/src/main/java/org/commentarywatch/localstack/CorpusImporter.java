package org.commentarywatch.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
 * Imports a directory in the reference corpus' shape (text files plus {@code labels.json}) through the
 * ingest API, as reference documents carrying the analyst's labels, and waits until search finds each one.
 */
public final class CorpusImporter {

    private static final Duration SEARCHABLE_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> LABEL_FIELDS = List.of("stance", "themes", "countries_and_blocs", "people", "publisher", "origin");

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
        Path labels = directory.resolve("labels.json");
        if (!Files.isRegularFile(labels)) {
            throw new IllegalStateException("no labels.json in " + directory.toAbsolutePath()
                    + ": the corpus directory holds the texts and a labels.json describing them (--corpus DIR)");
        }
        try {
            JsonNode entries = json.readTree(labels.toFile());
            List<String> ids = new ArrayList<>();
            Map<String, String> titles = new LinkedHashMap<>();
            int n = 0;
            for (JsonNode entry : entries) {
                n++;
                String file = entry.path("file").asText();
                String text = Files.readString(directory.resolve(file));
                ObjectNode document = document(entry, text);
                String id = post(document);
                ids.add(id);
                titles.put(id, document.path("title").asText());
                System.out.printf("[commentary-watch] imported %d/%d %s -> %s%n", n, entries.size(), file, id);
            }
            awaitSearchable(titles);
            System.out.printf("[commentary-watch] %d documents searchable%n", ids.size());
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("importing " + directory + " failed: " + e.getMessage(), e);
        }
    }

    private ObjectNode document(JsonNode entry, String text) {
        ObjectNode doc = json.createObjectNode();
        doc.put("title", entry.path("title").asText(""));
        doc.put("text", text);
        if (entry.hasNonNull("published")) {
            doc.put("published", entry.get("published").asText());
        }
        if (entry.hasNonNull("publisher")) {
            doc.put("source", entry.get("publisher").asText());
        }
        doc.set("authors", entry.path("authors").isArray() ? entry.get("authors") : json.createArrayNode());
        doc.put("reference", true);
        ObjectNode labels = doc.putObject("labels");
        for (String field : LABEL_FIELDS) {
            if (entry.hasNonNull(field)) {
                labels.set(field, entry.get(field));
            }
        }
        return doc;
    }

    private String post(ObjectNode document) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/api/documents"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(document))).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("ingest-service refused '" + document.path("title").asText() + "': HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).path("id").asText();
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
        String query = URLEncoder.encode(title.isBlank() ? id : title, StandardCharsets.UTF_8);
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
