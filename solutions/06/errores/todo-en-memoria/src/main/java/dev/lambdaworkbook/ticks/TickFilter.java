package dev.lambdaworkbook.ticks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Filters a BME {@code RV_TICK} daily extract ({@code ;}-separated, with a header) down to the trades of SAN, TEF
 * and IDX, written as CSV lines {@code VALOR,VOLUMEN,PRECIO,TIME}, for example {@code SAN,1,5.41,2018-03-19
 * 09:00:18.002}.
 *
 * <p>It streams: memory use is two fixed buffers whatever the input size, and bytes are compared without decoding
 * them, so Latin-1 or UTF-8 text in other fields does not matter. Columns are found by the header's names; a file
 * whose first line is not a header is read with the standard BME positions. A byte order mark, CR LF line ends,
 * blank lines and repeated header lines are skipped; lines that cannot be read are skipped and counted.
 */
public final class TickFilter {

    /** The values kept, compared with VALOR after trimming the padding spaces. */
    public static final List<String> TICKERS = List.of("SAN", "TEF", "IDX");
    /** The first line of the output. */
    public static final String OUTPUT_HEADER = "VALOR,VOLUMEN,PRECIO,TIME";

    /** Lines longer than this are malformed; a BME line is about 200 bytes. */
    static final int MAX_LINE = 1 << 16;

    private static final int READ_BUFFER = 1 << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** Bytes per step of the scan: four words, tested together for a line break. */
    private static final int BLOCK = 4 * Long.BYTES;
    private static final long SEPARATORS = 0x3B3B3B3B3B3B3B3BL;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    /** Width of VALOR in BME files: the ticker padded with spaces on the right. */
    private static final int PADDED_WIDTH = 8;
    private static final byte[][] TARGETS = new byte[TICKERS.size()][];
    /** The tickers as they usually appear in VALOR, padded to 8 bytes, each read as one word. */
    private static final long[] PADDED_TARGETS = new long[TICKERS.size()];

    // Plain loops, because streams and lambdas would add milliseconds to every cold start.
    static {
        for (int i = 0; i < TICKERS.size(); i++) {
            TARGETS[i] = TICKERS.get(i).getBytes(StandardCharsets.US_ASCII);
            byte[] padded = Arrays.copyOf(TARGETS[i], PADDED_WIDTH);
            Arrays.fill(padded, TARGETS[i].length, PADDED_WIDTH, (byte) ' ');
            PADDED_TARGETS[i] = (long) LONGS.get(padded, 0);
        }
    }

    /**
     * Reads {@code in} to the end and writes the kept lines, after {@link #OUTPUT_HEADER}, to {@code out}, in input
     * order. Neither stream is closed; {@code out} is flushed.
     *
     * @throws TickFilterException when the header lacks a column the output needs
     */
    public FilterStats filter(InputStream in, OutputStream out) throws IOException {
        Pass pass = new Pass(new CsvOutput(out));
        // The mistake: the whole object in memory before filtering, as readAllBytes or readAllLines do.
        byte[] whole = in.readAllBytes();
        try {
            pass.run(new java.io.ByteArrayInputStream(whole));
        } catch (UncheckedIOException writeFailed) {
            throw writeFailed.getCause();
        }
        return pass.stats();
    }

    /** The state of one pass over one input. */
    private static final class Pass {

        private final CsvOutput output;
        private final byte[] buffer = new byte[READ_BUFFER];
        private BmeColumns columns = BmeColumns.STANDARD;
        /** Start offsets in the buffer of the fields of the current line, up to the one after the last needed. */
        private int[] starts = new int[BmeColumns.STANDARD.lastNeeded() + 2];
        private boolean firstLine = true;
        /** The number of separators that the last call of {@link #lineEnd} found before the line break. */
        private int separators;
        private long rowsRead;
        private long rowsKept;
        private long rowsMalformed;

        Pass(CsvOutput output) {
            this.output = output;
        }

        FilterStats stats() {
            return new FilterStats(rowsRead, rowsKept, rowsMalformed);
        }

        void run(InputStream in) throws IOException {
            output.ascii(OUTPUT_HEADER);
            output.newLine();
            int start = 0;
            int end = 0;
            boolean skippingLongLine = false;
            while (true) {
                if (start > 0 && start == end) {
                    start = 0;
                    end = 0;
                } else if (end == buffer.length) {
                    if (start == 0) {
                        // One line fills the whole buffer: count it malformed and drop bytes up to its end.
                        if (!skippingLongLine) {
                            rowsRead++;
                            rowsMalformed++;
                        }
                        skippingLongLine = true;
                        end = 0;
                    } else {
                        System.arraycopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                }
                int read = in.read(buffer, end, buffer.length - end);
                if (read < 0) {
                    if (end > start && !skippingLongLine) {
                        lastLine(start, end);
                    }
                    break;
                }
                end += read;
                if (skippingLongLine) {
                    int newline = indexOf(buffer, start, end, (byte) '\n');
                    if (newline < 0) {
                        start = end;
                        continue;
                    }
                    skippingLongLine = false;
                    start = newline + 1;
                }
                start = lines(start, end);
            }
            output.flush();
        }

        /**
         * Handles every complete line in {@code [from, to)} and returns where the first incomplete one starts.
         *
         * <p>The scan runs in one call of {@link #lineEnd} per line rather than in one loop over the whole buffer
         * because HotSpot (JDK 17 defaults) compiles a method after about 200 calls but a loop only after about
         * 60,000 turns: one long loop would read the first megabyte or two in the slow interpreter.
         */
        private int lines(int from, int to) {
            int lineStart = from;
            int newline;
            while ((newline = lineEnd(lineStart, to)) >= 0) {
                line(lineStart, newline, separators + 1);
                lineStart = newline + 1;
            }
            return lineStart;
        }

        /**
         * Returns the index of the first line break in {@code [from, to)}, or -1 when there is none, and leaves in
         * {@link #separators} how many separators come before it.
         *
         * <p>It reads 32 bytes at a time as four words and tests them for a line break with bit operations. A block
         * without one, which is most of a line, only adds its separators to the count. The block with the line break
         * is read again word by word, and the last few bytes of the range one by one.
         */
        private int lineEnd(int from, int to) {
            byte[] bytes = buffer;
            int count = 0;
            int i = from;
            for (int lastBlock = to - BLOCK; i <= lastBlock; i += BLOCK) {
                long word0 = (long) LONGS.get(bytes, i);
                long word1 = (long) LONGS.get(bytes, i + Long.BYTES);
                long word2 = (long) LONGS.get(bytes, i + 2 * Long.BYTES);
                long word3 = (long) LONGS.get(bytes, i + 3 * Long.BYTES);
                if ((maybeMatches(word0, NEWLINES) | maybeMatches(word1, NEWLINES) | maybeMatches(word2, NEWLINES)
                        | maybeMatches(word3, NEWLINES)) != 0) {
                    break;
                }
                // Each byte of the sum counts the separators at that position of the four words.
                long sum = (matches(word0, SEPARATORS) >>> 7) + (matches(word1, SEPARATORS) >>> 7)
                        + (matches(word2, SEPARATORS) >>> 7) + (matches(word3, SEPARATORS) >>> 7);
                count += (int) ((sum * ONES) >>> 56);
            }
            for (int lastWord = to - Long.BYTES; i <= lastWord; i += Long.BYTES) {
                long word = (long) LONGS.get(bytes, i);
                long separatorBits = matches(word, SEPARATORS);
                long newlineBits = matches(word, NEWLINES);
                if (newlineBits != 0) {
                    long before = (newlineBits & -newlineBits) - 1;
                    separators = count + count(separatorBits & before);
                    return i + count(before & HIGH_BITS);
                }
                count += count(separatorBits);
            }
            for (; i < to; i++) {
                if (bytes[i] == '\n') {
                    separators = count;
                    return i;
                }
                if (bytes[i] == ';') {
                    count++;
                }
            }
            return -1;
        }

        /** Handles a last line without a line break. */
        private void lastLine(int from, int to) {
            int fields = 1;
            for (int i = from; i < to; i++) {
                if (buffer[i] == ';') {
                    fields++;
                }
            }
            line(from, to, fields);
        }

        private void line(int from, int to, int fields) {
            int end = to > from && buffer[to - 1] == '\r' ? to - 1 : to;
            int begin = from;
            if (firstLine) {
                firstLine = false;
                if (end - begin >= 3 && buffer[begin] == (byte) 0xEF && buffer[begin + 1] == (byte) 0xBB
                        && buffer[begin + 2] == (byte) 0xBF) {
                    begin += 3;
                }
                if (isHeader(begin, end)) {
                    columns = BmeColumns.fromHeader(new String(buffer, begin, end - begin,
                            StandardCharsets.ISO_8859_1));
                    starts = new int[columns.lastNeeded() + 2];
                    return;
                }
            }
            // Only a line without separators can be blank, and only one starting with F can be a header.
            if (fields == 1 && isBlank(begin, end) || buffer[begin] == 'F' && isHeader(begin, end)) {
                return;
            }

            rowsRead++;
            if (end - begin > MAX_LINE || fields != columns.fields()) {
                rowsMalformed++;
                return;
            }

            int valor = columns.valor();
            starts[0] = begin;
            recordStarts(begin, end, 1, valor + 1);
            if (!isTarget(starts[valor], fieldEnd(valor, end))) {
                return;
            }
            recordStarts(starts[valor + 1], end, valor + 2, columns.lastNeeded() + 1);
            if (write(end)) {
                rowsKept++;
            } else {
                rowsMalformed++;
            }
        }

        /**
         * Stores in {@code starts[first..last]} where those fields start, scanning from {@code from}, which is where
         * field {@code first - 1} starts. Stops at {@code lineEnd}, so fields the line does not have stay unset.
         */
        private void recordStarts(int from, int lineEnd, int first, int last) {
            int field = first;
            int i = from;
            for (; field <= last && i + Long.BYTES <= lineEnd; i += Long.BYTES) {
                long separatorBits = matches((long) LONGS.get(buffer, i), SEPARATORS);
                for (; separatorBits != 0 && field <= last; separatorBits &= separatorBits - 1) {
                    starts[field++] = i + count(((separatorBits & -separatorBits) - 1) & HIGH_BITS) + 1;
                }
            }
            for (; field <= last && i < lineEnd; i++) {
                if (buffer[i] == ';') {
                    starts[field++] = i + 1;
                }
            }
        }

        /** Writes one output line, or nothing and returns false when a field is not valid. */
        private boolean write(int lineEnd) {
            int mark = output.mark();
            boolean valid = output.trimmed(buffer, starts[columns.valor()], fieldEnd(columns.valor(), lineEnd))
                    && output.comma()
                    && output.volume(buffer, starts[columns.volumen()], fieldEnd(columns.volumen(), lineEnd))
                    && output.comma()
                    && output.price(buffer, starts[columns.precio()], fieldEnd(columns.precio(), lineEnd))
                    && output.comma()
                    && output.date(buffer, starts[columns.fecha()], fieldEnd(columns.fecha(), lineEnd))
                    && output.space()
                    && output.time(buffer, starts[columns.horaejec()], fieldEnd(columns.horaejec(), lineEnd));
            if (!valid) {
                output.reset(mark);
                return false;
            }
            output.newLine();
            return true;
        }

        /** Returns the index just past a field: the next separator, or the end of the line for the last field. */
        private int fieldEnd(int field, int lineEnd) {
            return field + 1 < columns.fields() ? starts[field + 1] - 1 : lineEnd;
        }

        private boolean isTarget(int from, int to) {
            if (to - from == PADDED_WIDTH) {
                // The usual case, VALOR padded to 8 characters, is one comparison of 8 bytes per ticker.
                long valor = (long) LONGS.get(buffer, from);
                for (long target : PADDED_TARGETS) {
                    if (valor == target) {
                        return true;
                    }
                }
                if (buffer[from] != ' ') {
                    // Without leading spaces the trimmed value starts here, so the comparison above decided.
                    return false;
                }
            }
            int begin = from;
            int end = to;
            while (begin < end && buffer[begin] == ' ') {
                begin++;
            }
            while (end > begin && buffer[end - 1] == ' ') {
                end--;
            }
            for (byte[] target : TARGETS) {
                if (end - begin == target.length && equals(begin, target)) {
                    return true;
                }
            }
            return false;
        }

        private boolean equals(int at, byte[] target) {
            for (int i = 0; i < target.length; i++) {
                if (buffer[at + i] != target[i]) {
                    return false;
                }
            }
            return true;
        }

        private boolean isHeader(int from, int to) {
            return to - from >= 6 && buffer[from] == 'F' && buffer[from + 1] == 'E' && buffer[from + 2] == 'C'
                    && buffer[from + 3] == 'H' && buffer[from + 4] == 'A' && buffer[from + 5] == ';';
        }

        private boolean isBlank(int from, int to) {
            for (int i = from; i < to; i++) {
                if (buffer[i] != ' ' && buffer[i] != '\t') {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Returns the number of bytes flagged in a mask from {@link #matches}: the flags moved to bit 0 of each byte and
     * summed into the top byte by one multiplication.
     */
    static int count(long mask) {
        return (int) (((mask >>> 7) * ONES) >>> 56);
    }

    /**
     * Returns a mask with the high bit set in each byte of {@code word} equal to the byte repeated in
     * {@code pattern}, and no other bit: the exact form of the "has zero byte" test, without false positives.
     */
    static long matches(long word, long pattern) {
        long difference = word ^ pattern;
        long carry = (difference & LOW_SEVEN_BITS) + LOW_SEVEN_BITS;
        return ~(carry | difference | LOW_SEVEN_BITS);
    }

    /**
     * Returns a mask that is zero exactly when no byte of {@code word} equals the byte repeated in {@code pattern}:
     * the short form of the "has zero byte" test, which can also flag bytes above a matching one.
     */
    static long maybeMatches(long word, long pattern) {
        long difference = word ^ pattern;
        return (difference - ONES) & ~difference & HIGH_BITS;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
