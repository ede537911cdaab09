package dev.lambdaworkbook.runner.child;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The framed messages between the runner and the child JVM that runs the handler, over the child's standard input
 * and output. Each frame is a type byte, a 4-byte length and that many bytes.
 *
 * <p>The child's {@code System.out} and {@code System.err} travel as {@link #LOG} frames on the same stream as the
 * result, so the runner sees every line a handler printed before the result that follows it.
 */
public final class Protocol {

    /** Runner to child: run one invocation. Body: request id, deadline in epoch milliseconds, payload. */
    public static final byte INVOKE = 1;
    /** Child to runner: bytes the function wrote to its log. */
    public static final byte LOG = 10;
    /** Child to runner: the handler is loaded and the child waits for invocations. */
    public static final byte READY = 11;
    /** Child to runner: loading the handler failed for good. Body: the error JSON; the child then exits. */
    public static final byte INIT_ERROR = 12;
    /** Child to runner: the invocation finished. Body: success flag, response or error JSON, memory estimate. */
    public static final byte RESULT = 13;

    private Protocol() {
    }

    /** One frame read from a stream. */
    public record Frame(byte type, byte[] body) {
    }

    /** Writes frames; safe to share between the threads of the child. */
    public static final class Writer {
        private final DataOutputStream out;

        public Writer(OutputStream out) {
            this.out = new DataOutputStream(out);
        }

        public synchronized void write(byte type, byte[] body) {
            try {
                out.writeByte(type);
                out.writeInt(body.length);
                out.write(body);
                out.flush();
            } catch (IOException closed) {
                throw new UncheckedIOException(closed);
            }
        }
    }

    /** Reads frames; returns null at the end of the stream. */
    public static Frame read(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        int length = in.readInt();
        byte[] body = new byte[length];
        in.readFully(body);
        return new Frame((byte) type, body);
    }

    /** The body of an {@link #INVOKE} frame. */
    public record Invoke(String requestId, long deadlineEpochMillis, byte[] payload) {

        public byte[] encode() {
            return Bodies.write(out -> {
                out.writeUTF(requestId);
                out.writeLong(deadlineEpochMillis);
                out.writeInt(payload.length);
                out.write(payload);
            });
        }

        public static Invoke decode(byte[] body) {
            return Bodies.read(body, in -> {
                String requestId = in.readUTF();
                long deadline = in.readLong();
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                return new Invoke(requestId, deadline, payload);
            });
        }
    }

    /** The body of a {@link #RESULT} frame; {@code memoryUsedBytes} is the child's own estimate of its footprint. */
    public record Result(boolean success, byte[] payload, long memoryUsedBytes) {

        public byte[] encode() {
            return Bodies.write(out -> {
                out.writeBoolean(success);
                out.writeInt(payload.length);
                out.write(payload);
                out.writeLong(memoryUsedBytes);
            });
        }

        public static Result decode(byte[] body) {
            return Bodies.read(body, in -> {
                boolean success = in.readBoolean();
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                return new Result(success, payload, in.readLong());
            });
        }
    }

    private static final class Bodies {

        interface Encoder {
            void encode(DataOutputStream out) throws IOException;
        }

        interface Decoder<T> {
            T decode(DataInputStream in) throws IOException;
        }

        static byte[] write(Encoder encoder) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                encoder.encode(out);
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
            return bytes.toByteArray();
        }

        static <T> T read(byte[] body, Decoder<T> decoder) {
            try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
                return decoder.decode(in);
            } catch (EOFException truncated) {
                throw new IllegalStateException("Mensaje truncado entre el runner y la JVM de la función", truncated);
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
        }
    }

    /** An input stream that is always empty: the function's standard input, as on Lambda. */
    static InputStream emptyInput() {
        return InputStream.nullInputStream();
    }
}
