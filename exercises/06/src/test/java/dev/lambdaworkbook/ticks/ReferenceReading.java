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
        String text = new String(file, StandardCharsets.ISO_8859_1).replace("\r", "");
        for (String line : text.split("\n")) {
            String[] fields = line.split(";", -1);
            if (fields.length != 38 || line.contains("FECHA;SECUENCIA")) {
                continue;
            }
            String valor = fields[2].trim();
            if (!KEPT.contains(valor)) {
                continue;
            }
            String price = new BigDecimal(fields[4]).stripTrailingZeros().toPlainString();
            expected.append(valor).append(',').append(fields[3]).append(',')
                    .append(price.contains(".") ? price : price + ".0").append(',')
                    .append(fields[0]).append(' ').append(fields[6])
                    .append('\n');
        }
        return expected.toString();
    }
}
