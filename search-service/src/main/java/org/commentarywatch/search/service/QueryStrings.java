package org.commentarywatch.search.service;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * What rule queries and search queries share: Lucene's classic query parser, its failures turned into a reason and
 * the column where parsing stopped, and the fields a parsed query names.
 */
final class QueryStrings {

    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

    private QueryStrings() {
    }

    /**
     * The parsed query.
     *
     * @param refusal builds what to throw from the reason and, for a syntax error, the column
     */
    static Query parse(QueryParser parser, String text, BiFunction<String, Optional<Integer>, RuntimeException> refusal) {
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            // QueryParser wraps the grammar's own exception, which knows the token where parsing stopped.
            ParseException origin = e.getCause() instanceof ParseException cause ? cause : e;
            Optional<Integer> column = Optional.ofNullable(origin.currentToken)
                    .map(token -> token.next == null ? token.endColumn + 1 : token.next.beginColumn)
                    .or(() -> columnIn(e.getMessage()));
            throw refusal.apply("cannot parse the query: " + firstLine(e.getMessage()), column);
        } catch (TokenMgrError e) {
            throw refusal.apply("cannot parse the query: " + firstLine(e.getMessage()), columnIn(e.getMessage()));
        } catch (IndexSearcher.TooManyClauses e) {
            throw refusal.apply("the query has too many clauses: " + e.getMessage(), Optional.empty());
        } catch (IllegalArgumentException e) {
            throw refusal.apply("cannot parse the query: " + firstLine(e.getMessage()), Optional.empty());
        }
    }

    /** Every field the query names, sorted. */
    static Set<String> fields(Query query) {
        Set<String> fields = new TreeSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return fields;
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
