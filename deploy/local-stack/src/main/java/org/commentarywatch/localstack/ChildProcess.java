package org.commentarywatch.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process that cannot outlive its launcher. It runs under {@code watchdog.sh} as the leader of
 * its own process group; the watchdog ends the group when the pipe to our JVM closes, however the JVM
 * ended. A pid file beside its log lets the next start clean up after anything that still escaped.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(25);

    private final String name;
    private final Process process;
    private final OutputStream lifeline;
    private final Path pidFile;
    private final Path log;

    private ChildProcess(String name, Process process, Path pidFile, Path log) {
        this.name = name;
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.pidFile = pidFile;
        this.log = log;
    }

    /**
     * Starts {@code command} with its output appended to {@code log}. {@code runDir} holds the pid file and
     * must be the same directory on every start of the same process, so that a stale group is found.
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path runDir, Path log) {
        try {
            Files.createDirectories(runDir);
            Files.createDirectories(log.getParent());
            Path pidFile = runDir.resolve(name + ".pid");
            killStaleGroup(pidFile);
            List<String> full = new ArrayList<>();
            full.add("setsid");
            full.add("bash");
            full.add(watchdogScript(runDir).toString());
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ChildProcess(name, process, pidFile, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the whole process group: TERM, then KILL after the grace period. Idempotent. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                lifeline.close();
            } catch (IOException ignored) {
                // the watchdog sees the pipe close either way
            }
            try {
                if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                    signalGroup(process.pid(), "KILL");
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                signalGroup(process.pid(), "KILL");
                Thread.currentThread().interrupt();
            }
        }
        // Members of the group that outlived the leader (the watchdog's own sleep, or anything that ignored
        // TERM) still go; wait until the kernel has reaped them so that "stopped" means gone.
        signalGroup(process.pid(), "KILL");
        for (int i = 0; i < 50 && groupAlive(process.pid()); i++) {
            sleep(Duration.ofMillis(100));
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a leftover pid file names a dead group; the next start checks before it kills
        }
    }

    /** Kills the process group without a grace period, as a crash would. For fault tests. */
    public void kill() {
        signalGroup(process.pid(), "KILL");
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void killStaleGroup(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String text = Files.readString(pidFile).trim();
        Files.delete(pidFile);
        if (text.matches("\\d+") && groupAlive(Long.parseLong(text))) {
            System.err.println("[local-stack] stopping process group " + text + " left by an earlier run");
            signalGroup(Long.parseLong(text), "TERM");
            sleep(Duration.ofSeconds(3));
            signalGroup(Long.parseLong(text), "KILL");
        }
    }

    private static boolean groupAlive(long pgid) {
        return run(List.of("kill", "-0", "--", "-" + pgid)) == 0;
    }

    static void signalGroup(long pgid, String signal) {
        run(List.of("kill", "-" + signal, "--", "-" + pgid));
    }

    static int run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path watchdogScript(Path runDir) throws IOException {
        Path script = runDir.resolve("watchdog.sh");
        try (InputStream in = ChildProcess.class.getResourceAsStream("/watchdog.sh")) {
            if (in == null) {
                throw new IllegalStateException("watchdog.sh missing from the local-stack jar");
            }
            Files.write(script, in.readAllBytes());
        }
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
