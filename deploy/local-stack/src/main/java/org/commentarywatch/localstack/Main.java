package org.commentarywatch.localstack;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The launcher behind the run command.
 *
 * <pre>
 * run    start Kafka, Elasticsearch and the three services, import a corpus, print where to look; Ctrl-C stops all
 * stack  start only Kafka and Elasticsearch (for running a service from an IDE or with quarkus:dev)
 * wipe   delete the data directory (stop the stack first)
 * </pre>
 */
public final class Main {

    static final List<String> SERVICES = List.of("ingest-service", "enrich-service", "search-service");
    static final Map<String, Integer> DEFAULT_PORTS = Map.of("ingest-service", 8081, "enrich-service", 8082, "search-service", 8083);

    private Main() {
    }

    public static void main(String[] args) {
        Deque<String> rest = new ArrayDeque<>(List.of(args));
        String command = rest.isEmpty() ? "help" : rest.pop();
        Options options;
        try {
            options = Options.parse(rest);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            usage();
            System.exit(2);
            return;
        }
        try {
            switch (command) {
                case "run" -> run(options, true);
                case "stack" -> run(options, false);
                case "wipe" -> {
                    LocalStack.wipe(options.settings());
                    System.out.println("wiped " + options.settings().dataDir());
                }
                default -> usage();
            }
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Options options, boolean withServices) {
        if (options.wipe()) {
            LocalStack.wipe(options.settings());
        }
        StackSettings settings = options.settings();
        say("starting Kafka and Elasticsearch (data in " + settings.dataDir() + ") ...");
        long started = System.nanoTime();
        List<AutoCloseable> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        LocalStack stack = LocalStack.start(settings);
        running.add(stack);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping ...");
            for (int i = running.size() - 1; i >= 0; i--) {
                try {
                    running.get(i).close();
                } catch (Exception e) {
                    System.err.println("while stopping: " + e.getMessage());
                }
            }
            say("stopped; data kept in " + settings.dataDir() + " (wipe it with the 'wipe' command)");
            stopped.countDown();
        }, "run-shutdown"));
        say(String.format("Kafka at %s, Elasticsearch at %s (%.0f s)", stack.kafkaBootstrapServers(), stack.elasticsearchUrl(),
                (System.nanoTime() - started) / 1e9));
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        if (withServices) {
            Path logs = settings.dataDir().resolve("services");
            for (String name : SERVICES) {
                say("starting " + name + " ...");
                ServiceProcess service = new ServiceProcess(name, options.repository(), DEFAULT_PORTS.get(name),
                        ServiceProcess.stackProperties(stack), logs);
                running.add(service);
                service.start();
                services.put(name, service);
            }
            if (options.corpus() != null) {
                new CorpusImporter(services.get("ingest-service").url(), services.get("search-service").url())
                        .importDirectory(options.corpus());
            }
        }
        System.out.println();
        System.out.println("commentary watch is running. Where to look:");
        System.out.println("  search        " + (withServices ? services.get("search-service").url() + "/api/search?q=alliance" : "-"));
        for (ServiceProcess service : services.values()) {
            System.out.printf("  %-13s %s/q/swagger-ui   health %s/q/health/ready   log %s%n", service.name(), service.url(),
                    service.url(), service.log());
        }
        System.out.println("  Kafka         " + stack.kafkaBootstrapServers() + "   topics " + String.join(", ", settings.topics()));
        System.out.println("  Elasticsearch " + stack.elasticsearchUrl() + "/commentary/_search");
        System.out.println("Press Ctrl-C to stop everything.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(String line) {
        System.out.println("[commentary-watch] " + line);
    }

    private static void usage() {
        System.out.println("""
                usage: java -jar deploy/local-stack/target/local-stack.jar <command> [options]
                commands:
                  run     Kafka, Elasticsearch, the three services, corpus import; Ctrl-C stops everything
                  stack   Kafka and Elasticsearch only
                  wipe    delete the data directory (stop first)
                options:
                  --data-dir DIR        default /var/tmp/commentary-watch
                  --kafka-port N        default 9092
                  --es-port N           default 9200
                  --partitions N        partitions per topic, default 3
                  --corpus DIR          texts + labels.json to import (run); --no-corpus to skip
                  --repository DIR      the checkout holding the built services, default .
                  --wipe                start from empty data
                """);
    }

    record Options(StackSettings settings, Path corpus, Path repository, boolean wipe) {

        static Options parse(Deque<String> args) {
            StackSettings settings = StackSettings.defaults();
            Path corpus = Path.of("..", "shared", "corpus");
            Path repository = Path.of(".");
            boolean wipe = false;
            while (!args.isEmpty()) {
                String arg = args.pop();
                switch (arg) {
                    case "--data-dir" -> settings = settings.withDataDir(Path.of(value(arg, args)).toAbsolutePath());
                    case "--kafka-port" -> settings = settings.withPorts(intValue(arg, args), settings.elasticsearchPort());
                    case "--es-port" -> settings = settings.withPorts(settings.kafkaPort(), intValue(arg, args));
                    case "--partitions" -> settings = settings.withPartitions(intValue(arg, args));
                    case "--corpus" -> corpus = Path.of(value(arg, args));
                    case "--no-corpus" -> corpus = null;
                    case "--repository" -> repository = Path.of(value(arg, args));
                    case "--wipe" -> wipe = true;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return new Options(settings, corpus, repository.toAbsolutePath().normalize(), wipe);
        }

        private static String value(String option, Deque<String> args) {
            if (args.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.pop();
        }

        private static int intValue(String option, Deque<String> args) {
            String v = value(option, args);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes a number, not " + v);
            }
        }
    }
}
