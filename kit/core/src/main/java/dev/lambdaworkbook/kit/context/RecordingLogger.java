package dev.lambdaworkbook.kit.context;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LambdaLogger} that writes each message to the current {@code System.out}, as the runtime writes to the
 * function's log stream, and also keeps the messages so tests can check them.
 *
 * <p>In Lambda each call becomes its own log event, shown on its own line in CloudWatch, so a message without a
 * trailing line break is printed with one. {@link #messages()} keeps each message exactly as logged.
 */
public final class RecordingLogger implements LambdaLogger {

    private final List<String> messages = new ArrayList<>();

    @Override
    public synchronized void log(String message) {
        String text = String.valueOf(message);
        messages.add(text);
        System.out.print(text.endsWith("\n") ? text : text + System.lineSeparator());
        System.out.flush();
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel level) {
        log(message);
    }

    /** Returns a copy of the messages logged so far, in order. */
    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    /** Returns every message logged so far, joined without separators, as they appear in the log stream. */
    public synchronized String text() {
        return String.join("", messages);
    }
}
