package org.commentarywatch.enrich.service.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RecentVectorsTest {

    @Test
    void findsRecentDocumentsMostSimilarFirstWithoutTheDocumentItself() {
        RecentVectors recent = new RecentVectors(10);
        recent.add("a", "A", "a", new float[] {1, 0}, "text a");
        recent.add("b", "B", "story", new float[] {0.8f, 0.6f}, "text b");
        recent.add("c", "C", "c", new float[] {0, 1}, "text c");

        List<Candidate> nearest = recent.nearest(new float[] {1, 0}, Optional.of("a"), 5);

        assertEquals(List.of("b", "c"), nearest.stream().map(Candidate::id).toList());
        assertEquals(0.8, nearest.get(0).similarity(), 1e-6);
        assertEquals("story", nearest.get(0).cluster());
        assertEquals(Optional.of("text c"), recent.text("c"));
    }

    @Test
    void forgetsTheOldestOnceFull() {
        RecentVectors recent = new RecentVectors(2);
        recent.add("a", "A", "a", new float[] {1, 0}, "a");
        recent.add("b", "B", "b", new float[] {1, 0}, "b");
        recent.add("c", "C", "c", new float[] {1, 0}, "c");

        assertEquals(List.of("b", "c"), recent.nearest(new float[] {1, 0}, Optional.empty(), 5).stream()
                .map(Candidate::id).sorted().toList());
        assertEquals(Optional.empty(), recent.text("a"));
    }

    @Test
    void aRedeliveredDocumentReplacesItsEntry() {
        RecentVectors recent = new RecentVectors(3);
        recent.add("a", "A", "a", new float[] {1, 0}, "first");
        recent.add("a", "A", "a", new float[] {1, 0}, "second");

        assertEquals(1, recent.nearest(new float[] {1, 0}, Optional.empty(), 5).size());
        assertEquals(Optional.of("second"), recent.text("a"));
    }
}
