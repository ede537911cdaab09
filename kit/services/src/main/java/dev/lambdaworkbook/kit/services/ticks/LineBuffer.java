package dev.lambdaworkbook.kit.services.ticks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** A byte buffer that formats the generator's fields without creating strings and writes out in 64 KiB blocks. */
final class LineBuffer {

    private static final int CAPACITY = 1 << 16;
    private static final int FLUSH_AT = CAPACITY - 1024;

    private final OutputStream out;
    private final byte[] buffer = new byte[CAPACITY];
    private int size;
    private long written;
    private int fieldLimit;
    private int fieldsWritten;

    LineBuffer(OutputStream out) {
        this.out = out;
    }

    void bytes(byte[] value) {
        ensureRoom(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
    }

    /** Appends text made only of ASCII characters. */
    void ascii(String value) {
        ensureRoom(value.length());
        for (int i = 0; i < value.length(); i++) {
            buffer[size++] = (byte) value.charAt(i);
        }
    }

    void separator() {
        ensureRoom(1);
        buffer[size++] = ';';
    }

    /** Starts a line of at most {@code limit} fields separated by {@code ;}. A lower limit cuts the line short. */
    void startFields(int limit) {
        fieldLimit = limit;
        fieldsWritten = 0;
    }

    /**
     * Returns whether the line takes one more field and, if so, writes the separator before it. The caller then
     * writes the field's value.
     */
    boolean nextField() {
        if (fieldsWritten >= fieldLimit) {
            return false;
        }
        if (fieldsWritten > 0) {
            separator();
        }
        fieldsWritten++;
        return true;
    }

    /** Writes fields of fixed values, as many as the line still takes. */
    void constantFields(byte[][] values) {
        for (byte[] value : values) {
            if (nextField()) {
                bytes(value);
            }
        }
    }

    /** Appends ASCII text padded with spaces on the right to {@code width}. */
    void padded(String value, int width) {
        ascii(value);
        ensureRoom(width);
        for (int i = value.length(); i < width; i++) {
            buffer[size++] = ' ';
        }
    }

    void number(long value) {
        ensureRoom(20);
        if (value == 0) {
            buffer[size++] = '0';
            return;
        }
        int start = size;
        long rest = value;
        while (rest > 0) {
            buffer[size++] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        reverse(start, size - 1);
    }

    /** Appends a non-negative number with leading zeros to {@code width} digits. */
    void zeroPadded(long value, int width) {
        ensureRoom(width);
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            buffer[size + i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        size += width;
    }

    /** Appends {@code units / 10^decimals} with exactly {@code decimals} decimals and a dot. */
    void decimal(long units, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        number(units / scale);
        ensureRoom(1);
        buffer[size++] = '.';
        zeroPadded(units % scale, decimals);
    }

    /** Appends milliseconds since midnight as {@code HH:mm:ss.SSS}. */
    void time(int millis) {
        zeroPadded(millis / 3_600_000, 2);
        ascii(":");
        zeroPadded(millis / 60_000 % 60, 2);
        ascii(":");
        zeroPadded(millis / 1000 % 60, 2);
        ascii(".");
        zeroPadded(millis % 1000, 3);
    }

    /** Appends milliseconds since midnight as {@code HHMMSScc}, truncated to hundredths of a second. */
    void compactTime(int millis) {
        zeroPadded(millis / 3_600_000, 2);
        zeroPadded(millis / 60_000 % 60, 2);
        zeroPadded(millis / 1000 % 60, 2);
        zeroPadded(millis % 1000 / 10, 2);
    }

    void flush() throws IOException {
        out.write(buffer, 0, size);
        written += size;
        size = 0;
        out.flush();
    }

    /** Returns the bytes handed to the stream so far. */
    long written() {
        return written;
    }

    private void ensureRoom(int bytes) {
        if (size + bytes <= FLUSH_AT) {
            return;
        }
        try {
            out.write(buffer, 0, size);
        } catch (IOException writeFailed) {
            throw new UncheckedIOException(writeFailed);
        }
        written += size;
        size = 0;
    }

    private void reverse(int from, int to) {
        for (int i = from, j = to; i < j; i++, j--) {
            byte swap = buffer[i];
            buffer[i] = buffer[j];
            buffer[j] = swap;
        }
    }
}
