package org.commentarywatch.localstack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void closingStopsTheWholeProcessGroupIncludingGrandchildren() {
        ChildProcess child = ChildProcess.start("sleepers", List.of("bash", "-c", "sleep 300 & sleep 300; wait"), Map.of(), dir,
                dir.resolve("sleepers.log"));
        long group = child.pid();
        assertTrue(eventually(() -> groupAlive(group), Duration.ofSeconds(5)), "group never started");

        child.close();

        assertFalse(groupAlive(group), "processes of the group outlived close()");
        assertFalse(Files.exists(dir.resolve("sleepers.pid")), "pid file left behind");
    }

    @Test
    void theGroupEndsWhenTheLauncherIsKilledWithoutAChanceToCleanUp() throws Exception {
        Process launcher = new ProcessBuilder(Artifacts.javaExecutable().toString(), "-cp", System.getProperty("java.class.path"),
                LauncherThatCrashes.class.getName(), dir.toString()).redirectErrorStream(true).start();
        long group;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream()))) {
            group = Long.parseLong(out.readLine().trim());
        }
        assertTrue(groupAlive(group));

        ChildProcess.run(List.of("kill", "-KILL", Long.toString(launcher.pid())));
        launcher.waitFor(10, TimeUnit.SECONDS);

        assertTrue(eventually(() -> !groupAlive(group), Duration.ofSeconds(30)), "child survived its launcher's kill -9");
    }

    @Test
    void aGroupLeftByAnEarlierRunIsStoppedBeforeTheNextStart() throws Exception {
        Process orphan = new ProcessBuilder("setsid", "sleep", "300").start();
        Files.writeString(dir.resolve("worker.pid"), Long.toString(orphan.pid()));

        try (ChildProcess next = ChildProcess.start("worker", List.of("sleep", "300"), Map.of(), dir, dir.resolve("worker.log"))) {
            assertTrue(eventually(() -> !orphan.isAlive(), Duration.ofSeconds(10)), "stale group still running");
            assertTrue(next.isAlive());
        }
    }

    static boolean groupAlive(long pgid) {
        return ChildProcess.run(List.of("kill", "-0", "--", "-" + pgid)) == 0;
    }

    static boolean eventually(java.util.function.BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            ChildProcess.sleep(Duration.ofMillis(100));
        }
        return condition.getAsBoolean();
    }

    /** Starts a child, prints its process group and waits to be killed. */
    public static final class LauncherThatCrashes {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            ChildProcess child = ChildProcess.start("orphan-candidate", List.of("sleep", "300"), Map.of(), dir, dir.resolve("c.log"));
            System.out.println(child.pid());
            System.out.flush();
            Thread.sleep(300_000);
        }
    }
}
