package dev.lambdaworkbook.kit.grading;

import java.util.Objects;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions for graded suites whose failure message is entirely Spanish.
 *
 * <p>JUnit's own assertions append {@code ==> expected: <x> but was: <y>} in English; these write the whole sentence
 * in Spanish instead ("statusCode de GET /suma: se esperaba 200, pero llegó 400. ¿Lees ...?") and still carry the
 * expected and actual values, so IDEs show their difference.
 */
public final class Expect {

    private Expect() {
    }

    /**
     * Fails unless {@code expected} equals {@code actual}.
     *
     * @param what what was compared, e.g. {@code "statusCode de GET /suma?a=2&b=3"}
     * @param hint where the student should look, e.g. {@code "¿Lees queryStringParameters?"}
     */
    public static void equal(Object expected, Object actual, String what, String hint) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionFailedError(what + ": se esperaba " + show(expected) + ", pero llegó " + show(actual)
                    + ". " + hint, expected, actual);
        }
    }

    /**
     * Describes a thrown exception inside a sentence: its class and message without a final period, so that the
     * sentence can go on with ". " without doubling it.
     */
    public static String thrown(Throwable error) {
        return withoutFinalPeriod(error.toString());
    }

    /** Returns the text, stripped, without its final period, so that a sentence can go on after it. */
    public static String withoutFinalPeriod(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    /** Fails with the message, built only on failure, unless the condition holds. */
    public static void that(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new AssertionFailedError(message.get());
        }
    }

    /** Fails with the message; for checks whose expected and actual values a single comparison cannot show. */
    public static AssertionFailedError failure(String message) {
        return new AssertionFailedError(message);
    }

    /** Writes a value as a student reads it: text in double quotes, null as {@code null}. */
    public static String show(Object value) {
        if (value instanceof CharSequence text) {
            return "\"" + text + "\"";
        }
        return String.valueOf(value);
    }
}
