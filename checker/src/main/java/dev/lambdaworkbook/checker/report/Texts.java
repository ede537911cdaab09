package dev.lambdaworkbook.checker.report;

import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.run.TestStatus;
import java.util.Locale;

/** Spanish wording shared by the reports: numbers, failure explanations and places in the student's code. */
final class Texts {

    static final Locale SPANISH = Locale.forLanguageTag("es-ES");

    private Texts() {
    }

    /** Formats a mark with two decimals and a decimal comma, as Spanish readers expect. */
    static String mark(double value) {
        return String.format(SPANISH, "%.2f", value);
    }

    static String percent(double fraction) {
        return String.format(SPANISH, "%.0f %%", fraction * 100);
    }

    /** Explains why a test did not pass, in Spanish, starting from the test's own message. */
    static String explain(TestResult test) {
        String message = test.message() == null ? "" : test.message().strip();
        if (test.status() != TestStatus.FAILED || test.exception() == null) {
            return message.isEmpty() ? test.status().label() : message;
        }
        String simple = test.exception().substring(test.exception().lastIndexOf('.') + 1);
        String detail = message.equals("null") ? "" : message;
        return switch (simple) {
            case "AssertionFailedError", "AssertionError", "MultipleFailuresError" -> detail.isEmpty()
                    ? "una comprobación de la prueba falló" : detail;
            // The starters' own messages already name the unfinished task ("Tarea 2 sin hacer: …").
            case "UnsupportedOperationException" -> detail.contains("sin hacer") ? detail
                    : detail.isEmpty() ? "sin implementar" : "sin implementar: " + detail;
            case "NoSuchMethodError", "NoSuchFieldError", "NoClassDefFoundError", "AbstractMethodError",
                    "IncompatibleClassChangeError" -> "a tu código le falta algo que la prueba usa (¿cambiaste el "
                    + "nombre o la firma de una clase o método del enunciado?): " + detail;
            case "ClassNotFoundException" -> "no se encontró la clase " + detail + " al cargar tu código: revisa "
                    + "que exista con ese nombre y ese paquete y, si la prueba carga tu paquete .zip, que esté dentro";
            case "StackOverflowError" -> "desbordamiento de pila (StackOverflowError): ¿hay una recursión que no "
                    + "termina?";
            default -> "tu código lanzó " + simple + (detail.isEmpty() ? "" : ": " + detail);
        };
    }

    /** Returns where the failure probably is, e.g. {@code src/main/java/dev/x/Sum.java:14, método handleRequest}. */
    static String location(TestResult test) {
        if (test.location() == null) {
            return null;
        }
        return "src/main/java/" + test.location().sourcePath() + ", método " + test.location().method();
    }

    static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Shortens a text to at most the given characters, saying so. */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text == null ? "" : text;
        }
        return text.substring(0, max) + "\n… (recortado)";
    }

    static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:64rem;\
            padding:0 1rem;color:#1f2933;line-height:1.45}
            h1,h2,h3{line-height:1.2}table{border-collapse:collapse;margin:1rem 0}
            th,td{border:1px solid #cbd2d9;padding:.3rem .6rem;text-align:left}th{background:#f0f4f8}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            .ok{color:#0b6e4f}.ko{color:#b42318}.muted{color:#616e7c}
            pre{background:#f5f7fa;border:1px solid #e4e7eb;padding:.6rem;overflow:auto;white-space:pre-wrap}
            .failure{border-left:4px solid #b42318;padding:.2rem .8rem;margin:.8rem 0;background:#fff8f7}
            svg text{font-family:inherit;font-size:12px;fill:#1f2933}
            """;
}
