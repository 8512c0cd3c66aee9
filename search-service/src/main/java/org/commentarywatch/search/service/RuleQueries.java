package org.commentarywatch.search.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

import com.fasterxml.jackson.databind.JsonNode;

import org.commentarywatch.search.model.InvalidRuleException;

/**
 * How rule queries are read and how a document is laid out for matching them, kept consistent with the index:
 * {@code title} and {@code text} through the {@code standard} analyzer, the other fields as exact keywords (the
 * mapping's {@code keyword} fields), under the names of the mapping and short names for the common ones.
 */
public final class RuleQueries {

    /** Full-text fields: what a query's bare terms search. */
    public static final List<String> TEXT_FIELDS = List.of("title", "text");

    /** Keyword fields a query can name, each with the path in the enriched document it is read from. */
    public static final Map<String, String> KEYWORD_FIELDS;

    static {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("source", "source");
        fields.put("authors", "authors");
        fields.put("url", "url");
        fields.put("reference", "reference");
        fields.put("language", "enrichment.language");
        fields.put("enrichment.language", "enrichment.language");
        fields.put("stance", "enrichment.stance.label");
        fields.put("enrichment.stance.label", "enrichment.stance.label");
        fields.put("theme", "enrichment.themes.label");
        fields.put("enrichment.themes.label", "enrichment.themes.label");
        fields.put("actor", "enrichment.actors.id|enrichment.actors.name");
        fields.put("enrichment.actors.id", "enrichment.actors.id");
        fields.put("enrichment.actors.name", "enrichment.actors.name");
        fields.put("actor_type", "enrichment.actors.type");
        fields.put("enrichment.actors.type", "enrichment.actors.type");
        fields.put("labels.stance", "labels.stance");
        fields.put("labels.themes", "labels.themes");
        KEYWORD_FIELDS = java.util.Collections.unmodifiableMap(fields);
    }

    /** The same analyzer for rules and documents: standard for text, none for keywords. */
    public static final Analyzer ANALYZER;

    static {
        Map<String, Analyzer> perField = new LinkedHashMap<>();
        KEYWORD_FIELDS.keySet().forEach(field -> perField.put(field, new KeywordAnalyzer()));
        ANALYZER = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
    }

    private RuleQueries() {
    }

    /**
     * The rule's query; all documents when there is none (the conditions then decide).
     *
     * @throws InvalidRuleException with the column where parsing failed
     */
    public static Query parse(Optional<String> queryString) {
        if (queryString.isEmpty() || queryString.get().isBlank()) {
            return new MatchAllDocsQuery();
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(TEXT_FIELDS.toArray(String[]::new), ANALYZER);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        Query query = QueryStrings.parse(parser, queryString.get(),
                (reason, column) -> new InvalidRuleException("query", reason, column));
        Set<String> unknown = new java.util.TreeSet<>(QueryStrings.fields(query));
        unknown.removeIf(field -> TEXT_FIELDS.contains(field) || KEYWORD_FIELDS.containsKey(field));
        if (!unknown.isEmpty()) {
            throw new InvalidRuleException("query", "unknown field(s) " + unknown + "; known: " + TEXT_FIELDS + " and "
                    + KEYWORD_FIELDS.keySet(), Optional.empty());
        }
        return query;
    }

    /** Text with offsets, so that a matched term can be quoted from the text as written, for a batch too. */
    private static final FieldType TEXT_WITH_OFFSETS;

    static {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        TEXT_WITH_OFFSETS = type;
    }

    /** The enriched document laid out for matching. */
    public static Document document(JsonNode source) {
        Document document = new Document();
        for (String field : TEXT_FIELDS) {
            JsonNode value = source.path(field);
            if (value.isTextual()) {
                document.add(new Field(field, value.asText(), TEXT_WITH_OFFSETS));
            }
        }
        KEYWORD_FIELDS.forEach((field, paths) -> {
            for (String path : paths.split("\\|")) {
                for (String value : values(source, path)) {
                    document.add(new StringField(field, value, Field.Store.NO));
                }
            }
        });
        return document;
    }

    /** The text values at a dotted path, arrays flattened at any level. */
    public static List<String> values(JsonNode source, String path) {
        List<JsonNode> nodes = List.of(source);
        for (String step : path.split("\\.")) {
            List<JsonNode> next = new java.util.ArrayList<>();
            for (JsonNode node : nodes) {
                JsonNode child = node.path(step);
                if (child.isArray()) {
                    child.forEach(next::add);
                } else if (!child.isMissingNode() && !child.isNull()) {
                    next.add(child);
                }
            }
            nodes = next;
        }
        List<String> values = new java.util.ArrayList<>();
        for (JsonNode node : nodes) {
            if (node.isArray()) {
                node.forEach(item -> {
                    if (item.isValueNode()) {
                        values.add(item.asText());
                    }
                });
            } else if (node.isValueNode()) {
                values.add(node.asText());
            }
        }
        return values;
    }

    /** Terms of the query, by field, for saying which of them a document had. */
    public static Map<String, Set<String>> terms(Query query) {
        Map<String, Set<String>> terms = new LinkedHashMap<>();
        Set<org.apache.lucene.index.Term> collected = new java.util.HashSet<>();
        query.visit(org.apache.lucene.search.QueryVisitor.termCollector(collected));
        for (org.apache.lucene.index.Term term : collected) {
            terms.computeIfAbsent(term.field(), field -> new java.util.TreeSet<>()).add(term.text());
        }
        return terms;
    }
}
