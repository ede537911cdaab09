package dev.lambdaworkbook.runner.child;

import java.nio.charset.StandardCharsets;

/** Writes Lambda's error response, {@code {"errorMessage", "errorType", "stackTrace"}}, leaving out null fields. */
public final class ErrorJson {

    private ErrorJson() {
    }

    /** Returns the error response of an exception thrown by the handler, with its stack trace. */
    static byte[] of(Throwable error) {
        String message = error.getLocalizedMessage() == null ? error.getClass().getName() : error.getLocalizedMessage();
        StackTraceElement[] frames = error.getStackTrace();
        String[] trace = new String[frames.length];
        for (int i = 0; i < frames.length; i++) {
            trace[i] = frames[i].toString();
        }
        return of(message, error.getClass().getName(), trace);
    }

    /** Returns an error response; a null type or trace is left out, as the runtime does. */
    public static byte[] of(String message, String type, String[] stackTrace) {
        StringBuilder json = new StringBuilder("{\"errorMessage\":").append(quote(message));
        if (type != null) {
            json.append(",\"errorType\":").append(quote(type));
        }
        if (stackTrace != null) {
            json.append(",\"stackTrace\":[");
            for (int i = 0; i < stackTrace.length; i++) {
                json.append(i == 0 ? "" : ",").append(quote(stackTrace[i]));
            }
            json.append(']');
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Returns {@code text} as a JSON string literal. */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
