package org.commentarywatch.enrich.evaluation;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The evaluation command through Maven (not a {@code *Test}: it runs only when asked for):
 *
 * <pre>
 * ./mvnw -o -B -pl enrich-service test -Dtest=EvaluationCommand [-Devaluate.folders=DIR,DIR]
 *     [-Devaluate.lexical=true] [-Devaluate.neighbours=DIR,DIR]
 * </pre>
 * Folders default to the development set and the shared corpus. As the service classifies (embeddings and
 * labelled neighbours), unless {@code evaluate.lexical}: the labelled documents of the evaluated folders and of
 * {@code evaluate.neighbours} vote as neighbours, each piece left out of its own vote.
 */
class EvaluationCommand {

    @Test
    void evaluate() throws URISyntaxException {
        Path devset = Path.of(EvaluationCommand.class.getResource("/devset/labels.json").toURI()).getParent();
        Path corpus = Path.of(System.getProperty("commentary-test.corpus-dir", "../../shared/corpus"));
        List<Path> folders = paths(System.getProperty("evaluate.folders"), List.of(devset, corpus));
        boolean embeddings = !Boolean.getBoolean("evaluate.lexical");
        List<Path> neighbours = paths(System.getProperty("evaluate.neighbours"), List.of());
        Evaluation.printReports(folders, embeddings, neighbours);
    }

    private static List<Path> paths(String property, List<Path> defaults) {
        if (property == null || property.isBlank()) {
            return defaults;
        }
        List<Path> paths = new ArrayList<>();
        for (String part : property.split(",")) {
            paths.add(Path.of(part.strip()));
        }
        return paths;
    }
}
