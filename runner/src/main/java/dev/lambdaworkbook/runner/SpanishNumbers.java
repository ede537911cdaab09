package dev.lambdaworkbook.runner;

import java.util.Locale;

/**
 * Number formatting for the runner's Spanish output, with a decimal comma ("36,03 ms"). Lines that copy what Lambda
 * itself logs, such as {@code REPORT ... Duration: 36.03 ms}, keep Lambda's decimal point.
 */
public final class SpanishNumbers {

    private static final Locale SPANISH = Locale.forLanguageTag("es-ES");

    private SpanishNumbers() {
    }

    /** Returns the value with the given number of decimals and a decimal comma, without thousands separators. */
    public static String decimal(double value, int decimals) {
        return String.format(SPANISH, "%." + decimals + "f", value);
    }
}
