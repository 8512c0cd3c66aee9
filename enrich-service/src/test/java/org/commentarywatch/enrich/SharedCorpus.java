package org.commentarywatch.enrich;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** The labelled reference corpus beside the checkout, for the tests that evaluate against it. */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    /** The corpus folder; the test fails with what to do when it is missing. */
    public static Path directory() {
        String dir = System.getProperty("commentary-test.corpus-dir");
        if (dir == null || dir.isBlank()) {
            fail("system property commentary-test.corpus-dir is not set: run through Maven (the parent pom points it at "
                    + "../shared/corpus) or pass -Dcommentary-test.corpus-dir=<folder with labels.json>");
        }
        Path path = Path.of(dir);
        if (!Files.isRegularFile(path.resolve("labels.json"))) {
            fail("the labelled corpus is missing: no labels.json in commentary-test.corpus-dir=" + path.toAbsolutePath());
        }
        return path;
    }
}
