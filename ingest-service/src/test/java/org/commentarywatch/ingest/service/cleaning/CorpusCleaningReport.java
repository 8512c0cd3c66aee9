package org.commentarywatch.ingest.service.cleaning;

import java.util.Map;
import java.util.stream.Collectors;

import org.commentarywatch.ingest.Corpus;
import org.commentarywatch.ingest.model.CleaningReport;
import org.junit.jupiter.api.Test;

/**
 * Prints the before/after table of the README: the cleaning stage on each reference-corpus file. Not part of the
 * build (the name does not end in Test); run it with
 * {@code ./mvnw -o -B -pl ingest-service test -Dtest=CorpusCleaningReport -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CorpusCleaningReport {

    @Test
    void printTheCleaningTable() {
        StringBuilder out = new StringBuilder("\n| file | origin | lines before → after | chars before → after "
                + "| removed lines by kind | repairs by kind |\n|---|---|---|---|---|---|\n");
        for (Corpus.Piece piece : Corpus.pieces()) {
            CleaningReport report = TextCleaner.clean(piece.text(), TextCleaner.Hints.title(piece.title())).report();
            out.append("| ").append(piece.file().substring(0, 3)).append(" | ").append(piece.origin())
                    .append(" | ").append(report.linesBefore()).append(" → ").append(report.linesAfter())
                    .append(" | ").append(report.charsBefore()).append(" → ").append(report.charsAfter())
                    .append(" | ").append(kinds(report.removed())).append(" | ").append(kinds(report.repaired()))
                    .append(" |\n");
        }
        System.out.println(out);
    }

    private static String kinds(Map<String, Integer> counts) {
        return counts.isEmpty() ? "–" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
