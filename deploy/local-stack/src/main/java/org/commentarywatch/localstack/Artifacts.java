package org.commentarywatch.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Paths Maven resolved when it built this module: the Elasticsearch zip and the broker classpath. */
final class Artifacts {

    private static final Properties PROPERTIES = load();

    private Artifacts() {
    }

    static String elasticsearchVersion() {
        return PROPERTIES.getProperty("elasticsearch.version");
    }

    static Path elasticsearchZip() {
        Path zip = Path.of(PROPERTIES.getProperty("elasticsearch.zip"));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Elasticsearch distribution not found at " + zip
                    + "; rebuild deploy/local-stack (./mvnw -pl deploy/local-stack package) so that Maven fetches it");
        }
        return zip;
    }

    static String kafkaBrokerClasspath() {
        try (InputStream in = Artifacts.class.getResourceAsStream("/kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("kafka-broker.classpath missing: build deploy/local-stack with Maven");
            }
            return new String(in.readAllBytes()).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    static Path javaExecutable() {
        return javaHome().resolve("bin").resolve("java");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Artifacts.class.getResourceAsStream("/local-stack.properties")) {
            if (in == null) {
                throw new IllegalStateException("local-stack.properties missing: build deploy/local-stack with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
