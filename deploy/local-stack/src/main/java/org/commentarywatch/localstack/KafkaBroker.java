package org.commentarywatch.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** A single-node Apache Kafka broker in KRaft mode (broker and controller in one process). */
public final class KafkaBroker extends SupervisedProcess {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final int port;
    private final int controllerPort;

    KafkaBroker(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = StackSettings.resolvePort(0);
    }

    public String bootstrapServers() {
        return StackSettings.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Formats the log directory on first use, starts the broker and waits until it answers. */
    public void start() {
        StackSettings.requireFree(port, "Kafka");
        try {
            Files.createDirectories(dir);
            Path config = writeConfig();
            Path log4j = writeLog4jConfig();
            if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
                format(config);
            }
            List<String> command = List.of(Artifacts.javaExecutable().toString(), "-Xms256m", "-Xmx512m",
                    "-XX:+UseG1GC", "-Dlog4j2.configurationFile=" + log4j, "-Dkafka.logs.dir=" + dir.resolve("logs"),
                    "-cp", Artifacts.kafkaBrokerClasspath(), "kafka.Kafka", config.toString());
            started(ChildProcess.start("kafka", command, Map.of(), dir, dir.resolve("logs").resolve("stdout.log")));
            try (Admin admin = admin()) {
                awaitReady("Kafka", STARTUP_TIMEOUT, () -> {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return true;
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(List<String> topics, int partitions) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1)).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not create topics " + topics + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(props);
    }

    private Path writeConfig() throws IOException {
        Path config = dir.resolve("server.properties");
        String listeners = "PLAINTEXT://" + StackSettings.HOST + ":" + port + ",CONTROLLER://" + StackSettings.HOST + ":" + controllerPort;
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + StackSettings.HOST + ":" + controllerPort,
                "listeners=" + listeners,
                "advertised.listeners=PLAINTEXT://" + StackSettings.HOST + ":" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "num.partitions=" + StackSettings.DEFAULT_PARTITIONS));
        Files.write(config, lines);
        return config;
    }

    private Path writeLog4jConfig() throws IOException {
        Path config = dir.resolve("log4j2.properties");
        Files.writeString(config, String.join("\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + dir.resolve("logs").resolve("server.log"),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.file.ref = file",
                "logger.kafka.name = kafka",
                "logger.kafka.level = warn",
                "logger.apache.name = org.apache.kafka",
                "logger.apache.level = warn",
                ""));
        return config;
    }

    private void format(Path config) throws IOException {
        Path log = dir.resolve("logs").resolve("format.log");
        Files.createDirectories(log.getParent());
        Process format = new ProcessBuilder(Artifacts.javaExecutable().toString(), "-cp", Artifacts.kafkaBrokerClasspath(),
                "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                // Tests wipe their data directory on the way out: carry the tool's own words in the error.
                List<String> lines = Files.readAllLines(log);
                String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
                throw new IllegalStateException("formatting the Kafka log directory failed (see " + log + "):\n" + tail);
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    /**
     * A cluster id in Kafka's own form: 16 random bytes, URL-safe base64 without padding. Like Kafka's own
     * generator it avoids ids that start with '-', which the storage tool's command line would read as an option.
     */
    static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
