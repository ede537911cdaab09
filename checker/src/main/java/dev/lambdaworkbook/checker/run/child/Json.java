package dev.lambdaworkbook.checker.run.child;

import java.util.Map;

/**
 * A minimal JSON writer for the harness, which runs on the exercise's class path and so cannot rely on a JSON
 * library being there. Values are strings, numbers, booleans, nested {@link Map}s and {@link Iterable}s.
 */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder text = new StringBuilder();
        append(text, value);
        return text.toString();
    }

    private static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            text.append(value);
        } else if (value instanceof Map<?, ?> map) {
            text.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                text.append(separator);
                appendString(text, String.valueOf(entry.getKey()));
                text.append(':');
                append(text, entry.getValue());
                separator = ",";
            }
            text.append('}');
        } else if (value instanceof Iterable<?> items) {
            text.append('[');
            String separator = "";
            for (Object item : items) {
                text.append(separator);
                append(text, item);
                separator = ",";
            }
            text.append(']');
        } else {
            appendString(text, value.toString());
        }
    }

    private static void appendString(StringBuilder text, String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
