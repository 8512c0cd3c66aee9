package org.commentarywatch.enrich.service.actors;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho–Corasick automaton over chars: finds every occurrence of every key in one pass over the text, in time
 * linear in the text plus the number of hits. Immutable once built, so one instance serves all threads.
 */
final class AhoCorasick {

    /** Receives each occurrence: the key's index in the list given to the constructor and where it ends. */
    @FunctionalInterface
    interface Hits {
        void hit(int keyIndex, int end);
    }

    private final List<Map<Character, Integer>> children = new ArrayList<>();
    private final int[] fail;
    /** Keys ending at each node, and the nearest node down the failure chain that ends a key (-1 if none). */
    private final List<int[]> outputs = new ArrayList<>();
    private final int[] dictionaryLink;
    private final int[] keyLengths;

    AhoCorasick(List<String> keys) {
        keyLengths = new int[keys.size()];
        children.add(new HashMap<>());
        outputs.add(new int[0]);
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("empty key");
            }
            keyLengths[k] = key.length();
            int node = 0;
            for (int i = 0; i < key.length(); i++) {
                Integer next = children.get(node).get(key.charAt(i));
                if (next == null) {
                    next = children.size();
                    children.get(node).put(key.charAt(i), next);
                    children.add(new HashMap<>());
                    outputs.add(new int[0]);
                }
                node = next;
            }
            int[] out = outputs.get(node);
            int[] grown = Arrays.copyOf(out, out.length + 1);
            grown[out.length] = k;
            outputs.set(node, grown);
        }
        fail = new int[children.size()];
        dictionaryLink = new int[children.size()];
        Arrays.fill(dictionaryLink, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : children.get(0).values()) {
            fail[child] = 0;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (Map.Entry<Character, Integer> edge : children.get(node).entrySet()) {
                char c = edge.getKey();
                int child = edge.getValue();
                int f = fail[node];
                while (f != 0 && !children.get(f).containsKey(c)) {
                    f = fail[f];
                }
                Integer target = children.get(f).get(c);
                fail[child] = target != null && target != child ? target : 0;
                int link = fail[child];
                dictionaryLink[child] = outputs.get(link).length > 0 ? link : dictionaryLink[link];
                queue.add(child);
            }
        }
    }

    int keyLength(int keyIndex) {
        return keyLengths[keyIndex];
    }

    void search(CharSequence text, int limit, Hits hits) {
        int node = 0;
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            while (node != 0 && !children.get(node).containsKey(c)) {
                node = fail[node];
            }
            Integer next = children.get(node).get(c);
            node = next == null ? 0 : next;
            for (int out = node; out != -1; out = dictionaryLink[out]) {
                for (int key : outputs.get(out)) {
                    hits.hit(key, i + 1);
                }
            }
        }
    }
}
