package org.commentarywatch.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class LocalStackIT {

    @Test
    void startsRealKafkaAndElasticsearchWithTheTopicsAndLeavesNoProcessBehind() throws Exception {
        StackSettings settings = StackSettings.forTests();
        long kafkaGroup;
        long esGroup;
        try (LocalStack stack = LocalStack.start(settings)) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
            try (Admin admin = Admin.create(props)) {
                Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                assertTrue(topics.containsAll(Topics.ALL), "topics: " + topics);
                int partitions = admin.describeTopics(List.of(Topics.RAW)).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get(Topics.RAW).partitions().size();
                assertEquals(StackSettings.DEFAULT_PARTITIONS, partitions);
            }
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + "/_cluster/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"status\":\"green\""), health.body());
            kafkaGroup = pidOf(settings, "kafka/kafka.pid");
            esGroup = pidOf(settings, "elasticsearch.pid");
        } finally {
            LocalStack.wipe(settings);
        }
        assertFalse(groupAlive(kafkaGroup), "Kafka process group still running after close");
        assertFalse(groupAlive(esGroup), "Elasticsearch process group still running after close");
        assertFalse(Files.exists(settings.dataDir()), "data directory not wiped");
    }

    private static long pidOf(StackSettings settings, String file) throws Exception {
        return Long.parseLong(Files.readString(settings.dataDir().resolve(file)).trim());
    }

    private static boolean groupAlive(long pgid) {
        return ChildProcess.run(List.of("kill", "-0", "--", "-" + pgid)) == 0;
    }
}
