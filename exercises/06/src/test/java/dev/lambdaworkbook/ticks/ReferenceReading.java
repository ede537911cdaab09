package dev.lambdaworkbook.ticks;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A deliberately simple reading of a BME file (split each line on ';'), to compare the filter's output with on
 * generated files. It relies on the generator's layout and quirks, so it is not a second solution of the exercise.
 */
final class ReferenceReading {

    private static final List<String> KEPT = List.of("SAN", "TEF", "IDX");

    private ReferenceReading() {
    }

    /** Returns the expected output, header included, for a file the kit's generator wrote. */
    static String expectedOutput(byte[] file) {
        StringBuilder expected = new StringBuilder("VALOR,VOLUMEN,PRECIO,TIME\n");
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            // Most rows are of other securities: look at VALOR, the third field, before taking the line apart.
            if (KEPT.contains(thirdField(text, start, end))) {
                addRow(expected, text.substring(start, end).replace("\r", ""));
            }
            start = end + 1;
        }
        return expected.toString();
    }

    private static void addRow(StringBuilder expected, String line) {
        String[] fields = line.split(";", -1);
        if (fields.length != 38 || line.contains("FECHA;SECUENCIA")) {
            return;
        }
        String price = new BigDecimal(fields[4]).stripTrailingZeros().toPlainString();
        expected.append(fields[2].trim()).append(',').append(fields[3]).append(',')
                .append(price.contains(".") ? price : price + ".0").append(',')
                .append(fields[0]).append(' ').append(fields[6])
                .append('\n');
    }

    /** Returns the third ';'-separated field of the line between two indexes, trimmed and without '\r'. */
    private static String thirdField(String text, int start, int end) {
        int first = text.indexOf(';', start);
        int second = first < 0 || first >= end ? -1 : text.indexOf(';', first + 1);
        if (second < 0 || second >= end) {
            return "";
        }
        int third = text.indexOf(';', second + 1);
        return text.substring(second + 1, third < 0 || third > end ? end : third).replace("\r", "").trim();
    }
}
