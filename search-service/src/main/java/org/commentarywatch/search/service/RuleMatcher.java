package org.commentarywatch.search.service;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import org.commentarywatch.search.model.Rule;

/**
 * Standing rules matched against one document at a time, in process, with Lucene Monitor: the rules' queries are
 * indexed once, and the presearcher picks out the few whose terms occur in the document before any is run. Each
 * candidate's structured conditions are checked before its query, which only runs when they hold. Thread-safe;
 * rules can be changed while matching.
 */
public final class RuleMatcher implements Closeable {

    private static final Logger LOG = Logger.getLogger(RuleMatcher.class);

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

    /**
     * A registered rule with what matching needs besides its query: its terms by field (for saying which of them a
     * matching document had) and its disjuncts as rewritten for running (when rewriting does not read the index).
     */
    private record RuleEntry(Rule rule, Map<String, Set<String>> terms, boolean rewriteOnce, Map<Query, Query> rewritten) {
    }

    private final Monitor monitor;
    private final Map<String, RuleEntry> rules = new ConcurrentHashMap<>();

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
                rules.put(rule.id(), new RuleEntry(rule, RuleQueries.terms(query), rewritesWithoutTheIndex(query),
                        new IdentityHashMap<>()));
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
        ids.forEach(rules::remove);
    }

    /**
     * Whether the query rewrites the same whatever the document: true unless it has terms that expand against the
     * index when rewritten (fuzzy terms; prefixes, wildcards and ranges only wrap themselves and expand later).
     */
    private static boolean rewritesWithoutTheIndex(Query query) {
        boolean[] independent = { true };
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
                if (!(leaf instanceof MultiTermQuery multiTerm)
                        || (multiTerm.getRewriteMethod() != MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE
                        && multiTerm.getRewriteMethod() != MultiTermQuery.CONSTANT_SCORE_REWRITE)) {
                    independent[0] = false;
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return independent[0];
    }

    public int size() {
        return rules.size();
    }

    /** The rules this document satisfies, query and conditions alike, in rule-id order. */
    public List<RuleMatch> match(JsonNode document) {
        return match(List.of(document)).get(0);
    }

    /**
     * The rules each document satisfies (in the documents' order; each list in rule-id order), each document matched
     * on its own. Lucene Monitor can match several documents in one call (one index and one presearcher query for
     * all of them), but with 10,000 rules that costs more per document, not less: the candidates of a group are
     * every rule whose terms the group has between its documents, and the group's index is a full Lucene segment
     * (figures in the README).
     */
    public List<List<RuleMatch>> match(List<? extends JsonNode> documents) {
        return match(documents, 1);
    }

    /** As {@link #match(List)}, with this many documents per call to the monitor. */
    public List<List<RuleMatch>> match(List<? extends JsonNode> documents, int documentsPerMatch) {
        if (documentsPerMatch < 1) {
            throw new IllegalArgumentException("documents per match must be at least 1: " + documentsPerMatch);
        }
        List<List<RuleMatch>> results = new ArrayList<>(documents.size());
        for (int from = 0; from < documents.size(); from += documentsPerMatch) {
            results.addAll(matchTogether(documents.subList(from, Math.min(documents.size(), from + documentsPerMatch))));
        }
        return results;
    }

    private List<List<RuleMatch>> matchTogether(List<? extends JsonNode> documents) {
        Document[] laidOut = documents.stream().map(RuleQueries::document).toArray(Document[]::new);
        Verifier verifier;
        try {
            Verifier[] created = new Verifier[1];
            MultiMatchingQueries<QueryMatch> outcome = monitor.match(laidOut, searcher -> created[0] = new Verifier(searcher, documents));
            verifier = created[0];
            // The monitor catches what a rule's verification throws; without this the rule would just not match.
            outcome.getErrors().forEach((ruleId, e) -> LOG.warnf(e, "Rule %s could not be checked against documents %s",
                    ruleId, documents.stream().map(document -> document.path("id").asText("?")).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot match documents against the rules", e);
        }
        List<List<RuleMatch>> results = new ArrayList<>(documents.size());
        for (Map<String, RuleMatch> byRule : verifier.matches) {
            List<RuleMatch> matches = new ArrayList<>(byRule.values());
            matches.sort(Comparator.comparing(match -> match.rule().id()));
            results.add(matches);
        }
        return results;
    }

    /**
     * The query as it runs: rewritten once and kept with the rule, unless rewriting reads the index (fuzzy terms
     * expand to the words of each document), in which case it is rewritten for every document. The monitor hands
     * out the same disjunct objects on every match, so they are recognised by identity.
     */
    private Query rewritten(RuleEntry entry, Query disjunct, IndexSearcher searcher) throws IOException {
        if (!entry.rewriteOnce()) {
            return searcher.rewrite(disjunct);
        }
        Map<Query, Query> cache = entry.rewritten();
        synchronized (cache) {
            Query done = cache.get(disjunct);
            if (done == null) {
                done = searcher.rewrite(disjunct);
                cache.put(disjunct, done);
            }
            return done;
        }
    }

    /**
     * Verifies the presearcher's candidates against the documents' index. Cheap checks come first: for a single
     * document a candidate whose structured conditions fail is dropped before its query is run. The query then runs
     * straight on the documents' index, without the query cache and collector machinery a stock matcher goes through
     * (a cache cannot pay off on an index that lives for one batch). The matched terms are read from the same index
     * (its offsets point into the text), so the text is analysed once.
     */
    private final class Verifier extends CandidateMatcher<QueryMatch> {
        private final List<? extends JsonNode> documents;
        private final LeafReader reader;
        private final LeafReaderContext context;
        /** Conditions by rule id and document: a query split into disjuncts by the monitor comes once per disjunct. */
        private final Map<String, Optional<RuleConditionsCheck.Satisfied>[]> conditions = new HashMap<>();
        /** Per document, its matches by rule id. */
        private final List<Map<String, RuleMatch>> matches;

        Verifier(IndexSearcher searcher, List<? extends JsonNode> documents) {
            super(searcher);
            searcher.setQueryCache(null);
            this.documents = documents;
            this.context = searcher.getIndexReader().leaves().get(0);
            this.reader = context.reader();
            this.matches = new ArrayList<>(documents.size());
            documents.forEach(document -> matches.add(new HashMap<>()));
        }

        @Override
        protected void matchQuery(String queryId, Query query, Map<String, String> metadata) throws IOException {
            RuleEntry entry = rules.get(queryId);
            if (entry == null) {
                return; // removed meanwhile
            }
            if (documents.size() == 1 && (matches.get(0).containsKey(queryId) || satisfied(entry, 0).isEmpty())) {
                return; // already matched through another disjunct, or its conditions fail: no need to run the query
            }
            Weight weight = searcher.createWeight(rewritten(entry, query, searcher), ScoreMode.COMPLETE_NO_SCORES, 1f);
            Scorer scorer = weight.scorer(context);
            if (scorer == null) {
                return;
            }
            DocIdSetIterator hits = scorer.iterator();
            for (int doc = hits.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = hits.nextDoc()) {
                Map<String, RuleMatch> documentMatches = matches.get(doc);
                if (documentMatches.containsKey(queryId)) {
                    continue;
                }
                Optional<RuleConditionsCheck.Satisfied> satisfied = satisfied(entry, doc);
                if (satisfied.isPresent()) {
                    addMatch(new QueryMatch(queryId), doc);
                    documentMatches.put(queryId, new RuleMatch(entry.rule(), matchedTerms(entry.terms(), doc), satisfied.get()));
                }
            }
        }

        @SuppressWarnings("unchecked")
        private Optional<RuleConditionsCheck.Satisfied> satisfied(RuleEntry entry, int doc) {
            Optional<RuleConditionsCheck.Satisfied>[] byDocument = conditions.computeIfAbsent(entry.rule().id(),
                    id -> new Optional[documents.size()]);
            if (byDocument[doc] == null) {
                byDocument[doc] = RuleConditionsCheck.check(entry.rule(), documents.get(doc));
            }
            return byDocument[doc];
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
        private List<MatchedTerm> matchedTerms(Map<String, Set<String>> ruleTerms, int doc) throws IOException {
            JsonNode document = documents.get(doc);
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
                            if (postings.advance(doc) == doc) {
                                postings.nextPosition();
                                terms.add(new MatchedTerm(field, value.substring(postings.startOffset(), postings.endOffset())));
                            }
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
