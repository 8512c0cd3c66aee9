package org.commentarywatch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The reference corpus beside the checkout ({@code ../shared/corpus}), as the parent POM points the tests at it.
 * Read only; its sentences are never copied into the project.
 */
public final class Corpus {

    private static final String DIR_PROPERTY = "commentary-test.corpus-dir";

    /** One corpus file with what labels.json says about it. */
    public record Piece(String file, String origin, String title, String text) {
    }

    private Corpus() {
    }

    public static List<Piece> pieces() {
        Path dir = dir();
        try {
            JsonNode labels = new ObjectMapper().readTree(dir.resolve("labels.json").toFile());
            List<Piece> pieces = new ArrayList<>();
            for (JsonNode label : labels) {
                String file = label.path("file").asText();
                pieces.add(new Piece(file, label.path("origin").asText(), label.path("title").asText(),
                        Files.readString(dir.resolve(file))));
            }
            if (pieces.isEmpty()) {
                throw new IllegalStateException("labels.json in " + dir + " lists no files");
            }
            return pieces;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reference corpus in " + dir, e);
        }
    }

    public static Path dir() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("System property " + DIR_PROPERTY + " is not set: run the tests with "
                    + "Maven (./mvnw verify), whose parent POM points it at ../shared/corpus");
        }
        Path path = Path.of(dir);
        if (!Files.isRegularFile(path.resolve("labels.json"))) {
            throw new IllegalStateException("The reference corpus is missing: no labels.json in " + path.toAbsolutePath()
                    + " (" + DIR_PROPERTY + "). It must sit beside the checkout at ../shared/corpus.");
        }
        return path;
    }
}
