package org.commentarywatch.search.service;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.model.InvalidSearchParameterException;

/**
 * Checks a search's {@code q} before Elasticsearch sees it. Elasticsearch's {@code query_string} is Lucene's
 * classic query parser with extensions, so parsing with that parser here refuses exactly the syntax errors the
 * node would refuse, but with the position where parsing stopped, which the node's answer ("all shards failed")
 * buries. A field the mapping does not have would silently match nothing in Elasticsearch: it is refused too.
 */
public final class SearchQueries {

    /** Pseudo-fields {@code query_string} understands beyond the mapping's own. */
    private static final Set<String> SPECIAL_FIELDS = Set.of("_exists_", "_id", "_index");
    private static final String DEFAULT_FIELD = "text";
    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

    private final Set<String> fields;

    private SearchQueries(Set<String> fields) {
        this.fields = Set.copyOf(fields);
    }

    /** For the fields of a mapping definition ({@code {"mappings": {"properties": ...}}}), multi-fields included. */
    public static SearchQueries forMapping(ObjectNode definition) {
        Set<String> fields = new TreeSet<>();
        collect("", definition.path("mappings").path("properties"), fields);
        return new SearchQueries(fields);
    }

    /**
     * @throws InvalidSearchParameterException naming {@code q}, with the reason and, for a syntax error, the position
     */
    public void check(String query) {
        Query parsed;
        try (StandardAnalyzer analyzer = new StandardAnalyzer()) {
            QueryParser parser = new QueryParser(DEFAULT_FIELD, analyzer);
            parser.setDefaultOperator(QueryParser.Operator.AND);
            // Elasticsearch is told the same (allow_leading_wildcard=false): "*term" scans the whole term dictionary.
            parser.setAllowLeadingWildcard(false);
            parsed = parser.parse(query);
        } catch (ParseException e) {
            // QueryParser wraps the grammar's own exception, which knows the token where parsing stopped.
            ParseException origin = e.getCause() instanceof ParseException cause ? cause : e;
            Optional<Integer> column = Optional.ofNullable(origin.currentToken)
                    .map(token -> token.next == null ? token.endColumn + 1 : token.next.beginColumn)
                    .or(() -> columnIn(e.getMessage()));
            throw new InvalidSearchParameterException("q", "cannot parse the query: " + firstLine(e.getMessage()), column);
        } catch (TokenMgrError e) {
            throw new InvalidSearchParameterException("q", "cannot parse the query: " + firstLine(e.getMessage()),
                    columnIn(e.getMessage()));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidSearchParameterException("q", "the query has too many clauses: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidSearchParameterException("q", "cannot parse the query: " + firstLine(e.getMessage()));
        }
        Set<String> unknown = unknownFields(parsed);
        if (!unknown.isEmpty()) {
            throw new InvalidSearchParameterException("q", "the index has no field " + String.join(", ", unknown)
                    + " (a ':' in words to search for needs quotes or a backslash); fields: " + fields);
        }
    }

    private Set<String> unknownFields(Query query) {
        Set<String> unknown = new TreeSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                // Wildcards in a field name are expanded by Elasticsearch against the mapping.
                if (!fields.contains(field) && !SPECIAL_FIELDS.contains(field) && !field.contains("*")) {
                    unknown.add(field);
                }
                return true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return unknown;
    }

    private static void collect(String prefix, JsonNode properties, Set<String> into) {
        Iterator<Map.Entry<String, JsonNode>> entries = properties.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String path = prefix + entry.getKey();
            into.add(path);
            collect(path + ".", entry.getValue().path("properties"), into);
            entry.getValue().path("fields").fieldNames().forEachRemaining(sub -> into.add(path + "." + sub));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    private static Optional<Integer> columnIn(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = COLUMN.matcher(message);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }
}
