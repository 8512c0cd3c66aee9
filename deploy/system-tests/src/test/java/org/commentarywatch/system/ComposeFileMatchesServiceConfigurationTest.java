package org.commentarywatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;

/**
 * {@code deploy/compose/docker-compose.yml} without Docker: every environment variable it sets on a service is a
 * configuration key of that service (the rule is {@link ServiceConfiguration}'s), the images build from the
 * services' Dockerfiles, the published ports are the services' HTTP ports, the topic container creates the topics
 * the services use, and the dashboards are imported.
 */
class ComposeFileMatchesServiceConfigurationTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path COMPOSE_DIR = RunningSystem.repository().resolve("deploy/compose");

    private final JsonNode compose = read();
    private final JsonNode services = compose.path("services");

    private static JsonNode read() {
        try {
            return YAML.readTree(COMPOSE_DIR.resolve("docker-compose.yml").toFile());
        } catch (IOException e) {
            throw new AssertionError("docker-compose.yml does not parse: " + e.getMessage(), e);
        }
    }

    /** Compose's two forms: a map, or a list of NAME=value. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode env = service.path("environment");
        if (env.isObject()) {
            env.fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        } else if (env.isArray()) {
            env.forEach(item -> {
                String text = item.asText();
                int eq = text.indexOf('=');
                environment.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
            });
        }
        return environment;
    }

    /** The compose service built from a module of this repository, or null. */
    private static String moduleOf(JsonNode service) {
        JsonNode build = service.path("build");
        String context = build.isTextual() ? build.asText() : build.path("context").asText(null);
        if (context == null) {
            return null;
        }
        String module = COMPOSE_DIR.resolve(context).normalize().getFileName().toString();
        return ServiceConfiguration.SERVICES.contains(module) ? module : null;
    }

    private Map<String, JsonNode> ourServices() {
        Map<String, JsonNode> ours = new LinkedHashMap<>();
        services.fields().forEachRemaining(e -> {
            String module = moduleOf(e.getValue());
            if (module != null) {
                ours.put(module, e.getValue());
            }
        });
        return ours;
    }

    @Test
    void theThreeServicesAreBuiltFromTheirOwnDockerfileJvmThatRunsTheQuarkusAppOnTheServicesPort() throws IOException {
        Map<String, JsonNode> ours = ourServices();
        assertEquals(Set.copyOf(ServiceConfiguration.SERVICES), ours.keySet());
        for (Map.Entry<String, JsonNode> entry : ours.entrySet()) {
            String module = entry.getKey();
            JsonNode service = entry.getValue();
            Path context = COMPOSE_DIR.resolve(service.path("build").path("context").asText()).normalize();
            Path dockerfile = context.resolve(service.path("build").path("dockerfile").asText("Dockerfile"));
            assertEquals(RunningSystem.repository().resolve(module).resolve("src/main/docker/Dockerfile.jvm").normalize(),
                    dockerfile.normalize(), module);
            assertTrue(Files.isRegularFile(dockerfile), module + ": " + dockerfile + " is missing");
            String text = Files.readString(dockerfile);
            assertTrue(text.contains("target/quarkus-app/lib/") && text.contains("/deployments/quarkus-run.jar"), module + ": " + text);
            Matcher expose = Pattern.compile("^EXPOSE\\s+(\\d+)", Pattern.MULTILINE).matcher(text);
            assertTrue(expose.find(), module + ": no EXPOSE");
            assertEquals(ServiceConfiguration.of(module).httpPort(Map.of()), Integer.parseInt(expose.group(1)), module + " EXPOSE");
        }
    }

    @Test
    void everyEnvironmentVariableSetOnAServiceMapsToAConfigurationKeyOfThatService() {
        List<String> problems = new ArrayList<>();
        ourServices().forEach((module, service) -> {
            ServiceConfiguration config = ServiceConfiguration.of(module);
            Map<String, String> environment = environment(service);
            assertFalse(environment.isEmpty(), module + " sets no environment: it would look for Kafka on localhost");
            environment.keySet().forEach(name -> config.problemWith(name).ifPresent(problems::add));
        });
        assertEquals(List.of(), problems);
    }

    /**
     * A key, password or secret is never a value in the file: it comes from the operator's environment or .env
     * ({@code ${NAME...}}), and search-service's webhook encryption key is required ({@code ${NAME:?...}}): without it
     * the service would generate one inside the container, lost with the container, and the stored secrets with it.
     */
    @Test
    void secretsComeFromTheOperatorsEnvironmentAndTheWebhookEncryptionKeyIsRequired() {
        ourServices().forEach((module, service) -> {
            ServiceConfiguration config = ServiceConfiguration.of(module);
            environment(service).forEach((name, value) -> config.keyOf(name).filter(ServiceConfiguration::isSecret).ifPresent(key ->
                    assertTrue(value.matches("\\$\\{" + name + "(:?[-?][^}]*)?}"),
                            module + ": " + name + " (" + key + ") must come from ${" + name + "...}, not be written in the file: " + value)));
        });
        String key = environment(ourServices().get("search-service")).get("COMMENTARY_WEBHOOKS_SECRET_KEY");
        assertNotNull(key, "search-service does not set COMMENTARY_WEBHOOKS_SECRET_KEY");
        assertEquals(Optional.of("commentary.webhooks.secret-key"), ServiceConfiguration.of("search-service").keyOf("COMMENTARY_WEBHOOKS_SECRET_KEY"));
        assertTrue(key.matches("\\$\\{COMMENTARY_WEBHOOKS_SECRET_KEY:\\?.*openssl rand -base64 32.*}"),
                "COMMENTARY_WEBHOOKS_SECRET_KEY must be required, with how to make one: " + key);
    }

    @Test
    void servicesReachKafkaAndElasticsearchByTheirComposeNames() {
        ourServices().forEach((module, service) -> {
            Map<String, String> environment = environment(service);
            String kafka = environment.get("KAFKA_BOOTSTRAP_SERVERS");
            assertNotNull(kafka, module + " does not set KAFKA_BOOTSTRAP_SERVERS");
            assertHostIsAComposeService(module, kafka);
            if (ServiceConfiguration.of(module).value("quarkus.elasticsearch.hosts") != null) {
                String es = environment.get("QUARKUS_ELASTICSEARCH_HOSTS");
                assertNotNull(es, module + " does not set QUARKUS_ELASTICSEARCH_HOSTS");
                assertHostIsAComposeService(module, es);
            }
        });
    }

    @Test
    void publishedPortsAreTheServicesHttpPorts() {
        ourServices().forEach((module, service) -> {
            int port = ServiceConfiguration.of(module).httpPort(environment(service));
            Set<Integer> containerPorts = new TreeSet<>();
            service.path("ports").forEach(p -> {
                String[] parts = p.asText().split(":");
                containerPorts.add(Integer.parseInt(parts[parts.length - 1].replaceAll("/.*", "")));
            });
            assertEquals(Set.of(port), containerPorts, module + " must publish its quarkus.http.port " + port);
        });
    }

    @Test
    void theTopicContainerCreatesEveryTopicTheServicesUseWithThreePartitions() {
        JsonNode topics = services.path("kafka-topics");
        assertFalse(topics.isMissingNode(), "no kafka-topics service");
        String command = topics.path("command").toString() + topics.path("entrypoint").toString();
        Matcher loop = Pattern.compile("for topic in ([^;]+);").matcher(command);
        assertTrue(loop.find(), "kafka-topics: expected 'for topic in ...;' in " + command);
        Set<String> created = new TreeSet<>(List.of(loop.group(1).trim().split("\\s+")));
        // Topics with settings of their own (e.g. compacted) are created one by one after the loop.
        Matcher single = Pattern.compile("--topic ([A-Za-z0-9._-]+)").matcher(command);
        while (single.find()) {
            created.add(single.group(1));
        }
        assertTrue(command.contains("--partitions 3"), command);
        Set<String> used = new TreeSet<>();
        ourServices().forEach((module, service) -> used.addAll(ServiceConfiguration.of(module).topics(environment(service)).values()));
        assertEquals(used, created);
        ourServices().forEach((module, service) -> assertEquals("service_completed_successfully",
                service.path("depends_on").path("kafka-topics").path("condition").asText(), module + " must wait for the topics"));
    }

    @Test
    void kafkaIsKraftAndElasticsearchAndKibanaAre819WithSecurityOffAndTheDashboardsAreImported() {
        JsonNode kafka = services.path("kafka");
        assertTrue(kafka.path("image").asText().startsWith("apache/kafka:"), kafka.toString());
        assertEquals("broker,controller", environment(kafka).get("KAFKA_PROCESS_ROLES"));
        JsonNode es = services.path("elasticsearch");
        assertTrue(es.path("image").asText().startsWith("docker.elastic.co/elasticsearch/elasticsearch:${ELASTIC_VERSION:-8.19."), es.toString());
        assertEquals("false", environment(es).get("xpack.security.enabled"));
        assertTrue(services.path("kibana").path("image").asText().startsWith("docker.elastic.co/kibana/kibana:${ELASTIC_VERSION:-8.19."));
        JsonNode importer = services.path("kibana-dashboards");
        assertTrue(importer.path("entrypoint").toString().contains("import.sh"), importer.toString());
        assertEquals("http://kibana:5601", environment(importer).get("KIBANA_URL"));
        assertTrue(importer.path("volumes").toString().contains("../kibana:"), importer.toString());
    }

    private void assertHostIsAComposeService(String module, String hosts) {
        for (String hostAndPort : hosts.split(",")) {
            String host = hostAndPort.replaceFirst("^[a-z]+://", "").split(":")[0];
            assertTrue(services.has(host), module + ": " + hostAndPort + " names no service of the compose file");
        }
    }
}
