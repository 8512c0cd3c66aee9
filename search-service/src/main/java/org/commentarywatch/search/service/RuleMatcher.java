package org.commentarywatch.search.service;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.Query;

import com.fasterxml.jackson.databind.JsonNode;

import org.commentarywatch.search.model.Rule;

/**
 * Standing rules matched against one document at a time, in process, with Lucene Monitor: the rules' queries are
 * indexed once, and the presearcher picks out the few whose terms occur in the document before any is run.
 * Then each candidate's structured conditions are checked. Thread-safe; rules can be changed while matching.
 */
public final class RuleMatcher implements Closeable {

    /** A text a rule's query found in a field of the document. */
    public record MatchedTerm(String field, String text) {
    }

    /** A rule that matched, and why. */
    public record RuleMatch(Rule rule, List<MatchedTerm> matchedTerms, RuleConditionsCheck.Satisfied conditions) {
    }

    private final Monitor monitor;
    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    /** Each rule's positive query terms by field, for saying which of them a matching document had. */
    private final Map<String, Map<String, Set<String>>> queryTerms = new ConcurrentHashMap<>();

    public RuleMatcher() {
        try {
            this.monitor = new Monitor(RuleQueries.ANALYZER, new TermFilteredPresearcher());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the in-memory rule monitor", e);
        }
    }

    /** Adds or replaces rules; disabled ones and other kinds than match are only removed. */
    public void put(Collection<Rule> batch) {
        List<MonitorQuery> register = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        for (Rule rule : batch) {
            if (rule.enabled() && Rule.KIND_MATCH.equals(rule.kind())) {
                Query query = RuleQueries.parse(Optional.ofNullable(rule.query()));
                register.add(new MonitorQuery(rule.id(), query, rule.query(), Map.of()));
                queryTerms.put(rule.id(), RuleQueries.terms(query));
                rules.put(rule.id(), rule);
            } else {
                remove.add(rule.id());
            }
        }
        try {
            if (!register.isEmpty()) {
                monitor.register(register);
            }
            if (!remove.isEmpty()) {
                remove(remove);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register rules in the monitor", e);
        }
    }

    public void put(Rule rule) {
        put(List.of(rule));
    }

    public void remove(Collection<String> ids) {
        try {
            monitor.deleteById(List.copyOf(ids));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove rules from the monitor", e);
        }
        ids.forEach(id -> {
            rules.remove(id);
            queryTerms.remove(id);
        });
    }

    public int size() {
        return rules.size();
    }

    /** The rules this document satisfies, query and conditions alike, in rule-id order. */
    public List<RuleMatch> match(JsonNode document) {
        MatchingQueries<QueryMatch> candidates;
        try {
            candidates = monitor.match(RuleQueries.document(document), QueryMatch.SIMPLE_MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot match a document against the rules", e);
        }
        List<RuleMatch> matches = new ArrayList<>();
        Map<String, Map<String, String>> tokens = null;
        for (QueryMatch candidate : candidates.getMatches()) {
            Rule rule = rules.get(candidate.getQueryId());
            if (rule == null) {
                continue; // removed meanwhile
            }
            Optional<RuleConditionsCheck.Satisfied> conditions = RuleConditionsCheck.check(rule, document);
            if (conditions.isPresent()) {
                if (tokens == null) {
                    tokens = textTokens(document);
                }
                matches.add(new RuleMatch(rule, matchedTerms(queryTerms.getOrDefault(rule.id(), Map.of()), tokens, document),
                        conditions.get()));
            }
        }
        matches.sort(Comparator.comparing(match -> match.rule().id()));
        return matches;
    }

    /**
     * The query's terms that the document has, as written in the document: for title and text the first place the
     * analysed term occurs (cheaper than Lucene's highlighting, which would run every matched query again), for
     * keyword fields the value itself. Wildcard and fuzzy terms are not listed.
     */
    private static List<MatchedTerm> matchedTerms(Map<String, Set<String>> queryTerms, Map<String, Map<String, String>> tokens,
                                                  JsonNode document) {
        Set<MatchedTerm> terms = new LinkedHashSet<>();
        queryTerms.forEach((field, fieldTerms) -> {
            if (RuleQueries.TEXT_FIELDS.contains(field)) {
                Map<String, String> surface = tokens.getOrDefault(field, Map.of());
                fieldTerms.stream().filter(surface::containsKey)
                        .forEach(term -> terms.add(new MatchedTerm(field, surface.get(term))));
            } else {
                Set<String> has = new LinkedHashSet<>();
                for (String path : RuleQueries.KEYWORD_FIELDS.getOrDefault(field, field).split("\\|")) {
                    has.addAll(RuleQueries.values(document, path));
                }
                fieldTerms.stream().filter(has::contains).forEach(text -> terms.add(new MatchedTerm(field, text)));
            }
        });
        return List.copyOf(terms);
    }

    /** For title and text: each analysed term and the text it first came from. */
    private static Map<String, Map<String, String>> textTokens(JsonNode document) {
        Map<String, Map<String, String>> byField = new java.util.HashMap<>();
        for (String field : RuleQueries.TEXT_FIELDS) {
            String value = document.path(field).asText("");
            Map<String, String> surface = new java.util.HashMap<>();
            try (TokenStream stream = RuleQueries.ANALYZER.tokenStream(field, value)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    surface.putIfAbsent(term.toString(), value.substring(offset.startOffset(), offset.endOffset()));
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byField.put(field, surface);
        }
        return byField;
    }

    @Override
    public void close() throws IOException {
        monitor.close();
    }
}
