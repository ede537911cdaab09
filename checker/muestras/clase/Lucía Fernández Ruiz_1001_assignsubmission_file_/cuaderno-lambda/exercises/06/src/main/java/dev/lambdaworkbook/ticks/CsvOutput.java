package dev.lambdaworkbook.ticks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The filter's output buffer: copies and normalises fields byte by byte, and can take back a line that turns out to
 * be invalid halfway ({@link #mark()} and {@link #reset(int)}).
 *
 * <p>Each field method returns false when its input is not valid, and the caller then resets to its mark.
 */
final class CsvOutput {

    private static final int CAPACITY = 1 << 18;
    /** Room kept free at {@link #mark()}, so a line never spans a flush: an output line is shorter than its input. */
    private static final int LINE_ROOM = TickFilter.MAX_LINE + 64;

    private final OutputStream out;
    private final byte[] buffer = new byte[CAPACITY];
    private int size;

    CsvOutput(OutputStream out) {
        this.out = out;
    }

    /** Returns the current position, after making sure a whole line fits in the buffer. */
    int mark() {
        if (size > CAPACITY - LINE_ROOM) {
            drain();
        }
        return size;
    }

    void reset(int mark) {
        size = mark;
    }

    void ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            buffer[size++] = (byte) text.charAt(i);
        }
    }

    void newLine() {
        buffer[size++] = '\n';
    }

    boolean comma() {
        buffer[size++] = ',';
        return true;
    }

    boolean space() {
        buffer[size++] = ' ';
        return true;
    }

    /** Copies a field without its surrounding spaces. */
    boolean trimmed(byte[] line, int from, int to) {
        int begin = skipSpaces(line, from, to);
        int end = trimEnd(line, begin, to);
        copy(line, begin, end);
        return end > begin;
    }

    /** Copies a whole number of shares without leading zeros: {@code 0150} becomes {@code 150}. */
    boolean volume(byte[] line, int from, int to) {
        int begin = skipSpaces(line, from, to);
        int end = trimEnd(line, begin, to);
        if (end == begin || !digits(line, begin, end)) {
            return false;
        }
        while (begin < end - 1 && line[begin] == '0') {
            begin++;
        }
        copy(line, begin, end);
        return true;
    }

    /**
     * Copies a price in its shortest decimal form that keeps one decimal: {@code 5.4100} becomes {@code 5.41},
     * {@code 8.0000} and {@code 8} become {@code 8.0}.
     */
    boolean price(byte[] line, int from, int to) {
        int begin = skipSpaces(line, from, to);
        int end = trimEnd(line, begin, to);
        int dot = begin;
        while (dot < end && line[dot] != '.') {
            dot++;
        }
        if (dot == begin || !digits(line, begin, dot) || (dot < end && !digits(line, dot + 1, end))) {
            return false;
        }
        int integerStart = begin;
        while (integerStart < dot - 1 && line[integerStart] == '0') {
            integerStart++;
        }
        int fractionEnd = end;
        while (fractionEnd > dot + 2 && line[fractionEnd - 1] == '0') {
            fractionEnd--;
        }
        copy(line, integerStart, dot);
        buffer[size++] = '.';
        if (fractionEnd > dot + 1) {
            copy(line, dot + 1, fractionEnd);
        } else {
            buffer[size++] = '0';
        }
        return true;
    }

    /** Copies a date given as {@code YYYY-MM-DD} or {@code YYYYMMDD} as {@code YYYY-MM-DD}. */
    boolean date(byte[] line, int from, int to) {
        int begin = skipSpaces(line, from, to);
        int end = trimEnd(line, begin, to);
        boolean dashed = end - begin == 10 && line[begin + 4] == '-' && line[begin + 7] == '-';
        if (!dashed && end - begin != 8) {
            return false;
        }
        int month = begin + (dashed ? 5 : 4);
        int day = begin + (dashed ? 8 : 6);
        if (!digits(line, begin, begin + 4) || !twoDigits(line, month, 1, 12) || !twoDigits(line, day, 1, 31)) {
            return false;
        }
        copy(line, begin, begin + 4);
        buffer[size++] = '-';
        copy(line, month, month + 2);
        buffer[size++] = '-';
        copy(line, day, day + 2);
        return true;
    }

    /** Copies a time {@code HH:mm:ss} with an optional fraction as {@code HH:mm:ss.SSS}. */
    boolean time(byte[] line, int from, int to) {
        int begin = skipSpaces(line, from, to);
        int end = trimEnd(line, begin, to);
        if (end - begin < 8 || line[begin + 2] != ':' || line[begin + 5] != ':'
                || !twoDigits(line, begin, 0, 23) || !twoDigits(line, begin + 3, 0, 59)
                || !twoDigits(line, begin + 6, 0, 59)) {
            return false;
        }
        int fraction = begin + 8;
        if (fraction < end && (line[fraction] != '.' || end - fraction < 2 || end - fraction > 10
                || !digits(line, fraction + 1, end))) {
            return false;
        }
        copy(line, begin, begin + 8);
        buffer[size++] = '.';
        for (int i = 0; i < 3; i++) {
            int digit = fraction + 1 + i;
            buffer[size++] = digit < end ? line[digit] : (byte) '0';
        }
        return true;
    }

    void flush() throws IOException {
        out.write(buffer, 0, size);
        size = 0;
        out.flush();
    }

    private void drain() {
        try {
            out.write(buffer, 0, size);
        } catch (IOException writeFailed) {
            throw new UncheckedIOException(writeFailed);
        }
        size = 0;
    }

    private void copy(byte[] line, int from, int to) {
        System.arraycopy(line, from, buffer, size, to - from);
        size += to - from;
    }

    private static int skipSpaces(byte[] line, int from, int to) {
        int begin = from;
        while (begin < to && line[begin] == ' ') {
            begin++;
        }
        return begin;
    }

    private static int trimEnd(byte[] line, int from, int to) {
        int end = to;
        while (end > from && line[end - 1] == ' ') {
            end--;
        }
        return end;
    }

    private static boolean digits(byte[] line, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] < '0' || line[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean twoDigits(byte[] line, int at, int min, int max) {
        if (!digits(line, at, at + 2)) {
            return false;
        }
        int value = (line[at] - '0') * 10 + (line[at + 1] - '0');
        return value >= min && value <= max;
    }
}
