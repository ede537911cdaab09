package dev.lambdaworkbook.ticks;

import dev.lambdaworkbook.kit.services.ticks.BmeLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Builds small BME tick files line by line, and runs the filter on them. */
final class TickFiles {

    static final String HEADER = BmeLayout.HEADER_LINE;

    private TickFiles() {
    }

    /**
     * Returns a complete 38-field line with these values and plausible others; {@code valor} is written as given,
     * so pass it padded ({@code "SAN     "}) to imitate BME.
     */
    static String row(String valor, String volumen, String precio, String horaejec) {
        return row("2018-03-19", valor, volumen, precio, horaejec);
    }

    static String row(String fecha, String valor, String volumen, String precio, String horaejec) {
        List<String> fields = new ArrayList<>(Collections.nCopies(BmeLayout.FIELDS, "-"));
        fields.set(BmeLayout.FECHA, fecha);
        fields.set(1, "1");
        fields.set(BmeLayout.VALOR, valor);
        fields.set(BmeLayout.VOLUMEN, volumen);
        fields.set(BmeLayout.PRECIO, precio);
        fields.set(BmeLayout.HORA, horaejec.length() >= 11
                ? horaejec.substring(0, 2) + horaejec.substring(3, 5) + horaejec.substring(6, 8)
                        + horaejec.substring(9, 11) : "00000000");
        fields.set(BmeLayout.HORAEJEC, horaejec);
        fields.set(BmeLayout.FIELDS - 1, " ");
        return String.join(";", fields);
    }

    /** Pads a ticker with spaces to BME's 8 characters. */
    static String padded(String ticker) {
        return String.format("%-8s", ticker);
    }

    /** Returns the header and the lines, each ending in LF, as UTF-8 bytes. */
    static byte[] file(String... lines) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The output and counts of one run of the filter. */
    record Filtered(String output, FilterStats stats) {

        /** Returns the output's lines without line breaks; the text after the last line break is left out. */
        List<String> lines() {
            String[] parts = output.split("\n", -1);
            return List.of(parts).subList(0, parts.length - 1);
        }
    }

    /** Runs the student's {@link TickFilter} over the bytes. */
    static Filtered filter(byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            FilterStats stats = new TickFilter().filter(new ByteArrayInputStream(input), out);
            return new Filtered(out.toString(StandardCharsets.UTF_8), stats);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
