package org.commentarywatch.system;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration keys of one service, and the rule by which an environment variable set on it in a deployment
 * file (docker-compose, Kubernetes) is accepted. An environment variable is accepted when
 * <ol>
 * <li>it is the environment form of a key the service knows: the key upper-cased with every character other than a
 * letter or digit replaced by {@code _} (MicroProfile Config's rule, which Quarkus applies:
 * {@code kafka.bootstrap.servers} → {@code KAFKA_BOOTSTRAP_SERVERS}, {@code commentary.api-key} →
 * {@code COMMENTARY_API_KEY}), where the keys the service knows are
 * <ul>
 * <li>every key of its {@code src/main/resources/application.properties} (profile prefixes such as {@code %prod.}
 * removed),</li>
 * <li>every key application.properties documents as a commented-out assignment ({@code #commentary.api-key=}), and
 * every key in the first column of a table in the "Configuration" section of its README: keys a
 * {@code @ConfigMapping} declares without a value in application.properties, such as {@code commentary.api-key},</li>
 * <li>the framework keys: Quarkus' own keys that deployments set ({@link #COMMON_FRAMEWORK_KEYS}: HTTP, logging)
 * and, for a service that configures {@code quarkus.elasticsearch.hosts}, the Elasticsearch client's
 * ({@link #ELASTICSEARCH_CLIENT_KEYS}: hosts, credentials, protocol);</li>
 * </ul></li>
 * <li>or it is read by the container image or the JVM rather than by the service's configuration:
 * {@link #RUNTIME_VARIABLES}.</li>
 * </ol>
 * Anything else would be silently ignored by the service, which is what the deployment-file tests catch.
 */
final class ServiceConfiguration {

    static final List<String> SERVICES = RunningSystem.SERVICES;

    /** Read by the UBI OpenJDK image's run-java.sh, by the JVM or by libraries, not by the service's configuration. */
    static final Set<String> RUNTIME_VARIABLES = Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_MAX_MEM_RATIO",
            "JAVA_INITIAL_MEM_RATIO", "JAVA_MAX_INITIAL_MEM", "JAVA_DIAGNOSTICS", "OPT_OUT_TRACKING", "TZ");

    /** Keys of the Quarkus Elasticsearch client, in every service that configures its hosts. */
    static final List<String> ELASTICSEARCH_CLIENT_KEYS = List.of("quarkus.elasticsearch.hosts", "quarkus.elasticsearch.username",
            "quarkus.elasticsearch.password", "quarkus.elasticsearch.protocol");
    /** Quarkus keys that exist in every service. */
    static final List<String> COMMON_FRAMEWORK_KEYS = List.of("quarkus.http.port", "quarkus.http.host", "quarkus.log.level",
            "quarkus.log.console.level", "quarkus.log.console.format", "quarkus.profile", "quarkus.shutdown.timeout");

    private static final Pattern README_KEY = Pattern.compile("^\\|\\s*`([a-z][a-zA-Z0-9._\\-\"]*)`\\s*\\|", Pattern.MULTILINE);
    private static final Pattern COMMENTED_KEY = Pattern.compile("^#\\s*([a-z][a-zA-Z0-9\\-]*(?:\\.[a-zA-Z0-9\\-]+)+)\\s*=", Pattern.MULTILINE);
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private final String service;
    private final Map<String, String> properties;
    private final Set<String> keys;

    private ServiceConfiguration(String service, Map<String, String> properties, Set<String> keys) {
        this.service = service;
        this.properties = properties;
        this.keys = keys;
    }

    static ServiceConfiguration of(String service) {
        Path module = RunningSystem.repository().resolve(service);
        Properties raw = new Properties();
        try (Reader reader = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
            raw.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        raw.stringPropertyNames().forEach(key -> {
            if (!key.startsWith("%")) {
                properties.put(key, raw.getProperty(key));
            }
        });
        Set<String> keys = new TreeSet<>();
        raw.stringPropertyNames().forEach(key -> keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key));
        try {
            Matcher commented = COMMENTED_KEY.matcher(Files.readString(module.resolve("src/main/resources/application.properties")));
            while (commented.find()) {
                keys.add(commented.group(1));
            }
            Matcher matcher = README_KEY.matcher(configurationSection(Files.readString(module.resolve("README.md"))));
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keys.addAll(COMMON_FRAMEWORK_KEYS);
        if (keys.contains("quarkus.elasticsearch.hosts")) {
            keys.addAll(ELASTICSEARCH_CLIENT_KEYS);
        }
        return new ServiceConfiguration(service, properties, keys);
    }

    /** From the README heading that starts with "Configuration" to the next heading of the same or a higher level. */
    private static String configurationSection(String readme) {
        Matcher heading = Pattern.compile("^(#{1,6})\\s+Configuration.*$", Pattern.MULTILINE).matcher(readme);
        if (!heading.find()) {
            return "";
        }
        int level = heading.group(1).length();
        Matcher next = Pattern.compile("^#{1," + level + "}\\s", Pattern.MULTILINE).matcher(readme);
        int end = next.find(heading.end()) ? next.start() : readme.length();
        return readme.substring(heading.end(), end);
    }

    static String environmentName(String key) {
        StringBuilder name = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }

    /** Whether a key holds a credential or a key, which deployment files must take from a secret store. */
    static boolean isSecret(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        return last.equals("password") || last.endsWith("api-key") || last.equals("secret") || last.endsWith("secret-key")
                || last.equals("token");
    }

    String service() {
        return service;
    }

    /** The configuration key an environment variable sets, if any. */
    Optional<String> keyOf(String environmentVariable) {
        return keys.stream().filter(key -> environmentName(key).equals(environmentVariable)).findFirst();
    }

    /** Why a variable is not accepted, or empty when it is. */
    Optional<String> problemWith(String environmentVariable) {
        if (RUNTIME_VARIABLES.contains(environmentVariable) || keyOf(environmentVariable).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(service + ": environment variable " + environmentVariable
                + " maps to no configuration key of the service (application.properties, README table, known framework keys)");
    }

    /** A property of application.properties with ${...} expressions resolved, or null. */
    String value(String key) {
        String value = properties.get(key);
        if (value == null) {
            return null;
        }
        Matcher matcher = EXPRESSION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String inner = value(matcher.group(1));
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(inner != null ? inner
                    : matcher.group(2) != null ? matcher.group(2) : matcher.group()));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    /**
     * The value the service uses when the given environment variables are set: the variable's value if one of them
     * sets the key, else application.properties (with expressions resolved against the same overrides).
     */
    String effectiveValue(String key, Map<String, String> environment) {
        String override = environment.get(environmentName(key));
        if (override != null) {
            return override;
        }
        String value = properties.get(key);
        if (value == null) {
            return null;
        }
        Matcher matcher = EXPRESSION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String inner = effectiveValue(matcher.group(1), environment);
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(inner != null ? inner
                    : matcher.group(2) != null ? matcher.group(2) : matcher.group()));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    int httpPort(Map<String, String> environment) {
        return Integer.parseInt(effectiveValue("quarkus.http.port", environment));
    }

    /** The {@code commentary.topics.*} keys and their values under that environment. */
    Map<String, String> topics(Map<String, String> environment) {
        Map<String, String> topics = new LinkedHashMap<>();
        properties.keySet().stream().filter(k -> k.startsWith("commentary.topics.")).sorted()
                .forEach(k -> topics.put(k, effectiveValue(k, environment)));
        return topics;
    }
}
