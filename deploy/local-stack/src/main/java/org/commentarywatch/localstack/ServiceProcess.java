package org.commentarywatch.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One of the three Quarkus services, run from its packaged {@code quarkus-app} as a child process. */
public final class ServiceProcess extends SupervisedProcess {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path jar;
    private final Map<String, String> properties;
    private final Path runDir;

    /**
     * @param name       the module name, e.g. {@code ingest-service}
     * @param repository the checkout, holding {@code <name>/target/quarkus-app/quarkus-run.jar}
     * @param port       HTTP port; 0 picks a free one
     * @param properties configuration, passed as system properties (they override application.properties)
     * @param runDir     where its log and pid file go
     */
    public ServiceProcess(String name, Path repository, int port, Map<String, String> properties, Path runDir) {
        this.name = name;
        this.port = StackSettings.resolvePort(port);
        this.jar = repository.resolve(name).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
        this.properties = new TreeMap<>(properties);
        this.runDir = runDir;
    }

    /** The configuration that points a service at a running stack. */
    public static Map<String, String> stackProperties(LocalStack stack) {
        return Map.of(
                "kafka.bootstrap.servers", stack.kafkaBootstrapServers(),
                "quarkus.elasticsearch.hosts", stack.elasticsearchHostAndPort());
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://" + StackSettings.HOST + ":" + port;
    }

    public Path log() {
        return runDir.resolve(name + ".log");
    }

    /** Starts the service and waits until {@code /q/health/ready} is UP. */
    public ServiceProcess start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package -DskipTests)");
        }
        StackSettings.requireFree(port, name);
        List<String> command = new ArrayList<>(List.of(Artifacts.javaExecutable().toString(), "-Xmx512m",
                "-Dai.djl.offline=true", "-Dquarkus.http.port=" + port));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        started(ChildProcess.start(name, command, Map.of("OPT_OUT_TRACKING", "true"), runDir, log()));
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        awaitReady(name, READY_TIMEOUT, () -> HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return this;
    }
}
