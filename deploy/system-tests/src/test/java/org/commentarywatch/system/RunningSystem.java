package org.commentarywatch.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commentarywatch.localstack.LocalStack;
import org.commentarywatch.localstack.ServiceProcess;
import org.commentarywatch.localstack.StackSettings;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The local stack and the three packaged services, started once for every system-test class of the test JVM
 * that asks for it, and stopped when the last test has run (it lives in JUnit's root store).
 * <p>
 * Use it with {@code @ExtendWith(RunningSystem.Extension.class)} and a {@code RunningSystem} parameter on a
 * {@code @BeforeAll} or test method. Stopping it stops the services, the stack, wipes the data directory, and
 * fails the run if any process group it started is still alive.
 */
public final class RunningSystem implements AutoCloseable {

    public static final List<String> SERVICES = List.of("ingest-service", "enrich-service", "search-service");

    /**
     * Configuration one service gets on top of the stack's addresses. search-service may call webhook receivers on
     * loopback, where the system tests run theirs ({@code AlertEndToEndIT}).
     */
    static final Map<String, Map<String, String>> SERVICE_PROPERTIES = Map.of(
            "search-service", Map.of("commentary.webhooks.allowed-hosts", StackSettings.HOST));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackSettings settings;
    private final List<ServiceProcess> services = new ArrayList<>();
    private LocalStack stack;

    private RunningSystem(StackSettings settings) {
        this.settings = settings;
    }

    /** The checkout: where each service's {@code target/quarkus-app} and the deployment files are. */
    public static Path repository() {
        return Path.of(System.getProperty("commentary-test.repository", "../.."));
    }

    static RunningSystem start() {
        RunningSystem system = new RunningSystem(StackSettings.forTests());
        Path logs = system.settings.dataDir().resolve("services");
        try {
            system.stack = LocalStack.start(system.settings);
            for (String name : SERVICES) {
                Map<String, String> properties = new HashMap<>(ServiceProcess.stackProperties(system.stack));
                properties.putAll(SERVICE_PROPERTIES.getOrDefault(name, Map.of()));
                if (name.equals("search-service")) {
                    // Its generated key stays with the throw-away data, not in the user's home directory.
                    properties.put("commentary.webhooks.secret-key-file",
                            system.settings.dataDir().resolve("webhook-secret.key").toString());
                }
                ServiceProcess service = new ServiceProcess(name, repository(), 0, properties, logs);
                system.services.add(service);
                service.start();
            }
            return system;
        } catch (RuntimeException e) {
            // The data directory (and the service logs in it) is wiped below: keep the end of each log in the failure.
            for (String name : SERVICES) {
                Path log = logs.resolve(name + ".log");
                if (Files.isRegularFile(log)) {
                    e.addSuppressed(new IllegalStateException("last lines of " + name + ".log:\n" + tail(log, 60)));
                }
            }
            try {
                system.close();
            } catch (RuntimeException | AssertionError suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    public LocalStack stack() {
        return stack;
    }

    public StackSettings settings() {
        return settings;
    }

    public ServiceProcess ingest() {
        return services.get(0);
    }

    public ServiceProcess enrich() {
        return services.get(1);
    }

    public ServiceProcess search() {
        return services.get(2);
    }

    public String elasticsearchUrl() {
        return stack.elasticsearchUrl();
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** Waits until every service answers {@code /q/health/ready} with 200 (after a fault test, before the next). */
    public void awaitAllReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (ServiceProcess service : services) {
            HttpRequest ready = HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            String last = "no answer";
            while (true) {
                try {
                    HttpResponse<String> response = HTTP.send(ready, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        break;
                    }
                    last = response.statusCode() + " " + response.body();
                } catch (IOException e) {
                    last = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + service.name(), e);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(service.name() + " not ready within " + timeout.toSeconds() + " s: " + last);
                }
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /**
     * The process group of each child that runs now (name → group id), from the pid files the launcher writes: each
     * child is the leader of its own group, and Elasticsearch and Kafka are children of the stack, not of this JVM.
     */
    public Map<String, Long> processGroups() {
        Map<String, String> pidFiles = new LinkedHashMap<>();
        SERVICES.forEach(name -> pidFiles.put(name, "services/" + name + ".pid"));
        pidFiles.put("elasticsearch", "elasticsearch.pid");
        pidFiles.put("kafka", "kafka/kafka.pid");
        Map<String, Long> groups = new LinkedHashMap<>();
        pidFiles.forEach((name, pidFile) -> {
            Path file = settings.dataDir().resolve(pidFile);
            try {
                if (Files.exists(file)) {
                    groups.put(name, Long.parseLong(Files.readString(file).trim()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return groups;
    }

    /** Stops everything it started and asserts that nothing is left running. */
    @Override
    public void close() {
        Set<Long> groups = new HashSet<>(processGroups().values());
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        if (stack != null) {
            stack.close();
        }
        keepServiceLogs();
        LocalStack.wipe(settings);
        List<Long> alive = groups.stream().filter(RunningSystem::groupAlive).toList();
        if (!alive.isEmpty()) {
            throw new AssertionError("process groups " + alive + " still running after the system tests");
        }
    }

    /** The data directory is wiped: the services' logs go to {@code target/service-logs} so a failure can be read. */
    private void keepServiceLogs() {
        Path logs = settings.dataDir().resolve("services");
        Path kept = Path.of("target", "service-logs");
        try {
            Files.createDirectories(kept);
            for (String name : SERVICES) {
                Path log = logs.resolve(name + ".log");
                if (Files.isRegularFile(log)) {
                    Files.copy(log, kept.resolve(name + ".log"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            System.err.println("[RunningSystem] could not keep the service logs: " + e);
        }
    }

    private static boolean groupAlive(long pgid) {
        try {
            return new ProcessBuilder("kill", "-0", "--", "-" + pgid).start().waitFor() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Resolves {@link RunningSystem} parameters with the one instance of the test run. */
    public static final class Extension implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSystem.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningSystem.class;
        }

        /** A failed start is not retried by every later test class: they fail at once with the same cause. */
        private static RuntimeException startFailure;

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            synchronized (Extension.class) {
                if (startFailure != null) {
                    throw new IllegalStateException("the system did not start for an earlier test class", startFailure);
                }
                try {
                    // The root store outlives every test class and closes its AutoCloseable values when the run ends.
                    return context.getRoot().getStore(NAMESPACE)
                            .computeIfAbsent(RunningSystem.class, key -> RunningSystem.start(), RunningSystem.class);
                } catch (RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
            }
        }
    }
}
