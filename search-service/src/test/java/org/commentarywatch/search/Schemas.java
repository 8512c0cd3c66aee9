package org.commentarywatch.search;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The event contracts in deploy/schemas, as validators. */
public final class Schemas {

    public static final String DLQ_RECORD = "dlq-record.schema.json";
    public static final String ENRICHED_DOCUMENT = "enriched-document.schema.json";

    private Schemas() {
    }

    /** Validation messages for {@code json} against the named schema; empty when it conforms. */
    public static Set<ValidationMessage> validate(String schemaFile, JsonNode json) {
        return load(schemaFile).validate(json);
    }

    /** The named schema as plain JSON, for tests that read the contract itself. */
    public static JsonNode json(String schemaFile) {
        try (InputStream in = Files.newInputStream(file(schemaFile))) {
            return Fixtures.JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + schemaFile, e);
        }
    }

    private static JsonSchema load(String schemaFile) {
        Path file = file(schemaFile);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static Path file(String schemaFile) {
        String dir = System.getProperty("commentary-test.schemas-dir");
        if (dir == null || dir.isBlank()) {
            fail("System property commentary-test.schemas-dir is not set; the parent pom sets it to deploy/schemas. "
                    + "Run the tests through Maven.");
        }
        Path file = Path.of(dir).resolve(schemaFile);
        if (!Files.isRegularFile(file)) {
            fail("Schema " + file + " not found (commentary-test.schemas-dir=" + dir + ")");
        }
        return file;
    }
}
