package org.commentarywatch.search.service;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

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
            parsed = QueryStrings.parse(parser, query,
                    (reason, column) -> new InvalidSearchParameterException("q", reason, column));
        }
        // Wildcards in a field name are expanded by Elasticsearch against the mapping.
        Set<String> unknown = new TreeSet<>(QueryStrings.fields(parsed));
        unknown.removeIf(field -> fields.contains(field) || SPECIAL_FIELDS.contains(field) || field.contains("*"));
        if (!unknown.isEmpty()) {
            throw new InvalidSearchParameterException("q", "the index has no field " + String.join(", ", unknown)
                    + " (a ':' in words to search for needs quotes or a backslash); fields: " + fields);
        }
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
}
