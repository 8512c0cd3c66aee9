package org.commentarywatch.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where and how the local stack runs. Port 0 means "pick a free port" (what tests use).
 *
 * @param dataDir     Kafka log dirs, Elasticsearch data, config and logs, pid files; reachable by the
 *                    unprivileged user that runs Elasticsearch when we are root
 * @param kafkaPort   the broker's client port
 * @param elasticsearchPort the node's HTTP port
 * @param partitions  partitions of each topic created
 * @param topics      topics created once the broker answers
 * @param elasticsearchHeap heap of the node, e.g. {@code 1g}
 */
public record StackSettings(Path dataDir, int kafkaPort, int elasticsearchPort, int partitions, List<String> topics,
                            String elasticsearchHeap) {

    public static final String HOST = "127.0.0.1";
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_ELASTICSEARCH_PORT = 9200;
    public static final int DEFAULT_PARTITIONS = 3;
    /** Under /var/tmp: every directory on the way is world-traversable, which Elasticsearch's user needs. */
    public static final Path DEFAULT_DATA_DIR = Path.of("/var/tmp/commentary-watch");

    public StackSettings {
        topics = List.copyOf(topics);
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
    }

    /** The defaults of the run command. */
    public static StackSettings defaults() {
        return new StackSettings(DEFAULT_DATA_DIR, DEFAULT_KAFKA_PORT, DEFAULT_ELASTICSEARCH_PORT, DEFAULT_PARTITIONS,
                Topics.ALL, "1g");
    }

    /** Free ports and a fresh data directory of its own: a stray process or an earlier run never interferes. */
    public static StackSettings forTests() {
        try {
            Path base = Path.of("/var/tmp");
            Path dir = Files.createTempDirectory(Files.isWritable(base) ? base : Path.of(System.getProperty("java.io.tmpdir")),
                    "commentary-watch-test-");
            return new StackSettings(dir, 0, 0, DEFAULT_PARTITIONS, Topics.ALL, "512m");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public StackSettings withDataDir(Path dir) {
        return new StackSettings(dir, kafkaPort, elasticsearchPort, partitions, topics, elasticsearchHeap);
    }

    public StackSettings withPorts(int kafka, int elasticsearch) {
        return new StackSettings(dataDir, kafka, elasticsearch, partitions, topics, elasticsearchHeap);
    }

    public StackSettings withPartitions(int count) {
        return new StackSettings(dataDir, kafkaPort, elasticsearchPort, count, topics, elasticsearchHeap);
    }

    /** A port that was free a moment ago, or {@code port} itself when it is not 0. */
    static int resolvePort(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(HOST, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails early, with the fix, when something else already listens on a port we were told to use. */
    static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(HOST, port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " for " + what + " is taken by another process; stop it or "
                    + "choose another port (see README, Troubleshooting)", e);
        }
    }
}
