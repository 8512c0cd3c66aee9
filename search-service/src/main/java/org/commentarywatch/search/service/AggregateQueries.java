package org.commentarywatch.search.service;

import java.util.List;
import java.util.Optional;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.model.InvalidRuleException;
import org.commentarywatch.search.model.Rule;
import org.commentarywatch.search.model.RuleConditions;

/**
 * A rule's query and structured conditions as an Elasticsearch query over the alias, for the rules that are counted
 * there ({@code threshold}, {@code spike}) rather than matched in process. The query is the one {@link RuleQueries}
 * parsed (same analyzer as the index, same short field names), translated clause by clause, so that a rule counts
 * exactly the documents a {@code match} rule with the same query and conditions would fire for. Two conditions have
 * no exact equivalent over this mapping and are refused for these kinds: {@code min_theme_score} (themes are not
 * nested, so a label and a score cannot be tied to the same theme) and {@code similar_to} (a cosine threshold).
 */
public final class AggregateQueries {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AggregateQueries() {
    }

    /** Refuses, with the field at fault, what {@link #query} cannot translate exactly. */
    public static void check(Query parsed, RuleConditions conditions) {
        if (conditions.minThemeScore() != null) {
            throw new InvalidRuleException("conditions.min_theme_score",
                    "min_theme_score is only available for kind match (threshold and spike rules are counted by Elasticsearch,"
                            + " where a theme's label and score are not tied together)");
        }
        if (conditions.similarTo() != null) {
            throw new InvalidRuleException("conditions.similar_to", "similar_to is only available for kind match");
        }
        translate(parsed);
    }

    /** The Elasticsearch query (a JSON object for the {@code query} of a search) selecting the rule's documents. */
    public static ObjectNode query(Rule rule) {
        ObjectNode bool = JSON.objectNode();
        ArrayNode filter = bool.putArray("filter");
        filter.add(translate(RuleQueries.parse(Optional.ofNullable(rule.query()))));
        RuleConditions c = rule.conditions();
        if (present(c.stance())) {
            filter.add(terms("enrichment.stance.label", c.stance()));
        }
        if (c.minStanceScore() != null) {
            filter.add(atLeast("enrichment.stance.score", c.minStanceScore()));
        }
        if (present(c.themes())) {
            filter.add(terms("enrichment.themes.label", c.themes()));
        }
        if (present(c.actors())) {
            ObjectNode anyActor = JSON.objectNode();
            ArrayNode should = anyActor.putArray("should");
            for (String actor : c.actors()) {
                for (String field : List.of("enrichment.actors.id", "enrichment.actors.name")) {
                    should.addObject().putObject("term").putObject(field).put("value", actor).put("case_insensitive", true);
                }
            }
            anyActor.put("minimum_should_match", 1);
            filter.add(object("bool", anyActor));
        }
        if (present(c.language())) {
            filter.add(terms("enrichment.language", c.language()));
        }
        if (c.minNovelty() != null) {
            filter.add(atLeast("enrichment.novelty", c.minNovelty()));
        }
        if (c.reference() != null) {
            ObjectNode isReference = term("reference", "true");
            if (c.reference()) {
                filter.add(isReference);
            } else {
                // A document without the flag is not a reference document, as in matching.
                bool.putArray("must_not").add(isReference);
            }
        }
        ObjectNode query = JSON.objectNode();
        query.set("bool", bool);
        return query;
    }

    static ObjectNode translate(Query query) {
        if (query instanceof MatchAllDocsQuery) {
            return object("match_all", JSON.objectNode());
        }
        if (query instanceof BoostQuery boost) {
            return translate(boost.getQuery());
        }
        if (query instanceof TermQuery term) {
            return onFields(term.getTerm().field(), field -> term(field, term.getTerm().text()));
        }
        if (query instanceof PhraseQuery phrase) {
            String field = phrase.getField();
            StringBuilder text = new StringBuilder();
            for (Term term : phrase.getTerms()) {
                text.append(text.isEmpty() ? "" : " ").append(term.text());
            }
            return onFields(field, f -> {
                ObjectNode body = JSON.objectNode().put("query", text.toString()).put("slop", phrase.getSlop());
                return object("match_phrase", JSON.objectNode().set(f, body));
            });
        }
        if (query instanceof PrefixQuery prefix) {
            return onFields(prefix.getField(), f -> object("prefix",
                    JSON.objectNode().set(f, JSON.objectNode().put("value", prefix.getPrefix().text()))));
        }
        if (query instanceof WildcardQuery wildcard) {
            return onFields(wildcard.getField(), f -> object("wildcard",
                    JSON.objectNode().set(f, JSON.objectNode().put("value", wildcard.getTerm().text()))));
        }
        if (query instanceof RegexpQuery regexp) {
            return onFields(regexp.getField(), f -> object("regexp",
                    JSON.objectNode().set(f, JSON.objectNode().put("value", regexp.getRegexp().text()))));
        }
        if (query instanceof FuzzyQuery fuzzy) {
            return onFields(fuzzy.getField(), f -> object("fuzzy", JSON.objectNode().set(f, JSON.objectNode()
                    .put("value", fuzzy.getTerm().text()).put("fuzziness", fuzzy.getMaxEdits())
                    .put("prefix_length", fuzzy.getPrefixLength()))));
        }
        if (query instanceof TermRangeQuery range) {
            return onFields(range.getField(), f -> {
                ObjectNode bounds = JSON.objectNode();
                if (range.getLowerTerm() != null) {
                    bounds.put(range.includesLower() ? "gte" : "gt", range.getLowerTerm().utf8ToString());
                }
                if (range.getUpperTerm() != null) {
                    bounds.put(range.includesUpper() ? "lte" : "lt", range.getUpperTerm().utf8ToString());
                }
                return object("range", JSON.objectNode().set(f, bounds));
            });
        }
        if (query instanceof BooleanQuery bool) {
            ObjectNode body = JSON.objectNode();
            boolean positive = false;
            for (BooleanClause clause : bool.clauses()) {
                String occur = switch (clause.getOccur()) {
                    case MUST -> "must";
                    case FILTER -> "filter";
                    case SHOULD -> "should";
                    case MUST_NOT -> "must_not";
                };
                positive |= clause.getOccur() != BooleanClause.Occur.MUST_NOT;
                body.withArray(occur).add(translate(clause.getQuery()));
            }
            if (!positive) {
                // Lucene (and so a match rule) matches nothing with only negative clauses; Elasticsearch would match
                // everything else. Counted the way a match rule would fire.
                return object("match_none", JSON.objectNode());
            }
            if (bool.getMinimumNumberShouldMatch() > 0) {
                body.put("minimum_should_match", bool.getMinimumNumberShouldMatch());
            }
            return object("bool", body);
        }
        throw new InvalidRuleException("query", "this part of the query cannot be counted by Elasticsearch for threshold"
                + " and spike rules: " + query + " (" + query.getClass().getSimpleName() + ")", Optional.empty());
    }

    /** A clause on a short field name, spread over the mapping's fields it stands for ({@code actor} has two). */
    private static ObjectNode onFields(String field, java.util.function.Function<String, ObjectNode> clause) {
        String mapped = RuleQueries.KEYWORD_FIELDS.getOrDefault(field, field);
        String[] fields = mapped.split("\\|");
        if (fields.length == 1) {
            return clause.apply(fields[0]);
        }
        ObjectNode bool = JSON.objectNode();
        ArrayNode should = bool.putArray("should");
        for (String f : fields) {
            should.add(clause.apply(f));
        }
        bool.put("minimum_should_match", 1);
        return object("bool", bool);
    }

    private static ObjectNode term(String field, String value) {
        return object("term", JSON.objectNode().set(field, JSON.objectNode().put("value", value)));
    }

    private static ObjectNode terms(String field, List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return object("terms", JSON.objectNode().set(field, array));
    }

    private static ObjectNode atLeast(String field, double value) {
        return object("range", JSON.objectNode().set(field, JSON.objectNode().put("gte", value)));
    }

    private static ObjectNode object(String name, com.fasterxml.jackson.databind.JsonNode body) {
        ObjectNode node = JSON.objectNode();
        node.set(name, body);
        return node;
    }

    private static boolean present(List<String> list) {
        return list != null && !list.isEmpty();
    }
}
