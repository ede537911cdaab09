package dev.lambdaworkbook.checker.run.child;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The output of the tests, kept per test up to a byte limit. {@code System.out} and {@code System.err} both write
 * here, so the child's real standard output stays reserved for the results channel.
 */
final class OutputCapture extends OutputStream {

    private final int limit;
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean truncated;

    OutputCapture(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        if (buffer.size() < limit) {
            buffer.write(b);
        } else {
            truncated = true;
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int room = Math.max(0, limit - buffer.size());
        buffer.write(bytes, offset, Math.min(room, length));
        if (length > room) {
            truncated = true;
        }
    }

    /** Returns what was printed since the last call, and starts a new test's capture. */
    synchronized String takeText() {
        String text = buffer.toString(StandardCharsets.UTF_8);
        if (truncated) {
            text += "\n… (salida recortada: se guardan " + limit + " bytes por prueba)";
        }
        buffer = new ByteArrayOutputStream();
        truncated = false;
        return text;
    }
}
