package org.commentarywatch.search.service;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

import com.fasterxml.jackson.databind.JsonNode;

import org.commentarywatch.search.model.Rule;

/**
 * Standing rules matched against one document at a time, in process, with Lucene Monitor: the rules' queries are
 * indexed once, and the presearcher picks out the few whose terms occur in the document before any is run. Each
 * candidate's structured conditions are checked before its query, which only runs when they hold. Thread-safe;
 * rules can be changed while matching.
 */
public final class RuleMatcher implements Closeable {

    /** A text a rule's query found in a field of the document. */
    public record MatchedTerm(String field, String text) {
    }

    /** A rule that matched, and why. */
    public record RuleMatch(Rule rule, List<MatchedTerm> matchedTerms, RuleConditionsCheck.Satisfied conditions) {
    }

    /**
     * The presearcher indexes this many of each conjunction's terms (the most specific ones first), and a rule is a
     * candidate only when the document has all of them. With one pass (TermFilteredPresearcher) a rule "a b" was a
     * candidate for every document with the more specific of the two words: with 10,000 rules about 330 candidates
     * per document were verified for about 18 matches; with two passes about 19 for the same 18.
     */
    private static final int PRESEARCHER_PASSES = 2;

    private final Monitor monitor;
    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    /** Each rule's positive query terms by field, for saying which of them a matching document had. */
    private final Map<String, Map<String, Set<String>>> queryTerms = new ConcurrentHashMap<>();

    public RuleMatcher() {
        try {
            // One commit per put(), not one per 5,000 rules (the default): the rules loaded at start-up then sit in
            // one segment of the rule index, and every document's presearcher query visits it once.
            this.monitor = new Monitor(RuleQueries.ANALYZER, new MultipassTermFilteredPresearcher(PRESEARCHER_PASSES),
                    new MonitorConfiguration().setQueryUpdateBufferSize(Integer.MAX_VALUE));
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
        Verifier verifier;
        try {
            Verifier[] created = new Verifier[1];
            monitor.match(RuleQueries.document(document), searcher -> created[0] = new Verifier(searcher, document));
            verifier = created[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot match a document against the rules", e);
        }
        List<RuleMatch> matches = new ArrayList<>(verifier.matches.values());
        matches.sort(Comparator.comparing(match -> match.rule().id()));
        return matches;
    }

    /**
     * Verifies the presearcher's candidates against one document. Cheap checks come first: a candidate whose
     * structured conditions fail is dropped before its query is run. The query then runs straight on the
     * document's one-document index, without the query cache and collector machinery a stock matcher goes through
     * (a cache cannot pay off on an index that lives for one document). The matched terms are read from the same
     * index (its offsets point into the text), so the text is analysed once.
     */
    private final class Verifier extends CandidateMatcher<QueryMatch> {
        private final JsonNode document;
        private final LeafReader reader;
        private final LeafReaderContext context;
        /** Conditions by rule id: a query split into disjuncts by the monitor comes once per disjunct. */
        private final Map<String, Optional<RuleConditionsCheck.Satisfied>> conditions = new HashMap<>();
        private final Map<String, RuleMatch> matches = new HashMap<>();

        Verifier(IndexSearcher searcher, JsonNode document) {
            super(searcher);
            searcher.setQueryCache(null);
            this.document = document;
            this.context = searcher.getIndexReader().leaves().get(0);
            this.reader = context.reader();
        }

        @Override
        protected void matchQuery(String queryId, Query query, Map<String, String> metadata) throws IOException {
            Rule rule = rules.get(queryId);
            if (rule == null || matches.containsKey(queryId)) {
                return; // removed meanwhile, or already matched through another disjunct
            }
            Optional<RuleConditionsCheck.Satisfied> satisfied = conditions.computeIfAbsent(queryId,
                    id -> RuleConditionsCheck.check(rule, document));
            if (satisfied.isEmpty()) {
                return;
            }
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            Scorer scorer = weight.scorer(context);
            if (scorer == null || scorer.iterator().nextDoc() == DocIdSetIterator.NO_MORE_DOCS) {
                return;
            }
            QueryMatch match = new QueryMatch(queryId);
            addMatch(match, 0);
            matches.put(queryId, new RuleMatch(rule, matchedTerms(queryTerms.getOrDefault(queryId, Map.of())), satisfied.get()));
        }

        @Override
        public QueryMatch resolve(QueryMatch first, QueryMatch second) {
            return first;
        }

        /**
         * The query's terms that the document has, as written in the document: for title and text the first place
         * the analysed term occurs (cheaper than Lucene's highlighting, which would run every matched query again),
         * for keyword fields the value itself. Wildcard and fuzzy terms are not listed.
         */
        private List<MatchedTerm> matchedTerms(Map<String, Set<String>> ruleTerms) throws IOException {
            Set<MatchedTerm> terms = new LinkedHashSet<>();
            for (Map.Entry<String, Set<String>> entry : ruleTerms.entrySet()) {
                String field = entry.getKey();
                if (RuleQueries.TEXT_FIELDS.contains(field)) {
                    Terms indexed = reader.terms(field);
                    if (indexed == null) {
                        continue;
                    }
                    String value = document.path(field).asText("");
                    TermsEnum termsEnum = indexed.iterator();
                    for (String term : entry.getValue()) {
                        if (termsEnum.seekExact(new BytesRef(term))) {
                            PostingsEnum postings = termsEnum.postings(null, PostingsEnum.OFFSETS);
                            postings.nextDoc();
                            postings.nextPosition();
                            terms.add(new MatchedTerm(field, value.substring(postings.startOffset(), postings.endOffset())));
                        }
                    }
                } else {
                    Set<String> has = new LinkedHashSet<>();
                    for (String path : RuleQueries.KEYWORD_FIELDS.getOrDefault(field, field).split("\\|")) {
                        has.addAll(RuleQueries.values(document, path));
                    }
                    entry.getValue().stream().filter(has::contains).forEach(text -> terms.add(new MatchedTerm(field, text)));
                }
            }
            return List.copyOf(terms);
        }
    }

    @Override
    public void close() throws IOException {
        monitor.close();
    }
}
