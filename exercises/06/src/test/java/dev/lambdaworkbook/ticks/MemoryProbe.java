package dev.lambdaworkbook.ticks;

import dev.lambdaworkbook.kit.services.ticks.TickFileGenerator;
import dev.lambdaworkbook.kit.services.ticks.TickFileOptions;
import dev.lambdaworkbook.kit.services.ticks.TickFileSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Runs {@link TickFilter} over a generated input of a given size in this JVM and prints the counts, so that a test
 * can run it in a child JVM with a small heap ({@code -Xmx64m}): a filter that keeps the file in memory fails there.
 */
public final class MemoryProbe {

    /** Data lines in the block the input repeats. */
    static final int BLOCK_ROWS = 10_000;

    private MemoryProbe() {
    }

    /** Takes the input size in bytes; prints {@code kept=N expected=M}. */
    public static void main(String[] args) throws IOException {
        long size = Long.parseLong(args[0]);
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        TickFileSummary summary = TickFileGenerator.write(TickFileOptions.rows(BLOCK_ROWS), generated);
        byte[] file = generated.toByteArray();
        int headerEnd = indexOf(file, (byte) '\n') + 1;
        byte[] header = Arrays.copyOf(file, headerEnd);
        byte[] block = Arrays.copyOfRange(file, headerEnd, file.length);
        long blocks = Math.max(1, (size - header.length) / block.length);

        FilterStats stats = new TickFilter().filter(new RepeatedInput(header, block, blocks),
                OutputStream.nullOutputStream());

        long expected = blocks * summary.completeRowsOf(List.of("SAN", "TEF", "IDX"));
        System.out.println("kept=" + stats.rowsKept() + " expected=" + expected + " read=" + stats.rowsRead()
                + " bytes=" + (header.length + blocks * block.length));
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new IllegalStateException("el fichero generado no tiene saltos de línea: "
                + new String(bytes, 0, Math.min(80, bytes.length), StandardCharsets.ISO_8859_1));
    }

    /** The header once, then the block {@code times} times, produced on the fly. */
    static final class RepeatedInput extends InputStream {

        private final byte[] block;
        private final long times;
        private long done;
        private byte[] current;
        private int position;

        RepeatedInput(byte[] header, byte[] block, long times) {
            this.block = block;
            this.times = times;
            this.current = header;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position == current.length) {
                if (done == times) {
                    return -1;
                }
                current = block;
                position = 0;
                done++;
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }
    }
}
