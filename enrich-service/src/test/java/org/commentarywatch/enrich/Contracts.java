package org.commentarywatch.enrich;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The event contracts in deploy/schemas, found through the system property the parent pom sets. */
public final class Contracts {

    public static final String ENRICHED_DOCUMENT = "enriched-document.schema.json";
    public static final String RAW_DOCUMENT = "raw-document.schema.json";
    public static final String DLQ_RECORD = "dlq-record.schema.json";

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private Contracts() {
    }

    public static void assertValid(String schemaFile, String json) {
        Set<ValidationMessage> errors = schema(schemaFile).validate(json, InputFormat.JSON);
        assertTrue(errors.isEmpty(), () -> json + "\ndoes not satisfy " + schemaFile + ": " + errors);
    }

    private static JsonSchema schema(String file) {
        return SCHEMAS.computeIfAbsent(file, Contracts::load);
    }

    private static JsonSchema load(String file) {
        String dir = System.getProperty("commentary-test.schemas-dir");
        if (dir == null || dir.isBlank()) {
            fail("system property commentary-test.schemas-dir is not set: run the tests through Maven, whose parent pom "
                    + "points it at deploy/schemas, or pass -Dcommentary-test.schemas-dir=<repo>/deploy/schemas");
        }
        Path path = Path.of(dir, file);
        if (!Files.isRegularFile(path)) {
            fail("schema " + file + " not found in commentary-test.schemas-dir=" + dir);
        }
        try {
            // Formats (date-time) are only annotations in 2020-12 unless asserted; the contract means them.
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Files.readString(path), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
