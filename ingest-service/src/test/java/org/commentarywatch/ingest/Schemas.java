package org.commentarywatch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The event contracts of deploy/schemas, as the parent POM points the tests at them. */
public final class Schemas {

    public static final String RAW_DOCUMENT = "raw-document.schema.json";

    private static final String DIR_PROPERTY = "commentary-test.schemas-dir";

    private Schemas() {
    }

    public static JsonNode json(String name) {
        try {
            return new ObjectMapper().readTree(file(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(name), e);
        }
    }

    /** Validation errors of {@code json} against the named schema, with formats (date-time) asserted. */
    public static Set<ValidationMessage> validate(String name, String json) {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(json(name), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        return schema.validate(json, InputFormat.JSON);
    }

    private static Path file(String name) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("System property " + DIR_PROPERTY + " is not set: run the tests with "
                    + "Maven (./mvnw verify), whose parent POM points it at deploy/schemas");
        }
        Path file = Path.of(dir, name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Schema " + name + " not found in " + DIR_PROPERTY + "=" + dir);
        }
        return file;
    }
}
