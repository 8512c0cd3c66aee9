package org.commentarywatch.ingest.service.extraction;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.commentarywatch.ingest.Fixtures;
import org.commentarywatch.ingest.TestPdfs;
import org.commentarywatch.ingest.service.cleaning.TextCleaner;
import org.junit.jupiter.api.Test;

/**
 * Extraction throughput, extraction plus cleaning, one thread, on the test fixtures: HTML pages (two fixture pages
 * alternately) and PDFs (the three-page two-column report and a one-page single-column note alternately). Not part
 * of the build (the name does not end in Test) and asserts nothing; run it with
 * {@code ./mvnw -o -B -pl ingest-service test -Dtest=ExtractionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ExtractionBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(10);

    @Test
    void printExtractionThroughput() {
        DocumentExtractor extractor = new DocumentExtractor(new PdfExtractor.Limits(300, Duration.ofSeconds(30)));
        List<byte[]> html = List.of(Fixtures.bytes("news-article.html"), Fixtures.bytes("noisy-page.html"));
        List<byte[]> pdf = List.of(TestPdfs.twoColumns(), TestPdfs.singleColumn("Harbour Cranes in Winter",
                "R. Porter", List.of("An invented paragraph about cranes and frost. ".repeat(30),
                        "A second invented paragraph about the harbour and its crews. ".repeat(30))));
        StringBuilder out = new StringBuilder("\n| input | documents | seconds | docs/s | KB/s |\n|---|---|---|---|---|\n");
        out.append(run("HTML (2 fixture pages, 3–5 KB)", extractor, html, DocumentExtractor.HTML));
        out.append(run("PDF (3-page two-column + 1-page single-column)", extractor, pdf, DocumentExtractor.PDF));
        System.out.println(out);
    }

    private static String run(String name, DocumentExtractor extractor, List<byte[]> inputs, String type) {
        loop(extractor, inputs, type, WARM_UP);
        long start = System.nanoTime();
        long[] counts = loop(extractor, inputs, type, MEASURE);
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("| %s | %d | %.1f | %.0f | %.0f |%n", name, counts[0], seconds, counts[0] / seconds,
                counts[1] / 1024.0 / seconds);
    }

    private static long[] loop(DocumentExtractor extractor, List<byte[]> inputs, String type, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long documents = 0;
        long bytes = 0;
        int checksum = 0;
        while (System.nanoTime() < end) {
            byte[] input = inputs.get((int) (documents % inputs.size()));
            Extraction extraction = extractor.extract(input, type, Optional.empty());
            checksum += TextCleaner.clean(extraction.text(), new TextCleaner.Hints(extraction.title(),
                    extraction.markdown())).text().length();
            documents++;
            bytes += input.length;
        }
        if (checksum == 42) {
            System.out.print("");
        }
        return new long[] { documents, bytes };
    }
}
