package org.commentarywatch.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A single Elasticsearch node from the integ-test-zip distribution. The distribution is unpacked once into
 * a shared, read-only place; each node gets its own config, data, logs and temp directories. Elasticsearch
 * refuses to run as root, so when we are root it runs as {@value #SERVICE_USER} through {@code runuser}.
 */
public final class ElasticsearchNode extends SupervisedProcess {

    static final String SERVICE_USER = "commentary-es";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Path DISTRIBUTIONS = Path.of("/var/tmp/commentary-watch-dist");

    private final Path dir;
    private final int port;
    private final int transportPort;
    private final String heap;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ElasticsearchNode(Path dir, int port, String heap) {
        this.dir = dir;
        this.port = port;
        this.transportPort = StackSettings.resolvePort(0);
        this.heap = heap;
    }

    /** {@code host:port}, the form Quarkus' {@code quarkus.elasticsearch.hosts} takes. */
    public String hostAndPort() {
        return StackSettings.HOST + ":" + port;
    }

    public String url() {
        return "http://" + hostAndPort();
    }

    public int port() {
        return port;
    }

    public void start() {
        StackSettings.requireFree(port, "Elasticsearch");
        try {
            Path home = distribution();
            Path config = writeConfig(home);
            boolean root = isRoot();
            if (root) {
                ensureServiceUser();
                makeTraversable(dir);
                ChildProcess.run(List.of("chown", "-R", SERVICE_USER, dir.resolve("elasticsearch").toString()));
            }
            List<String> command = new ArrayList<>();
            if (root) {
                command.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
            }
            command.add(home.resolve("bin").resolve("elasticsearch").toString());
            Map<String, String> env = Map.of(
                    "ES_JAVA_HOME", System.getenv().getOrDefault("ES_JAVA_HOME", Artifacts.javaHome().toString()),
                    "ES_PATH_CONF", config.toString(),
                    "ES_TMPDIR", dir.resolve("elasticsearch").resolve("tmp").toString());
            started(ChildProcess.start("elasticsearch", command, env, dir, dir.resolve("elasticsearch").resolve("logs").resolve("stdout.log")));
            HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
                    .timeout(Duration.ofSeconds(5)).build();
            awaitReady("Elasticsearch", STARTUP_TIMEOUT,
                    () -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path writeConfig(Path home) throws IOException {
        Path node = dir.resolve("elasticsearch");
        Path config = node.resolve("config");
        for (String sub : List.of("data", "logs", "tmp")) {
            Files.createDirectories(node.resolve(sub));
        }
        Files.createDirectories(config.resolve("jvm.options.d"));
        try (Stream<Path> files = Files.list(home.resolve("config"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, config.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.write(config.resolve("elasticsearch.yml"), List.of(
                "cluster.name: commentary-watch-local",
                "node.name: local",
                "network.host: " + StackSettings.HOST,
                "http.port: " + port,
                "transport.port: " + transportPort,
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                "path.data: " + node.resolve("data"),
                "path.logs: " + node.resolve("logs"),
                // The local disk is shared with everything else on the machine: do not go read-only at 95 %.
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.destructive_requires_name: false"));
        Files.write(config.resolve("jvm.options.d").resolve("heap.options"), List.of("-Xms" + heap, "-Xmx" + heap));
        return config;
    }

    /** Unpacks the distribution once per version; concurrent starts race safely through an atomic rename. */
    private static Path distribution() throws IOException {
        String version = Artifacts.elasticsearchVersion();
        Path home = DISTRIBUTIONS.resolve("elasticsearch-" + version);
        if (Files.isExecutable(home.resolve("bin").resolve("elasticsearch"))) {
            return home;
        }
        Files.createDirectories(DISTRIBUTIONS);
        Files.setPosixFilePermissions(DISTRIBUTIONS, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path staging = Files.createTempDirectory(DISTRIBUTIONS, "unpack-");
        unzip(Artifacts.elasticsearchZip(), staging);
        try {
            Files.move(staging.resolve("elasticsearch-" + version), home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            // another start won the race; its copy is as good as ours
        } catch (IOException e) {
            if (!Files.exists(home)) {
                throw e;
            }
        }
        deleteTree(staging);
        return home;
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                if (out.getParent().getFileName().toString().equals("bin") || out.toString().contains("/platform/")) {
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
        try (Stream<Path> all = Files.walk(target)) {
            for (Path p : all.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            try (InputStream in = id.getInputStream()) {
                return new String(in.readAllBytes()).trim().equals("0");
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static void ensureServiceUser() {
        if (ChildProcess.run(List.of("id", "-u", SERVICE_USER)) != 0) {
            int created = ChildProcess.run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER));
            if (created != 0 && ChildProcess.run(List.of("id", "-u", SERVICE_USER)) != 0) {
                throw new IllegalStateException("running as root, and could not create the user '" + SERVICE_USER
                        + "' that Elasticsearch needs (useradd failed); create it, or run as an ordinary user");
            }
        }
    }

    /** Elasticsearch's user must traverse every directory down to its own files. */
    private static void makeTraversable(Path path) throws IOException {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                if (p.equals(path.toAbsolutePath())) {
                    perms.add(PosixFilePermission.OTHERS_EXECUTE);
                    Files.setPosixFilePermissions(p, perms);
                } else {
                    throw new IllegalStateException("Elasticsearch runs as '" + SERVICE_USER + "' and cannot reach " + path
                            + " because " + p + " is not world-traversable; choose a data directory under /var/tmp or /tmp");
                }
            }
        }
    }
}
