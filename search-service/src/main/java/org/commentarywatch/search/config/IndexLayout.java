package org.commentarywatch.search.config;

/**
 * Names derived from the alias and the mapping version. Readers and writers only ever name the alias; the
 * versioned index behind it lets a later mapping be built beside the current one and swapped in.
 */
public record IndexLayout(String alias, int version) {

    public IndexLayout {
        if (alias == null || alias.isBlank()) {
            throw new IllegalArgumentException("the index alias must not be blank");
        }
        if (version < 1) {
            throw new IllegalArgumentException("the index version must be at least 1, was " + version);
        }
    }

    public static IndexLayout of(CommentaryConfig.Index config) {
        return new IndexLayout(config.alias(), config.version());
    }

    /** For example {@code commentary-v1}. */
    public String indexName() {
        return alias + "-v" + version;
    }

    /** One template per version, named like the index it was written for. */
    public String templateName() {
        return indexName();
    }

    /** Every version's index matches it; the template of the highest version wins through its priority. */
    public String indexPattern() {
        return alias + "-v*";
    }

    /** Classpath resource holding the settings and mappings of this version. */
    public String mappingResource() {
        return "elasticsearch/" + indexName() + ".json";
    }
}
