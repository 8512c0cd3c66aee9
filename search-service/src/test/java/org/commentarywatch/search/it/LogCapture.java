package org.commentarywatch.search.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** Every log line of this JVM (the service under test included) while it is open, as it would be written. */
final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record instanceof ExtLogRecord ext ? ext.getFormattedMessage()
                : String.valueOf(record.getMessage()));
        if (record.getThrown() != null) {
            line.append(' ').append(record.getThrown());
        }
        lines.add(line.toString());
    }

    int size() {
        return lines.size();
    }

    void assertNoneContains(String... secrets) {
        for (String line : lines) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), "a log line shows a secret: " + line);
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
