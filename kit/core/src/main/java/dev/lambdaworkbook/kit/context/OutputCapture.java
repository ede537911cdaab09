package dev.lambdaworkbook.kit.context;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what a handler prints to {@code System.out} and {@code System.err}, including what a
 * {@link RecordingLogger} writes, and restores both streams on {@link #close()}.
 *
 * <pre>{@code
 * try (OutputCapture output = OutputCapture.start()) {
 *     handler.handleRequest(event, context);
 *     assertTrue(output.stdout().contains("Hola"));
 * }
 * }</pre>
 */
public final class OutputCapture implements AutoCloseable {

    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private boolean closed;

    private OutputCapture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    public static OutputCapture start() {
        return new OutputCapture();
    }

    public String stdout() {
        System.out.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    public String stderr() {
        System.err.flush();
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Returns standard output followed by standard error. */
    public String all() {
        return stdout() + stderr();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }
}
