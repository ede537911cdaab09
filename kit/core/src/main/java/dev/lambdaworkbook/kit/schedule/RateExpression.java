package dev.lambdaworkbook.kit.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code rate(value unit)} schedule: every {@code value} minutes, hours or days, counted from the moment the rule
 * starts.
 *
 * @param expression the expression as written
 * @param value a positive whole number
 * @param unit the unit of time
 */
public record RateExpression(String expression, long value, Unit unit) implements ScheduleExpression {

    /** The units EventBridge accepts, each with its singular (value 1) and plural (other values) spelling. */
    public enum Unit {
        MINUTE("minute", "minutes", Duration.ofMinutes(1)),
        HOUR("hour", "hours", Duration.ofHours(1)),
        DAY("day", "days", Duration.ofDays(1));

        private final String singular;
        private final String plural;
        private final Duration length;

        Unit(String singular, String plural, Duration length) {
            this.singular = singular;
            this.plural = plural;
            this.length = length;
        }

        /** Returns the spelling EventBridge requires for this value: singular for 1, plural otherwise. */
        public String spelling(long value) {
            return value == 1 ? singular : plural;
        }

        public Duration length() {
            return length;
        }
    }

    /** The workbook's own cap, so the period always fits in a {@link Duration}; EventBridge documents none. */
    static final int MAX_DIGITS = 9;

    private static final Set<String> SUB_MINUTE_UNITS = Set.of("second", "seconds", "sec", "secs", "s",
            "millisecond", "milliseconds", "ms");
    private static final Set<String> LONGER_UNITS = Set.of("week", "weeks", "month", "months", "year", "years");

    /** Returns the time between two fire times. */
    public Duration period() {
        return unit.length().multipliedBy(value);
    }

    /**
     * Lists fire times counted from {@code from}, taken as the moment the rule starts and cut to the whole minute:
     * {@code from + period}, {@code from + 2 × period} and so on.
     */
    @Override
    public List<Instant> nextFireTimes(Instant from, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("El número de ejecuciones no puede ser negativo: " + count);
        }
        Instant start = from.truncatedTo(ChronoUnit.MINUTES);
        List<Instant> times = new ArrayList<>(count);
        for (int index = 1; index <= count; index++) {
            times.add(start.plus(period().multipliedBy(index)));
        }
        return List.copyOf(times);
    }

    @Override
    public String toString() {
        return expression;
    }

    static RateExpression parseRate(String text) {
        String[] parts = text.substring("rate(".length(), text.length() - 1).strip().split("\\s+");
        if (parts.length != 2 || parts[0].isEmpty()) {
            throw new InvalidScheduleException(text, "rate lleva dos partes separadas por un espacio, el valor y la "
                    + "unidad, y aquí hay " + (parts[0].isEmpty() ? 0 : parts.length)
                    + ". Por ejemplo: 'rate(5 minutes)'.");
        }
        long value = value(text, parts[0]);
        Unit unit = unit(text, parts[1], value);
        String expected = unit.spelling(value);
        if (!parts[1].equals(expected)) {
            String number = value == 1 ? "singular" : "plural";
            throw new InvalidScheduleException(text, "con el valor " + value + " la unidad va en " + number
                    + ". Escribe 'rate(" + value + " " + expected + ")'.");
        }
        return new RateExpression(text, value, unit);
    }

    private static long value(String text, String value) {
        if (!value.matches("\\d+")) {
            throw new InvalidScheduleException(text, "el valor '" + value + "' no es un número entero positivo. "
                    + "Escribe solo dígitos, por ejemplo 'rate(5 minutes)'.");
        }
        if (value.matches("0+")) {
            throw new InvalidScheduleException(text, "el valor debe ser positivo y es " + value
                    + ". El intervalo mínimo es 'rate(1 minute)'.");
        }
        if (value.startsWith("0")) {
            throw new InvalidScheduleException(text, "el valor '" + value + "' empieza por 0. Escríbelo sin ceros a "
                    + "la izquierda: '" + value.replaceFirst("^0+", "") + "'.");
        }
        if (value.length() > MAX_DIGITS) {
            throw new InvalidScheduleException(text, "el valor '" + value + "' es demasiado grande: el cuaderno "
                    + "admite hasta " + MAX_DIGITS + " cifras. Usa una unidad mayor, como 'days'.");
        }
        return Long.parseLong(value);
    }

    private static Unit unit(String text, String unit, long value) {
        String lower = unit.toLowerCase(Locale.ROOT);
        for (Unit candidate : Unit.values()) {
            if (lower.equals(candidate.singular) || lower.equals(candidate.plural)) {
                if (!unit.equals(lower)) {
                    throw new InvalidScheduleException(text, "la unidad '" + unit + "' se escribe en minúsculas: '"
                            + candidate.spelling(value) + "'.");
                }
                return candidate;
            }
        }
        if (SUB_MINUTE_UNITS.contains(lower)) {
            throw new InvalidScheduleException(text, "EventBridge no admite programaciones de menos de un minuto. "
                    + "La unidad más pequeña es 'minute': 'rate(1 minute)'.");
        }
        if (LONGER_UNITS.contains(lower)) {
            throw new InvalidScheduleException(text, "EventBridge no admite la unidad '" + unit
                    + "' en rate. Exprésala en días, por ejemplo 'rate(7 days)' para una semana, o usa una "
                    + "expresión cron.");
        }
        throw new InvalidScheduleException(text, "la unidad '" + unit + "' no existe. Usa minute, minutes, hour, "
                + "hours, day o days.");
    }
}
