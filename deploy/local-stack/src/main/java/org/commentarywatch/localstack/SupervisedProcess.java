package org.commentarywatch.localstack;

import java.time.Duration;
import java.time.Instant;

/** Something the stack runs as a {@link ChildProcess} and waits for: Kafka, Elasticsearch, a service. */
abstract class SupervisedProcess implements AutoCloseable {

    /** Answers whether the process serves yet; an exception means "not yet" and is reported if it never does. */
    @FunctionalInterface
    interface ReadinessProbe {
        boolean ready() throws Exception;
    }

    private ChildProcess process;

    protected final void started(ChildProcess child) {
        this.process = child;
    }

    /** Polls {@code probe} until it answers, the process dies, or {@code timeout} passes; fails with the log to read. */
    protected final void awaitReady(String what, Duration timeout, ReadinessProbe probe) {
        Instant deadline = Instant.now().plus(timeout);
        String lastError = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited during start-up; see " + process.log());
            }
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            } catch (Exception e) {
                lastError = String.valueOf(e.getMessage());
            }
            ChildProcess.sleep(Duration.ofMillis(300));
        }
        throw new IllegalStateException(what + " was not ready within " + timeout.toSeconds() + " s (" + lastError + "); see "
                + process.log());
    }

    /** Ends the process group abruptly, as a crash would. For fault tests; starting again brings it back. */
    public void kill() {
        if (process != null) {
            process.kill();
            process.close();
            process = null;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
            process = null;
        }
    }
}
