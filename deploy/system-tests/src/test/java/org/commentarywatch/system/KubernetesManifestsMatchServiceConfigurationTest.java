package org.commentarywatch.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;

/**
 * {@code deploy/k8s} without a cluster: every manifest parses; the Deployments set only environment variables that
 * are configuration keys of their service (directly, or through a ConfigMap or Secret they load; the rule is
 * {@link ServiceConfiguration}'s); probes and Services point at the health paths on the service's
 * {@code quarkus.http.port}; the KafkaTopics are the topics the services use; KEDA watches enrich-service's own
 * consumer group on its input topic and never scales past that topic's partitions.
 */
class KubernetesManifestsMatchServiceConfigurationTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path K8S = RunningSystem.repository().resolve("deploy/k8s");
    private static final Set<String> HEALTH_PATHS = Set.of("/q/health/live", "/q/health/ready", "/q/health/started");

    private final List<JsonNode> manifests = readAll();

    private static List<JsonNode> readAll() {
        List<JsonNode> all = new ArrayList<>();
        try (var files = Files.list(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                try (JsonParser parser = YAML.getFactory().createParser(file.toFile());
                     MappingIterator<JsonNode> documents = YAML.readValues(parser, JsonNode.class)) {
                    while (documents.hasNext()) {
                        JsonNode document = documents.next();
                        if (document != null && !document.isNull() && !document.isEmpty()) {
                            assertTrue(document.hasNonNull("kind"), file.getFileName() + ": a document without kind");
                            ((com.fasterxml.jackson.databind.node.ObjectNode) document).put("__file", file.getFileName().toString());
                            all.add(document);
                        }
                    }
                } catch (IOException e) {
                    throw new AssertionError(file.getFileName() + " does not parse: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private List<JsonNode> ofKind(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.path("kind").asText())).toList();
    }

    private JsonNode named(String kind, String name) {
        return ofKind(kind).stream().filter(m -> name.equals(m.path("metadata").path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    private JsonNode deployment(String service) {
        return named("Deployment", service);
    }

    private static JsonNode container(JsonNode deployment) {
        JsonNode containers = deployment.path("spec").path("template").path("spec").path("containers");
        assertEquals(1, containers.size(), deployment.path("metadata").path("name").asText() + ": one container expected");
        return containers.get(0);
    }

    /** The environment a container gets: its env entries and everything its envFrom ConfigMaps and Secrets hold. */
    private Map<String, String> environment(JsonNode container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asText("");
            if (from.has("configMapRef")) {
                named("ConfigMap", from.path("configMapRef").path("name").asText()).path("data").fields()
                        .forEachRemaining(e -> environment.put(prefix + e.getKey(), e.getValue().asText()));
            }
            if (from.has("secretRef")) {
                JsonNode secret = named("Secret", from.path("secretRef").path("name").asText());
                secret.path("stringData").fieldNames().forEachRemaining(k -> environment.put(prefix + k, "<secret>"));
                secret.path("data").fieldNames().forEachRemaining(k -> environment.put(prefix + k, "<secret>"));
            }
        }
        for (JsonNode env : container.path("env")) {
            String value = env.has("value") ? env.path("value").asText() : null;
            JsonNode configMapKey = env.path("valueFrom").path("configMapKeyRef");
            if (!configMapKey.isMissingNode()) {
                value = named("ConfigMap", configMapKey.path("name").asText()).path("data").path(configMapKey.path("key").asText()).asText(null);
                assertNotNull(value, env.path("name").asText() + ": the ConfigMap key it refers to is missing");
            }
            environment.put(env.path("name").asText(), value == null ? "<secret>" : value);
        }
        return environment;
    }

    @Test
    void everyManifestParsesAndKustomizationListsEachFile() {
        assertFalse(manifests.isEmpty());
        JsonNode kustomization = ofKind("Kustomization").get(0);
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> files = new TreeSet<>();
        manifests.stream().filter(m -> !"Kustomization".equals(m.path("kind").asText())).forEach(m -> files.add(m.path("__file").asText()));
        assertEquals(files, listed, "kustomization.yaml must list every manifest of deploy/k8s");
    }

    @Test
    void everyEnvironmentVariableOfADeploymentMapsToAConfigurationKeyOfItsService() {
        List<String> problems = new ArrayList<>();
        for (String service : ServiceConfiguration.SERVICES) {
            ServiceConfiguration config = ServiceConfiguration.of(service);
            Map<String, String> environment = environment(container(deployment(service)));
            assertTrue(environment.containsKey("KAFKA_BOOTSTRAP_SERVERS"), service + " does not set KAFKA_BOOTSTRAP_SERVERS");
            environment.keySet().forEach(name -> config.problemWith(name).ifPresent(problems::add));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void secretReferencesNameSecretsAndKeysThatExist() {
        for (String service : ServiceConfiguration.SERVICES) {
            for (JsonNode env : container(deployment(service)).path("env")) {
                JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                if (ref.isMissingNode()) {
                    continue;
                }
                String secret = ref.path("name").asText();
                if (secret.endsWith("-es-elastic-user")) {
                    // created by the ECK operator for the Elasticsearch resource of that name
                    named("Elasticsearch", secret.substring(0, secret.length() - "-es-elastic-user".length()));
                    assertEquals("elastic", ref.path("key").asText());
                } else {
                    assertTrue(named("Secret", secret).path("stringData").has(ref.path("key").asText()),
                            service + ": secret " + secret + " has no key " + ref.path("key").asText());
                }
            }
        }
    }

    /** Keys, passwords and secrets reach the pods from Secrets only; search-service's webhook encryption key among them. */
    @Test
    void secretConfigurationComesFromSecretsAndSearchServiceGetsItsWebhookEncryptionKeyFromOne() {
        for (String service : ServiceConfiguration.SERVICES) {
            ServiceConfiguration config = ServiceConfiguration.of(service);
            JsonNode container = container(deployment(service));
            for (JsonNode env : container.path("env")) {
                String name = env.path("name").asText();
                config.keyOf(name).filter(ServiceConfiguration::isSecret).ifPresent(key -> assertFalse(
                        env.path("valueFrom").path("secretKeyRef").isMissingNode(), service + ": " + name + " (" + key + ") must come from a Secret"));
            }
            for (JsonNode from : container.path("envFrom")) {
                if (from.has("configMapRef")) {
                    named("ConfigMap", from.path("configMapRef").path("name").asText()).path("data").fieldNames().forEachRemaining(name ->
                            assertFalse(config.keyOf(name).filter(ServiceConfiguration::isSecret).isPresent(),
                                    service + ": " + name + " is a secret and must not be in a ConfigMap"));
                }
            }
        }
        JsonNode key = null;
        for (JsonNode env : container(deployment("search-service")).path("env")) {
            if ("COMMENTARY_WEBHOOKS_SECRET_KEY".equals(env.path("name").asText())) {
                key = env;
            }
        }
        assertNotNull(key, "search-service does not set COMMENTARY_WEBHOOKS_SECRET_KEY");
        assertEquals("commentary.webhooks.secret-key", ServiceConfiguration.of("search-service").keyOf("COMMENTARY_WEBHOOKS_SECRET_KEY").orElseThrow());
        JsonNode ref = key.path("valueFrom").path("secretKeyRef");
        assertTrue(named("Secret", ref.path("name").asText()).path("stringData").has(ref.path("key").asText()), ref.toString());
    }

    @Test
    void probesUseTheHealthPathsOnTheServicesHttpPortAndServicesTargetIt() {
        for (String service : ServiceConfiguration.SERVICES) {
            JsonNode container = container(deployment(service));
            int port = ServiceConfiguration.of(service).httpPort(environment(container));
            Map<String, Integer> namedPorts = new LinkedHashMap<>();
            container.path("ports").forEach(p -> namedPorts.put(p.path("name").asText(), p.path("containerPort").asInt()));
            assertEquals(List.of(port), List.copyOf(namedPorts.values()), service + ": containerPort must be quarkus.http.port");
            assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText(), service);
            assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText(), service);
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                JsonNode httpGet = container.path(probe).path("httpGet");
                if (httpGet.isMissingNode()) {
                    continue;
                }
                assertTrue(HEALTH_PATHS.contains(httpGet.path("path").asText()), service + " " + probe + ": " + httpGet);
                assertEquals(port, resolve(httpGet.path("port"), namedPorts), service + " " + probe + " port");
            }
            JsonNode svc = named("Service", service);
            assertEquals(deployment(service).path("spec").path("selector").path("matchLabels"), svc.path("spec").path("selector"),
                    service + ": the Service must select the Deployment's pods");
            svc.path("spec").path("ports").forEach(p -> assertEquals(port, resolve(p.path("targetPort"), namedPorts), service + " Service targetPort"));
        }
    }

    @Test
    void memoryLimitsKeepTheHeapAtOrBelow512Megabytes() {
        for (String service : ServiceConfiguration.SERVICES) {
            JsonNode container = container(deployment(service));
            JsonNode resources = container.path("resources");
            assertFalse(resources.path("requests").path("cpu").isMissingNode(), service + ": no CPU request");
            long limitBytes = bytes(resources.path("limits").path("memory").asText());
            Map<String, String> environment = environment(container);
            int ratio = Integer.parseInt(environment.getOrDefault("JAVA_MAX_MEM_RATIO", "80"));
            assertTrue(limitBytes * ratio / 100 <= 512L * 1024 * 1024, service + ": heap " + ratio + " % of " + limitBytes + " bytes exceeds 512 MB");
        }
    }

    @Test
    void kafkaTopicsAreExactlyTheTopicsTheServicesUse() {
        Map<String, Integer> partitions = topicPartitions();
        Set<String> used = new TreeSet<>();
        for (String service : ServiceConfiguration.SERVICES) {
            ServiceConfiguration config = ServiceConfiguration.of(service);
            Map<String, String> topics = config.topics(environment(container(deployment(service))));
            assertFalse(topics.isEmpty(), service + " declares no commentary.topics.*");
            used.addAll(topics.values());
        }
        assertEquals(used, partitions.keySet());
        JsonNode kafka = ofKind("Kafka").get(0);
        ofKind("KafkaTopic").forEach(t -> assertEquals(kafka.path("metadata").path("name").asText(),
                t.path("metadata").path("labels").path("strimzi.io/cluster").asText(), "KafkaTopic of another cluster: " + t));
        assertFalse(ofKind("KafkaNodePool").isEmpty(), "Strimzi KRaft needs node pools");
    }

    @Test
    void kedaScalesEnrichServiceOnTheLagOfItsOwnGroupOnItsInputTopicUntilEveryPartitionHasAConsumer() {
        JsonNode scaled = ofKind("ScaledObject").get(0);
        assertEquals("enrich-service", scaled.path("spec").path("scaleTargetRef").path("name").asText());
        deployment("enrich-service");
        JsonNode trigger = scaled.path("spec").path("triggers").get(0);
        assertEquals("kafka", trigger.path("type").asText());
        ServiceConfiguration enrich = ServiceConfiguration.of("enrich-service");
        Map<String, String> environment = environment(container(deployment("enrich-service")));
        assertEquals(enrich.effectiveValue("mp.messaging.incoming.raw.group.id", environment), trigger.path("metadata").path("consumerGroup").asText());
        String topic = enrich.effectiveValue("mp.messaging.incoming.raw.topic", environment);
        assertEquals(topic, trigger.path("metadata").path("topic").asText());
        assertEquals(enrich.effectiveValue("kafka.bootstrap.servers", environment), trigger.path("metadata").path("bootstrapServers").asText());
        int partitions = topicPartitions().get(topic);
        // Each replica is that many consumers of the group.
        int consumers = Optional.ofNullable(enrich.effectiveValue("mp.messaging.incoming.raw.concurrency", environment))
                .map(Integer::parseInt).orElse(1);
        int max = scaled.path("spec").path("maxReplicaCount").asInt();
        assertTrue(max > 1 && max * consumers <= partitions, "maxReplicaCount " + max + " × " + consumers
                + " consumers per replica must be at most " + partitions + " (partitions of " + topic + ")");
    }

    @Test
    void elasticsearchAndKibanaAre819AndSearchServiceFindsTheEckService() {
        JsonNode es = ofKind("Elasticsearch").get(0);
        assertTrue(es.path("spec").path("version").asText().startsWith("8.19."), es.toString());
        JsonNode kibana = ofKind("Kibana").get(0);
        assertTrue(kibana.path("spec").path("version").asText().startsWith("8.19."));
        assertEquals(es.path("metadata").path("name").asText(), kibana.path("spec").path("elasticsearchRef").path("name").asText());
        String hosts = environment(container(deployment("search-service"))).get("QUARKUS_ELASTICSEARCH_HOSTS");
        assertEquals(es.path("metadata").path("name").asText() + "-es-http:9200", hosts);
        String bootstrap = environment(container(deployment("ingest-service"))).get("KAFKA_BOOTSTRAP_SERVERS");
        assertEquals(ofKind("Kafka").get(0).path("metadata").path("name").asText() + "-kafka-bootstrap:9092", bootstrap);
    }

    private Map<String, Integer> topicPartitions() {
        Map<String, Integer> partitions = new LinkedHashMap<>();
        for (JsonNode topic : ofKind("KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
            partitions.put(name, topic.path("spec").path("partitions").asInt());
        }
        return partitions;
    }

    private static int resolve(JsonNode port, Map<String, Integer> namedPorts) {
        if (port.isInt()) {
            return port.asInt();
        }
        Integer resolved = namedPorts.get(port.asText());
        assertNotNull(resolved, "port " + port + " is not a named port of the container " + namedPorts);
        return resolved;
    }

    private static long bytes(String quantity) {
        Map<String, Long> units = Map.of("Ki", 1024L, "Mi", 1024L * 1024, "Gi", 1024L * 1024 * 1024, "K", 1000L, "M", 1000_000L, "G", 1000_000_000L);
        for (Map.Entry<String, Long> unit : units.entrySet()) {
            if (quantity.endsWith(unit.getKey()) && Character.isDigit(quantity.charAt(quantity.length() - unit.getKey().length() - 1))) {
                return Long.parseLong(quantity.substring(0, quantity.length() - unit.getKey().length())) * unit.getValue();
            }
        }
        return Long.parseLong(quantity);
    }
}
