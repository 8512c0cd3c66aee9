package org.commentarywatch.enrich.service.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.commentarywatch.enrich.service.embedding.Vectors;

/**
 * A bounded ring of the documents this instance enriched last. Enrichment runs before search-service indexes,
 * so pieces arriving in a burst cannot find each other in Elasticsearch yet; they are looked up here too.
 * Per instance: with several instances, a twin enriched by another one is found only once it is indexed.
 */
public final class RecentVectors {

    private record Entry(String id, String title, String cluster, float[] vector, String text) {
    }

    private final Entry[] ring;
    private int next;
    private int size;

    public RecentVectors(int capacity) {
        this.ring = new Entry[Math.max(0, capacity)];
    }

    public synchronized void add(String id, String title, String cluster, float[] vector, String text) {
        if (ring.length == 0) {
            return;
        }
        for (int i = 0; i < size; i++) {
            if (ring[i].id().equals(id)) {
                ring[i] = new Entry(id, title, cluster, vector, text);
                return;
            }
        }
        ring[next] = new Entry(id, title, cluster, vector, text);
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** The {@code k} most similar, most similar first, without {@code excludeId}. */
    public List<Candidate> nearest(float[] vector, Optional<String> excludeId, int k) {
        Entry[] entries;
        synchronized (this) {
            entries = new Entry[size];
            System.arraycopy(ring, 0, entries, 0, size);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Entry entry : entries) {
            if (excludeId.isPresent() && excludeId.get().equals(entry.id())) {
                continue;
            }
            candidates.add(new Candidate(entry.id(), entry.title(), Vectors.cosine(vector, entry.vector()),
                    Optional.of(entry.cluster())));
        }
        candidates.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
        return candidates.size() > k ? candidates.subList(0, k) : candidates;
    }

    public synchronized Optional<String> text(String id) {
        for (int i = 0; i < size; i++) {
            if (ring[i].id().equals(id)) {
                return Optional.of(ring[i].text());
            }
        }
        return Optional.empty();
    }
}
