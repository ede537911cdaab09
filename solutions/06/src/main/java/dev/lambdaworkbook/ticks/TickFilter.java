package dev.lambdaworkbook.ticks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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
    private static final long SEPARATORS = 0x3B3B3B3B3B3B3B3BL;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long[] PADDED_TARGETS = TICKERS.stream()
            .mapToLong(ticker -> (long) LONGS.get(String.format("%-8s", ticker).getBytes(StandardCharsets.US_ASCII), 0))
            .toArray();
    private static final byte[][] TARGETS = TICKERS.stream()
            .map(ticker -> ticker.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    /** Width of VALOR in BME files: the ticker padded with spaces on the right. */
    private static final int PADDED_WIDTH = 8;

    /**
     * Reads {@code in} to the end and writes the kept lines, after {@link #OUTPUT_HEADER}, to {@code out}, in input
     * order. Neither stream is closed; {@code out} is flushed.
     *
     * @throws TickFilterException when the header lacks a column the output needs
     */
    public FilterStats filter(InputStream in, OutputStream out) throws IOException {
        Pass pass = new Pass(new CsvOutput(out));
        try {
            pass.run(in);
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
        /** Start offsets of the fields in the buffer, up to the field after the last needed column. */
        private int[] starts = new int[BmeColumns.STANDARD.lastNeeded() + 2];
        /** How many entries of starts the scan fills for every line: up to the field after VALOR. */
        private int recordLimit = BmeColumns.STANDARD.valor() + 2;
        private boolean firstLine = true;
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
                        line(start, end);
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
         * <p>Reads eight bytes at a time and finds the separators and line breaks among them with bit operations,
         * about twice as fast here as comparing byte by byte; the last few bytes go one by one.
         */
        private int lines(int from, int to) {
            int lineStart = from;
            int fields = 1;
            starts[0] = lineStart;
            int recorded = recordLimit;
            byte[] bytes = buffer;
            int i = from;
            int lastWord = to - Long.BYTES;
            while (i <= lastWord) {
                long word = (long) LONGS.get(bytes, i);
                long separators = matches(word, SEPARATORS);
                long newlines = matches(word, NEWLINES);
                if (newlines != 0) {
                    int offset = Long.numberOfTrailingZeros(newlines) >>> 3;
                    separators &= (1L << (offset << 3)) - 1;
                    if (fields < recorded) {
                        record(separators, i, fields);
                    }
                    fields += count(separators);
                    int newline = i + offset;
                    line(lineStart, newline, fields);
                    // line() changes the limit when it reads the header.
                    recorded = recordLimit;
                    lineStart = newline + 1;
                    fields = 1;
                    starts[0] = lineStart;
                    i = lineStart;
                    continue;
                }
                // Only the first words of a line hold VALOR; the rest are just counted.
                if (fields < recorded) {
                    record(separators, i, fields);
                }
                fields += count(separators);
                i += Long.BYTES;
            }
            for (; i < to; i++) {
                byte b = buffer[i];
                if (b == ';') {
                    if (fields < starts.length) {
                        starts[fields] = i + 1;
                    }
                    fields++;
                } else if (b == '\n') {
                    line(lineStart, i, fields);
                    lineStart = i + 1;
                    fields = 1;
                    starts[0] = lineStart;
                }
            }
            return lineStart;
        }

        /**
         * Stores where the fields after these separators start, up to the field after VALOR.
         * {@code separators} has the high bit set in each byte of the word at {@code base} that is a {@code ;}.
         */
        private void record(long separators, int base, int fields) {
            int field = fields;
            long left = separators;
            while (left != 0 && field < recordLimit) {
                starts[field] = base + (Long.numberOfTrailingZeros(left) >>> 3) + 1;
                field++;
                left &= left - 1;
            }
        }

        /** Handles a last line without a line break. */
        private void line(int from, int to) {
            int fields = 1;
            starts[0] = from;
            for (int i = from; i < to; i++) {
                if (buffer[i] == ';') {
                    if (fields < starts.length) {
                        starts[fields] = i + 1;
                    }
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
                    starts[0] = begin;
                }
                if (isHeader(begin, end)) {
                    columns = BmeColumns.fromHeader(new String(buffer, begin, end - begin,
                            StandardCharsets.ISO_8859_1));
                    starts = new int[columns.lastNeeded() + 2];
                    recordLimit = Math.min(starts.length, columns.valor() + 2);
                    return;
                }
            }
            if (isBlank(begin, end) || isHeader(begin, end)) {
                return;
            }
            rowsRead++;
            if (end - begin > MAX_LINE || fields != columns.fields()) {
                rowsMalformed++;
                return;
            }
            int valorStart = starts[columns.valor()];
            int valorEnd = fieldEnd(columns.valor(), end);
            if (!isTarget(valorStart, valorEnd)) {
                return;
            }
            completeStarts(end);
            if (write(end)) {
                rowsKept++;
            } else {
                rowsMalformed++;
            }
        }

        /** Finds the starts of the fields after the ones the word scan recorded, for a line that is kept. */
        private void completeStarts(int lineEnd) {
            int field = recordLimit;
            for (int i = starts[recordLimit - 1]; i < lineEnd && field < starts.length; i++) {
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
     * summed into the top byte by one multiplication. With C1 only, as Lambda runs Java, this measured about 20 %
     * faster over the whole filter than {@code Long.bitCount} (bench/ticks.sh, 2 cores, JDK 17).
     */
    static int count(long mask) {
        return (int) (((mask >>> 7) * 0x0101010101010101L) >>> 56);
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

    private static int indexOf(byte[] bytes, int from, int to, byte value) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
