package org.commentarywatch.search.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.commentarywatch.search.config.IndexLayout;

/** The composable index template of one mapping version, built from its resource file. */
public final class IndexTemplate {

    private IndexTemplate() {
    }

    /** The settings and mappings of the layout's version, as shipped in {@code src/main/resources/elasticsearch}. */
    public static ObjectNode definition(IndexLayout layout, ObjectMapper mapper) {
        String resource = layout.mappingResource();
        try (InputStream in = IndexTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no index definition " + resource + " on the classpath for index version "
                        + layout.version());
            }
            JsonNode tree = mapper.readTree(in);
            if (!(tree instanceof ObjectNode definition) || !definition.has("mappings") || !definition.has("settings")) {
                throw new IllegalStateException(resource + " must be an object with settings and mappings");
            }
            return definition;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * The {@code _index_template} body. It matches every version's index; its priority is its version, so that
     * once a later version's template is installed, a new index gets the later mapping, while an index that
     * exists keeps the mapping it was created with.
     */
    public static ObjectNode body(IndexLayout layout, ObjectNode definition, ObjectMapper mapper) {
        ObjectNode body = mapper.createObjectNode();
        body.putArray("index_patterns").add(layout.indexPattern());
        body.put("priority", layout.version());
        body.put("version", layout.version());
        body.set("template", definition.deepCopy());
        body.putObject("_meta").put("managed_by", "search-service").put("index", layout.indexName());
        return body;
    }
}
