package org.commentarywatch.system;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;

/**
 * CPU time of every process the benchmark involves, read from the kernel rather than from the processes themselves,
 * so that Elasticsearch and Kafka (which publish no comparable metric) are counted the same way as the services.
 * <p>
 * Each child of the local stack runs as the leader of its own process group ({@code ChildProcess}); a group's CPU
 * is the sum over its live members of {@code utime + stime + cutime + cstime} from {@code /proc/<pid>/stat}: the
 * {@code c*} fields keep the time of members that already exited (Elasticsearch's start-up helpers), so the sum never
 * goes backwards while the group lives. The benchmark JVM reads its own CPU from {@link OperatingSystemMXBean}; the
 * machine's busy time comes from {@code /proc/stat}, and what no listed process used is reported as "other" (the
 * Maven JVM that forked the benchmark, other users of the machine, the kernel's own work).
 * <p>
 * Of each process it also reads the share of its JIT compiler threads ({@code C1/C2 CompilerThread*} in
 * {@code /proc/<pid>/task/<tid>/comm}): every JVM here starts cold, and a short run pays for compiling the hot code of
 * Elasticsearch, Kafka and the services, which a long-running installation paid for once. Compiler threads that the
 * JVM retired in between are missed, so it is a lower bound.
 */
final class CpuAccount {

    static final String BENCHMARK = "benchmark-jvm";
    static final String OTHER = "other";
    static final String SYSTEM = "system-total";
    /** USER_HZ, the unit of /proc's CPU times. */
    private static final double TICKS_PER_SECOND = clockTicks();

    /** CPU seconds per process name (and of its JIT compiler threads) at one instant, the machine's busy seconds. */
    record Snapshot(long nanos, Map<String, Double> seconds, Map<String, Double> jitSeconds, double systemBusySeconds) {

        /** What each process's JIT compiler threads used from {@code earlier} to this snapshot, in CPU seconds. */
        Map<String, Double> jitSince(Snapshot earlier) {
            Map<String, Double> used = new LinkedHashMap<>();
            jitSeconds.forEach((name, now) -> {
                Double before = earlier.jitSeconds().get(name);
                used.put(name, before == null || now < before ? now : now - before);
            });
            return used;
        }

        /** What each process (and "other") used from {@code earlier} to this snapshot, in CPU seconds. */
        Map<String, Double> since(Snapshot earlier) {
            Map<String, Double> used = new LinkedHashMap<>();
            double listed = 0;
            for (Map.Entry<String, Double> entry : seconds.entrySet()) {
                Double before = earlier.seconds().get(entry.getKey());
                // A process restarted in between (fault tests) starts again from 0: count what the new one used.
                double delta = before == null || entry.getValue() < before ? entry.getValue() : entry.getValue() - before;
                used.put(entry.getKey(), delta);
                listed += delta;
            }
            double system = systemBusySeconds - earlier.systemBusySeconds();
            used.put(OTHER, Math.max(0, system - listed));
            used.put(SYSTEM, system);
            return used;
        }
    }

    private final Map<String, Long> groups;
    private final OperatingSystemMXBean self =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** @param groups process name → process group id of that child (its watchdog's pid) */
    CpuAccount(Map<String, Long> groups) {
        this.groups = Map.copyOf(groups);
    }

    Snapshot snapshot() {
        Map<String, Double> ticks = new LinkedHashMap<>();
        Map<String, Double> jitTicks = new LinkedHashMap<>();
        groupTicks(ticks, jitTicks);
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Double> jit = new LinkedHashMap<>();
        groups.keySet().stream().sorted().forEach(name -> {
            seconds.put(name, ticks.getOrDefault(name, 0.0) / TICKS_PER_SECOND);
            jit.put(name, jitTicks.getOrDefault(name, 0.0) / TICKS_PER_SECOND);
        });
        seconds.put(BENCHMARK, self.getProcessCpuTime() / 1e9);
        jit.put(BENCHMARK, compilerTicks(Path.of("/proc/self")) / TICKS_PER_SECOND);
        return new Snapshot(System.nanoTime(), seconds, jit, systemBusyTicks() / TICKS_PER_SECOND);
    }

    /** One pass over /proc: the ticks of every member of each watched group, and of its JIT compiler threads. */
    private void groupTicks(Map<String, Double> ticks, Map<String, Double> jitTicks) {
        Map<Long, String> byGroup = new LinkedHashMap<>();
        groups.forEach((name, pgid) -> byGroup.put(pgid, name));
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                long[] fields = stat(entry.resolve("stat"));
                if (fields.length == 0) {
                    continue;
                }
                String name = byGroup.get(fields[0]);
                if (name != null) {
                    ticks.merge(name, (double) (fields[1] + fields[2] + fields[3] + fields[4]), Double::sum);
                    jitTicks.merge(name, compilerTicks(entry), Double::sum);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: CPU accounting needs Linux", e);
        }
    }

    /** utime + stime of the HotSpot JIT compiler threads of one process (none: 0). */
    static double compilerTicks(Path process) {
        double ticks = 0;
        try (Stream<Path> tasks = Files.list(process.resolve("task"))) {
            for (Path task : tasks.toList()) {
                String comm;
                try {
                    comm = Files.readString(task.resolve("comm")).strip();
                } catch (IOException e) {
                    continue;
                }
                if (isCompilerThread(comm)) {
                    long[] fields = stat(task.resolve("stat"));
                    if (fields.length > 0) {
                        ticks += fields[1] + fields[2];
                    }
                }
            }
        } catch (IOException e) {
            // the process ended while we looked
        }
        return ticks;
    }

    /** HotSpot names them "C2 CompilerThread0", "C1 CompilerThread1"; the kernel keeps the first 15 bytes. */
    static boolean isCompilerThread(String comm) {
        return comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre");
    }

    /** pgrp, utime, stime, cutime, cstime of one process; empty when it exited while we looked. */
    static long[] stat(Path stat) {
        String text;
        try {
            text = Files.readString(stat);
        } catch (IOException e) {
            // gone between listing /proc and reading it: its time went to its parent's cutime, if that is ours
            return new long[0];
        }
        return parseStat(text);
    }

    /**
     * Fields after the command name, which is in parentheses and may itself hold spaces and ')': the third field
     * after it is pgrp, the 12th to 15th are utime, stime, cutime, cstime (proc(5), counted from state = 1).
     */
    static long[] parseStat(String text) {
        String[] after = text.substring(text.lastIndexOf(')') + 2).trim().split("\\s+");
        return new long[] { Long.parseLong(after[2]), Long.parseLong(after[11]), Long.parseLong(after[12]),
                Long.parseLong(after[13]), Long.parseLong(after[14]) };
    }

    /** user + nice + system + irq + softirq + steal of the "cpu" line of /proc/stat (guest time is inside user). */
    static double systemBusyTicks() {
        try {
            return parseSystemBusy(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat", e);
        }
    }

    static double parseSystemBusy(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        long busy = 0;
        for (int i : List.of(1, 2, 3, 6, 7, 8)) {
            if (i < f.length) {
                busy += Long.parseLong(f[i]);
            }
        }
        return busy;
    }

    private static double clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 && out.matches("\\d+") ? Double.parseDouble(out) : 100;
        } catch (IOException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
