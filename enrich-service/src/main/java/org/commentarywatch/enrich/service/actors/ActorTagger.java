package org.commentarywatch.enrich.service.actors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commentarywatch.enrich.model.ActorMention;

/**
 * Finds the knowledge base's actors in a text: every alias at once with an Aho–Corasick automaton, then, where
 * aliases overlap, the leftmost and then longest wins ("Power of Siberia 2" rather than "Siberia", "俄罗斯" rather
 * than "俄"). Each mention counts once for each actor its alias names. Thread-safe.
 */
public final class ActorTagger {

    /** Characters of a text that are read; a longer text is tagged on its beginning only. */
    public static final int DEFAULT_MAX_CHARS = 400_000;

    /** Where an alias matched and whom it names. */
    public record Span(int start, int end, String alias, List<String> actorIds) {
    }

    private final KnowledgeBase knowledgeBase;
    private final AhoCorasick automaton;
    /** Patterns by automaton key index. */
    private final List<List<AliasPattern>> patternsByKey;
    private final int maxChars;

    public ActorTagger(KnowledgeBase knowledgeBase) {
        this(knowledgeBase, DEFAULT_MAX_CHARS);
    }

    public ActorTagger(KnowledgeBase knowledgeBase, int maxChars) {
        this.knowledgeBase = knowledgeBase;
        this.maxChars = maxChars;
        Map<String, List<AliasPattern>> byKey = new LinkedHashMap<>();
        Map<String, String> seen = new HashMap<>();
        for (KnowledgeBaseEntry entry : knowledgeBase.entries().values()) {
            for (List<String> aliases : entry.aliases().values()) {
                for (String alias : aliases) {
                    add(byKey, seen, new AliasPattern(alias, List.of(entry.id())));
                }
            }
        }
        for (KnowledgeBase.Compound compound : knowledgeBase.compounds()) {
            add(byKey, seen, new AliasPattern(compound.alias(), compound.actors()));
        }
        List<String> keys = new ArrayList<>(byKey.keySet());
        this.patternsByKey = new ArrayList<>(byKey.values());
        this.automaton = new AhoCorasick(keys);
    }

    private static void add(Map<String, List<AliasPattern>> byKey, Map<String, String> seen, AliasPattern pattern) {
        // The same alias written twice for one actor (English and Russian both say "G7") is compiled once.
        String identity = pattern.alias() + "\u0000" + pattern.actorIds();
        if (seen.put(identity, identity) == null) {
            byKey.computeIfAbsent(pattern.key(), k -> new ArrayList<>()).add(pattern);
        }
    }

    public KnowledgeBase knowledgeBase() {
        return knowledgeBase;
    }

    /** True when {@link #spans(String)} reads only the beginning of this text. */
    public boolean truncates(String text) {
        return text.length() > maxChars;
    }

    /** Every mention, in text order, overlaps resolved. */
    public List<Span> spans(String text) {
        int limit = Math.min(text.length(), maxChars);
        String original = text.substring(0, limit);
        String folded = TextNormalizer.fold(original);
        List<Span> candidates = new ArrayList<>();
        automaton.search(folded, limit, (key, end) -> {
            int start = end - automaton.keyLength(key);
            for (AliasPattern pattern : patternsByKey.get(key)) {
                int matchEnd = pattern.matchAt(original, folded, start);
                if (matchEnd > start) {
                    candidates.add(new Span(start, matchEnd, pattern.alias(), pattern.actorIds()));
                }
            }
        });
        // leftmost, then longest, then a whole-word alias before a stem alias of the same length
        candidates.sort(Comparator.comparingInt(Span::start)
                .thenComparing(Comparator.comparingInt(Span::end).reversed())
                .thenComparing(span -> span.alias().indexOf('*') >= 0));
        List<Span> chosen = new ArrayList<>();
        int covered = 0;
        for (Span span : candidates) {
            if (span.start() >= covered) {
                chosen.add(span);
                covered = span.end();
            }
        }
        return chosen;
    }

    /** The actors of a text, most mentioned first (then first mentioned first). */
    public List<ActorMention> tag(String text) {
        return summarise(spans(text));
    }

    public List<ActorMention> summarise(List<Span> spans) {
        Map<String, List<int[]>> offsets = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Span span : spans) {
            for (String id : span.actorIds()) {
                counts.merge(id, 1, Integer::sum);
                List<int[]> list = offsets.computeIfAbsent(id, k -> new ArrayList<>());
                if (list.size() < ActorMention.MAX_OFFSETS) {
                    list.add(new int[] {span.start(), span.end()});
                }
            }
        }
        List<ActorMention> mentions = new ArrayList<>();
        offsets.forEach((id, list) -> {
            KnowledgeBaseEntry entry = knowledgeBase.get(id);
            mentions.add(new ActorMention(id, entry.name(), entry.type(), entry.publishedWikidata(), entry.country(),
                    counts.get(id), entry.lat() == null ? null : new ActorMention.GeoPoint(entry.lat(), entry.lon()),
                    List.copyOf(list)));
        });
        // offsets keeps first-mention order; a stable sort by count keeps it among equals
        mentions.sort(Comparator.comparingInt(ActorMention::mentions).reversed());
        return mentions;
    }
}
