package org.commentarywatch.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The saved objects of {@code deploy/kibana/*.ndjson}, and every use they make of an index field: which field, in
 * which index (through the data view the object refers to), and for what (a date histogram, a terms split, ...).
 * Kibana cannot run here; this is what the tests check against the index mappings instead.
 */
final class KibanaSavedObjects {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Field names in a KQL query: {@code field : value}, {@code field > 3}, {@code field : *}. */
    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z_@][\\w.@-]*)\\s*(?::|<=|>=|<|>)");

    /** What a visualisation does with a field, and the field types that allows. */
    enum Use {
        TIME_FIELD(Set.of(FieldType.DATE)),
        DATE_HISTOGRAM(Set.of(FieldType.DATE)),
        TERMS(Set.of(FieldType.KEYWORD, FieldType.BOOLEAN, FieldType.NUMERIC, FieldType.IP)),
        HISTOGRAM(Set.of(FieldType.NUMERIC)),
        NUMERIC_METRIC(Set.of(FieldType.NUMERIC)),
        /** min and max: Lens offers them on numbers and dates. */
        MIN_MAX(Set.of(FieldType.NUMERIC, FieldType.DATE)),
        /** unique count, last value, count of a field: any aggregatable field. */
        ANY_AGGREGATABLE(Set.of(FieldType.KEYWORD, FieldType.BOOLEAN, FieldType.NUMERIC, FieldType.IP, FieldType.DATE)),
        SORT(Set.of(FieldType.DATE, FieldType.NUMERIC)),
        GEO(Set.of(FieldType.GEO_POINT, FieldType.GEO_SHAPE)),
        /** A field named in a KQL query or filter: it must exist; any type can be queried. */
        QUERY(Set.of(FieldType.values()));

        final Set<FieldType> allowed;

        Use(Set<FieldType> allowed) {
            this.allowed = allowed;
        }
    }

    /** The families of Elasticsearch field types that matter to Kibana. */
    enum FieldType {
        KEYWORD, TEXT, NUMERIC, DATE, BOOLEAN, IP, GEO_POINT, GEO_SHAPE, OTHER;

        static FieldType of(String esType) {
            return switch (esType) {
                case "keyword", "constant_keyword", "wildcard" -> KEYWORD;
                case "text", "match_only_text" -> TEXT;
                case "long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float", "unsigned_long" -> NUMERIC;
                case "date", "date_nanos" -> DATE;
                case "boolean" -> BOOLEAN;
                case "ip" -> IP;
                case "geo_point" -> GEO_POINT;
                case "geo_shape" -> GEO_SHAPE;
                default -> OTHER;
            };
        }
    }

    /** One field used by one saved object. {@code index} is the data view's index pattern (its title). */
    record FieldUse(String objectType, String objectId, String index, String field, Use use, String where) {
        @Override
        public String toString() {
            return objectType + " " + objectId + " uses " + index + ":" + field + " as " + use + " (" + where + ")";
        }
    }

    private final List<JsonNode> objects;

    private KibanaSavedObjects(List<JsonNode> objects) {
        this.objects = List.copyOf(objects);
    }

    static Path directory() {
        return RunningSystem.repository().resolve("deploy").resolve("kibana");
    }

    /** Every {@code *.ndjson} in {@code deploy/kibana}, one saved object per line (an export summary line is skipped). */
    static KibanaSavedObjects load() {
        List<JsonNode> objects = new ArrayList<>();
        try (var files = Files.list(directory())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ndjson")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).isBlank()) {
                        continue;
                    }
                    JsonNode node;
                    try {
                        node = JSON.readTree(lines.get(i));
                    } catch (IOException e) {
                        throw new AssertionError(file.getFileName() + " line " + (i + 1) + " is not JSON: " + e.getMessage(), e);
                    }
                    if (node.has("exportedCount")) {
                        continue;
                    }
                    objects.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KibanaSavedObjects(objects);
    }

    List<JsonNode> all() {
        return objects;
    }

    List<JsonNode> ofType(String type) {
        return objects.stream().filter(o -> type.equals(o.path("type").asText())).toList();
    }

    /** type + "/" + id of every object. */
    Map<String, JsonNode> byKey() {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        objects.forEach(o -> map.put(key(o.path("type").asText(), o.path("id").asText()), o));
        return map;
    }

    static String key(String type, String id) {
        return type + "/" + id;
    }

    /** A string attribute that holds JSON (panelsJSON, layerListJSON, searchSourceJSON), parsed. */
    static JsonNode embedded(JsonNode text, String what) {
        try {
            return JSON.readTree(text.asText());
        } catch (IOException e) {
            throw new AssertionError(what + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** The id an object's reference of that name points to, or null. */
    static String referenced(JsonNode object, String name) {
        for (JsonNode reference : object.path("references")) {
            if (name.equals(reference.path("name").asText())) {
                return reference.path("id").asText();
            }
        }
        return null;
    }

    /** Every field every object uses, with the index it is read from. */
    List<FieldUse> fieldUses() {
        Map<String, JsonNode> dataViews = new LinkedHashMap<>();
        ofType("index-pattern").forEach(dv -> dataViews.put(dv.path("id").asText(), dv));
        List<FieldUse> uses = new ArrayList<>();
        for (JsonNode object : objects) {
            String type = object.path("type").asText();
            String id = object.path("id").asText();
            JsonNode attributes = object.path("attributes");
            switch (type) {
                case "index-pattern" -> {
                    if (attributes.hasNonNull("timeFieldName")) {
                        uses.add(new FieldUse(type, id, attributes.path("title").asText(), attributes.path("timeFieldName").asText(),
                                Use.TIME_FIELD, "timeFieldName"));
                    }
                }
                case "lens" -> lensUses(object, dataViews, uses);
                case "map" -> mapUses(object, dataViews, uses);
                default -> {
                    // dashboards hold no fields of their own; their references are checked separately
                }
            }
        }
        return uses;
    }

    private static String indexOf(JsonNode object, String referenceName, Map<String, JsonNode> dataViews) {
        String dataViewId = referenced(object, referenceName);
        if (dataViewId == null || !dataViews.containsKey(dataViewId)) {
            throw new AssertionError(object.path("type").asText() + " " + object.path("id").asText()
                    + ": reference " + referenceName + " does not lead to a data view of the NDJSON");
        }
        return dataViews.get(dataViewId).path("attributes").path("title").asText();
    }

    private static void lensUses(JsonNode object, Map<String, JsonNode> dataViews, List<FieldUse> uses) {
        String id = object.path("id").asText();
        JsonNode state = object.path("attributes").path("state");
        JsonNode layers = state.path("datasourceStates").path("formBased").path("layers");
        List<String> layerIndices = new ArrayList<>();
        layers.fields().forEachRemaining(layer -> {
            String index = indexOf(object, "indexpattern-datasource-layer-" + layer.getKey(), dataViews);
            layerIndices.add(index);
            layer.getValue().path("columns").fields().forEachRemaining(entry -> {
                JsonNode column = entry.getValue();
                String where = "layer " + layer.getKey() + " column " + entry.getKey();
                String operation = column.path("operationType").asText();
                String field = column.path("sourceField").asText(null);
                Use use = switch (operation) {
                    case "date_histogram" -> Use.DATE_HISTOGRAM;
                    case "terms" -> Use.TERMS;
                    case "range" -> Use.HISTOGRAM;
                    case "sum", "average", "median", "percentile", "percentile_rank", "standard_deviation" -> Use.NUMERIC_METRIC;
                    case "min", "max" -> Use.MIN_MAX;
                    case "unique_count", "last_value", "count" -> Use.ANY_AGGREGATABLE;
                    case "formula", "math", "filters", "static_value" -> null;
                    default -> throw new AssertionError("lens " + id + " " + where + ": operation " + operation
                            + " is not known to this test; teach KibanaSavedObjects which field types it takes");
                };
                if (use != null && field != null && !"___records___".equals(field)) {
                    uses.add(new FieldUse("lens", id, index, field, use, where + " (" + operation + ")"));
                }
                if (column.path("params").hasNonNull("sortField")) {
                    uses.add(new FieldUse("lens", id, index, column.path("params").path("sortField").asText(), Use.SORT,
                            where + " sortField"));
                }
                if (column.has("filter")) {
                    kqlUses("lens", id, index, column.path("filter").path("query").asText(""), where + " filter", uses);
                }
                for (JsonNode filter : column.path("params").path("filters")) {
                    kqlUses("lens", id, index, filter.path("input").path("query").asText(""), where + " filters", uses);
                }
            });
        });
        for (String index : layerIndices) {
            kqlUses("lens", id, index, state.path("query").path("query").asText(""), "query", uses);
            for (JsonNode filter : state.path("filters")) {
                String key = filter.path("meta").path("key").asText(null);
                if (key != null) {
                    uses.add(new FieldUse("lens", id, index, key, Use.QUERY, "filter"));
                }
            }
        }
    }

    private static void mapUses(JsonNode object, Map<String, JsonNode> dataViews, List<FieldUse> uses) {
        String id = object.path("id").asText();
        JsonNode layers = embedded(object.path("attributes").path("layerListJSON"), "map " + id + " layerListJSON");
        for (JsonNode layer : layers) {
            JsonNode source = layer.path("sourceDescriptor");
            if (!source.has("indexPatternRefName")) {
                continue;
            }
            String index = indexOf(object, source.path("indexPatternRefName").asText(), dataViews);
            String where = "layer " + layer.path("id").asText();
            if (source.hasNonNull("geoField")) {
                uses.add(new FieldUse("map", id, index, source.path("geoField").asText(), Use.GEO, where + " geoField"));
            }
            for (JsonNode metric : source.path("metrics")) {
                if (metric.hasNonNull("field")) {
                    Use use = switch (metric.path("type").asText()) {
                        case "avg", "sum", "percentile" -> Use.NUMERIC_METRIC;
                        case "min", "max" -> Use.MIN_MAX;
                        default -> Use.ANY_AGGREGATABLE;
                    };
                    uses.add(new FieldUse("map", id, index, metric.path("field").asText(), use, where + " metric"));
                }
            }
            if (source.hasNonNull("term")) {
                uses.add(new FieldUse("map", id, index, source.path("term").asText(), Use.TERMS, where + " term"));
            }
            if (source.hasNonNull("sortField")) {
                uses.add(new FieldUse("map", id, index, source.path("sortField").asText(), Use.SORT, where + " sortField"));
            }
            kqlUses("map", id, index, layer.path("query").path("query").asText(""), where + " query", uses);
        }
    }

    private static void kqlUses(String type, String id, String index, String kql, String where, List<FieldUse> uses) {
        Matcher matcher = KQL_FIELD.matcher(kql);
        while (matcher.find()) {
            uses.add(new FieldUse(type, id, index, matcher.group(1), Use.QUERY, where + ": " + kql));
        }
    }

    /**
     * What is wrong with the uses against the mappings: a field the index does not have, or one whose type the
     * use cannot take. {@code mappings} gives the flattened mapping of each index (data view title).
     */
    static List<String> problems(List<FieldUse> uses, java.util.function.Function<String, Map<String, String>> mappings) {
        List<String> problems = new ArrayList<>();
        for (FieldUse use : uses) {
            Map<String, String> fields = mappings.apply(use.index());
            if (fields == null) {
                problems.add(use + ": no mapping known for index " + use.index());
                continue;
            }
            String esType = fields.get(use.field());
            if (esType == null) {
                problems.add(use + ": the field is not in the mapping of " + use.index());
            } else if (!use.use().allowed.contains(FieldType.of(esType))) {
                problems.add(use + ": the field is mapped as " + esType + ", which " + use.use() + " cannot use (it takes "
                        + use.use().allowed + ")");
            }
        }
        return problems;
    }
}
