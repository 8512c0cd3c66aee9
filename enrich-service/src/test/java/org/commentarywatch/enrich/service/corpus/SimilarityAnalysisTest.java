package org.commentarywatch.enrich.service.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.commentarywatch.enrich.CorpusFixtures;
import org.commentarywatch.enrich.PieceGenerator;
import org.commentarywatch.enrich.model.Neighbour;
import org.commentarywatch.enrich.model.SimilarityFindings;
import org.commentarywatch.enrich.service.SentenceSplitter;
import org.commentarywatch.enrich.service.embedding.DocumentEmbedder;
import org.commentarywatch.enrich.service.embedding.MiniLm;
import org.commentarywatch.enrich.service.embedding.Passages;
import org.commentarywatch.enrich.service.embedding.Vectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real model against an in-memory corpus. */
class SimilarityAnalysisTest {

    private static DocumentEmbedder embedder;

    /** Earlier documents with their vectors, searched exactly; can be made to fail a number of times. */
    static final class MemoryIndex implements CorpusIndex {
        final Map<String, String> texts = new LinkedHashMap<>();
        final Map<String, float[]> vectors = new LinkedHashMap<>();
        final AtomicInteger failuresLeft = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        volatile Runnable beforeEachSearch = () -> { };

        void add(String id, String text) {
            texts.put(id, text);
            vectors.put(id, embedder.embed(sentences(text)).orElseThrow().vector());
        }

        @Override
        public Nearest nearest(float[] vector, Optional<String> excludeId, int k, int labelledK) {
            calls.incrementAndGet();
            beforeEachSearch.run();
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new CorpusUnavailableException("connection refused", null);
            }
            List<Candidate> all = new ArrayList<>();
            vectors.forEach((id, v) -> {
                if (excludeId.filter(id::equals).isEmpty()) {
                    all.add(new Candidate(id, "Title " + id, Vectors.cosine(vector, v), Optional.empty()));
                }
            });
            all.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
            // no labelled reference documents in this corpus
            return new Nearest(all.subList(0, Math.min(k, all.size())), List.of());
        }

        @Override
        public Optional<String> text(String id) {
            return Optional.ofNullable(texts.get(id));
        }
    }

    @BeforeAll
    static void load() {
        embedder = DocumentEmbedder.withDefaults();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    private static List<String> sentences(String text) {
        return SentenceSplitter.split(text, Locale.ENGLISH);
    }

    private static SimilarityAnalysis analysis(CorpusIndex index) {
        return new SimilarityAnalysis(embedder, index, new PlacementRules(5, 0.95, 0.80), 0.5, new RecentVectors(16),
                Duration.ofMillis(5), Duration.ofMillis(20));
    }

    private static SimilarityFindings analyse(SimilarityAnalysis analysis, String id, String text) {
        return analysis.analyse(sentences(text), "", text, SimilarityAnalysis.Query.stage(id));
    }

    private static MemoryIndex corpus() {
        MemoryIndex index = new MemoryIndex();
        index.add("pipeline", CorpusFixtures.PIPELINE);
        index.add("exercises", CorpusFixtures.EXERCISES);
        return index;
    }

    @Test
    void writesAUnitDocumentVectorAndHowItWasMade() {
        SimilarityFindings findings = analyse(analysis(new MemoryIndex()), "doc", CorpusFixtures.PIPELINE);

        assertEquals(MiniLm.DIMENSION, findings.vector().length);
        assertEquals(1.0, Vectors.norm(findings.vector()), 1e-4);
        assertEquals(MiniLm.NAME, findings.embedding().model());
        assertTrue(findings.embedding().passages() >= 2, "passages " + findings.embedding().passages());
        assertEquals(0, findings.embedding().truncatedPassages());
    }

    @Test
    void aLightlyEditedCopyOfAnEarlierPieceIsItsNearDuplicateAndJoinsItsStory() {
        SimilarityFindings findings = analyse(analysis(corpus()), "copy", CorpusFixtures.PIPELINE_EDITED);

        assertEquals("pipeline", findings.nearDuplicateOf());
        assertEquals("pipeline", findings.clusterId());
        Neighbour closest = findings.neighbours().get(0);
        assertEquals("pipeline", closest.id());
        assertTrue(closest.similarity() >= 0.95, "similarity " + closest.similarity());
        assertTrue(findings.novelty() <= 0.05, "novelty " + findings.novelty());
    }

    @Test
    void anUnrelatedPieceIsHighlyNovelWithNoNeighbourAboveTheStoryThreshold() {
        SimilarityFindings findings = analyse(analysis(corpus()), "risotto", CorpusFixtures.COOKING);

        assertTrue(findings.novelty() >= 0.8, "novelty " + findings.novelty());
        assertTrue(findings.neighbours().stream().allMatch(n -> n.similarity() < 0.80), findings.neighbours()::toString);
        assertNull(findings.nearDuplicateOf());
        assertEquals("risotto", findings.clusterId());
    }

    @Test
    void aDifferentPieceOnTheSameQuestionIsNoDuplicate() {
        SimilarityFindings findings = analyse(analysis(corpus()), "drills", CorpusFixtures.EXERCISES.replace("fourth",
                "fifth"));

        assertEquals("exercises", findings.nearDuplicateOf()); // sanity: a one-word edit is a duplicate
        SimilarityFindings other = analyse(analysis(corpus()), "other", CorpusFixtures.PIPELINE.substring(0, 400)
                + " Trade in grain has also grown quickly.");
        assertNull(other.nearDuplicateOf(), () -> "neighbours " + other.neighbours());
    }

    @Test
    void anEmptyCorpusMakesEveryPieceNovelAndItsOwnStory() {
        SimilarityFindings findings = analyse(analysis(new MemoryIndex()), "first", CorpusFixtures.PIPELINE);

        assertEquals(1.0, findings.novelty());
        assertTrue(findings.neighbours().isEmpty());
        assertEquals("first", findings.clusterId());
    }

    @Test
    void twinsArrivingTogetherFindEachOtherBeforeEitherIsIndexed() {
        SimilarityAnalysis analysis = analysis(new MemoryIndex());

        analyse(analysis, "original", CorpusFixtures.PIPELINE);
        SimilarityFindings twin = analyse(analysis, "twin", CorpusFixtures.PIPELINE_EDITED);

        assertEquals("original", twin.nearDuplicateOf());
        assertEquals("original", twin.clusterId());
    }

    @Test
    void twinsEnrichedSideBySideSeeEachOtherAndTheFirstPlacedIsTheOriginal() throws Exception {
        MemoryIndex index = new MemoryIndex();
        // Each search waits (1 s at most) for a second one to start: twins placed at the same time would both
        // search before either was remembered, and neither would be flagged.
        CountDownLatch bothSearching = new CountDownLatch(2);
        index.beforeEachSearch = () -> {
            bothSearching.countDown();
            try {
                bothSearching.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        SimilarityAnalysis analysis = analysis(index);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            Future<SimilarityFindings> a = workers.submit(() -> analyse(analysis, "wire-a", CorpusFixtures.PIPELINE));
            Future<SimilarityFindings> b = workers.submit(() -> analyse(analysis, "wire-b",
                    CorpusFixtures.PIPELINE_EDITED));
            SimilarityFindings first = a.get(30, TimeUnit.SECONDS);
            SimilarityFindings second = b.get(30, TimeUnit.SECONDS);

            Set<String> flagged = new HashSet<>();
            if (first.nearDuplicateOf() != null) {
                assertEquals("wire-b", first.nearDuplicateOf());
                flagged.add("wire-a");
            }
            if (second.nearDuplicateOf() != null) {
                assertEquals("wire-a", second.nearDuplicateOf());
                flagged.add("wire-b");
            }
            assertEquals(1, flagged.size(), "exactly one twin is the other's near-duplicate: " + flagged);
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void theStageWaitsForTheCorpusInsteadOfCallingAPieceNovel() {
        MemoryIndex index = corpus();
        index.failuresLeft.set(3);

        SimilarityFindings findings = analyse(analysis(index), "copy", CorpusFixtures.PIPELINE_EDITED);

        assertEquals(4, index.calls.get());
        assertEquals("pipeline", findings.nearDuplicateOf());
    }

    @Test
    void theApiRefusesWhileTheCorpusDoesNotAnswerOrSkipsItWhenAskedTo() {
        MemoryIndex index = corpus();
        index.failuresLeft.set(1);
        SimilarityAnalysis analysis = analysis(index);
        List<String> sentences = sentences(CorpusFixtures.COOKING);

        assertThrows(CorpusUnavailableException.class, () -> analysis.analyse(sentences, "", CorpusFixtures.COOKING,
                SimilarityAnalysis.Query.api(true)));
        SimilarityFindings vectorOnly = analysis.analyse(sentences, "", CorpusFixtures.COOKING,
                SimilarityAnalysis.Query.api(false));
        assertNotNull(vectorOnly.vector());
        assertNull(vectorOnly.neighbours());
        assertNull(vectorOnly.novelty());
        assertNull(vectorOnly.clusterId());
    }

    @Test
    void aVeryLongTextIsEmbeddedUpToTheLimitAndSaysHowMuchWasLeftOut() {
        try (DocumentEmbedder bounded = new DocumentEmbedder(MiniLm.load(), 2, 8, Passages.MODEL_MAX_TOKENS, 4)) {
            String text = PieceGenerator.piece(new java.util.Random(3), 3000);
            SimilarityAnalysis analysis = new SimilarityAnalysis(bounded, new MemoryIndex(),
                    new PlacementRules(5, 0.95, 0.8), 0.5, new RecentVectors(4), Duration.ofMillis(5), Duration.ofMillis(5));

            SimilarityFindings findings = analysis.analyse(sentences(text), "", text, SimilarityAnalysis.Query.api(false));

            assertEquals(8, findings.embedding().passages());
            assertTrue(findings.embedding().omittedPassages() > 20, "omitted " + findings.embedding().omittedPassages());
        }
    }

    @Test
    void anOverLongSentenceIsCutAndCounted() {
        String run = "pipelines ports payments and grain ".repeat(60).strip() + ".";
        SimilarityFindings findings = analysis(new MemoryIndex()).analyse(List.of("A short one.", run), "", run,
                SimilarityAnalysis.Query.api(false));

        assertEquals(3, findings.embedding().truncatedPassages());
        assertEquals(4, findings.embedding().passages());
    }
}
