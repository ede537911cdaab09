package dev.lambdaworkbook.runner.invoke;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The log of the invocation in progress: the function's output and Lambda's own lines, in arrival order. Each piece
 * also goes at once to an optional live consumer, for commands that keep running and show the log as it happens.
 */
final class LogBuffer {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Consumer<String> live;

    LogBuffer(Consumer<String> live) {
        this.live = live;
    }

    synchronized void append(byte[] output) {
        bytes.writeBytes(output);
        if (live != null) {
            live.accept(new String(output, StandardCharsets.UTF_8));
        }
    }

    synchronized void append(String line) {
        append(line.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns everything logged since the last call and empties the buffer. */
    synchronized String take() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return text;
    }
}
