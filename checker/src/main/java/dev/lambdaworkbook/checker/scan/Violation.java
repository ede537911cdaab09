package dev.lambdaworkbook.checker.scan;

/**
 * One forbidden use in a student's class, reported in Spanish.
 *
 * @param className the student's class
 * @param method the method where the use happens, or null for the class itself
 * @param line the source line, or 0 when unknown
 * @param reason what is forbidden and why, in Spanish
 */
public record Violation(String className, String method, int line, String reason) {

    public String describe() {
        String where = className + (method == null ? "" : "." + method) + (line > 0 ? " (línea " + line + ")" : "");
        return where + ": " + reason;
    }
}
