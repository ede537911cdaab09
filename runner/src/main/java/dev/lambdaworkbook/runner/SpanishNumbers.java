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

    /**
     * Returns a whole number with a point between groups of three digits from five digits on ("12.345", "1.048.576"),
     * and none in four-digit numbers ("2048"), as Spanish writes them.
     */
    public static String whole(long value) {
        String digits = Long.toString(Math.abs(value));
        if (digits.length() <= 4) {
            return Long.toString(value);
        }
        StringBuilder grouped = new StringBuilder();
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        grouped.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) {
            grouped.append('.').append(digits, i, i + 3);
        }
        return (value < 0 ? "-" : "") + grouped;
    }
}
