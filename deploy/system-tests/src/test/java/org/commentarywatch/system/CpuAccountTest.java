package org.commentarywatch.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class CpuAccountTest {

    @Test
    void statFieldsAreReadAfterTheLastParenthesisSoACommandNameWithSpacesAndParenthesesDoesNotShiftThem() {
        String line = "4242 (java (x) y) S 4200 4100 4100 0 -1 4194560 93 0 0 0 1234 56 78 9 20 0 40 0 1717 0 0";
        assertArrayEquals(new long[] { 4100, 1234, 56, 78, 9 }, CpuAccount.parseStat(line));
    }

    @Test
    void systemBusyTimeCountsUserNiceSystemIrqSoftirqAndStealButNotIdleOrIowait() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        assertEquals(1 + 2 + 3 + 6 + 7 + 8, CpuAccount.parseSystemBusy("cpu  1 2 3 1000 500 6 7 8 40 50"));
    }

    @Test
    void otherIsTheMachinesBusyTimeThatNoListedProcessUsed() {
        CpuAccount.Snapshot before = new CpuAccount.Snapshot(0, Map.of("elasticsearch", 10.0, CpuAccount.BENCHMARK, 2.0), Map.of(), 100.0);
        CpuAccount.Snapshot after = new CpuAccount.Snapshot(1, Map.of("elasticsearch", 13.0, CpuAccount.BENCHMARK, 2.5), Map.of(), 110.0);
        Map<String, Double> used = after.since(before);
        assertEquals(3.0, used.get("elasticsearch"), 1e-9);
        assertEquals(0.5, used.get(CpuAccount.BENCHMARK), 1e-9);
        assertEquals(6.5, used.get(CpuAccount.OTHER), 1e-9);
        assertEquals(10.0, used.get(CpuAccount.SYSTEM), 1e-9);
    }

    @Test
    void aProcessRestartedBetweenSnapshotsIsChargedWhatTheNewProcessUsedNotANegativeAmount() {
        CpuAccount.Snapshot before = new CpuAccount.Snapshot(0, Map.of("enrich-service", 50.0), Map.of("enrich-service", 9.0), 100.0);
        CpuAccount.Snapshot after = new CpuAccount.Snapshot(1, Map.of("enrich-service", 4.0), Map.of("enrich-service", 1.0), 120.0);
        assertEquals(4.0, after.since(before).get("enrich-service"), 1e-9);
        assertEquals(1.0, after.jitSince(before).get("enrich-service"), 1e-9);
    }

    @Test
    void onlyHotSpotsJitCompilerThreadsCountAsJit() {
        assertTrue(CpuAccount.isCompilerThread("C2 CompilerThre"));
        assertTrue(CpuAccount.isCompilerThread("C1 CompilerThre"));
        assertFalse(CpuAccount.isCompilerThread("GC Thread#0"));
        assertFalse(CpuAccount.isCompilerThread("elasticsearch[l"));
    }

    @Test
    void aJvmThatHasJustLoadedAndRunNewCodeShowsJitCompilerTime() {
        // This JVM compiled the test framework and this class's callers: its compiler threads have used CPU.
        assertTrue(CpuAccount.compilerTicks(java.nio.file.Path.of("/proc/self")) > 0);
    }

    @Test
    void aChildGroupIsChargedTheCpuOfItsMembersIncludingOnesThatAlreadyExited() throws Exception {
        // setsid makes the shell the leader of a new group (pgid = its pid), as the local stack's watchdog is; the
        // busy loop runs in a subshell that exits before we look, so its time is only in the leader's cutime.
        Process group = new ProcessBuilder("setsid", "bash", "-c",
                "( i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done ); sleep 30").start();
        try {
            CpuAccount account = new CpuAccount(Map.of("busy", group.pid()));
            long deadline = System.nanoTime() + 60_000_000_000L;
            double seconds = 0;
            while (System.nanoTime() < deadline && seconds < 0.2) {
                Thread.sleep(200);
                seconds = account.snapshot().seconds().get("busy");
            }
            assertTrue(seconds >= 0.2, "the group's CPU seconds: " + seconds);
        } finally {
            group.destroyForcibly();
            group.waitFor();
        }
    }

    @Test
    void theLiveAccountSeesThisJvmsOwnCpuGrowWhenItWorks() {
        CpuAccount account = new CpuAccount(Map.of());
        CpuAccount.Snapshot before = account.snapshot();
        long sink = 0;
        long until = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < until) {
            sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
        }
        Map<String, Double> used = account.snapshot().since(before);
        assertTrue(used.get(CpuAccount.BENCHMARK) > 0.05, "benchmark JVM used " + used + " (" + sink + ")");
        assertTrue(used.get(CpuAccount.SYSTEM) >= used.get(CpuAccount.BENCHMARK) * 0.5, used.toString());
    }
}
