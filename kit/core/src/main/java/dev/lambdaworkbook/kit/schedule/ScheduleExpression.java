package dev.lambdaworkbook.kit.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An EventBridge schedule expression, {@code rate(value unit)} or {@code cron(minutes hours day-of-month month
 * day-of-week year)}, checked against the rules of the EventBridge user guide ("Cron expressions reference" and
 * "Rate expressions reference"). Fire times are in UTC: EventBridge scheduled rules, which SAM's {@code Schedule}
 * event creates, take no time zone.
 *
 * <pre>{@code
 * ScheduleExpression schedule = ScheduleExpression.parse("cron(0/15 8-17 ? * MON-FRI *)");
 * List<Instant> next = schedule.nextFireTimes(Instant.now(), 5);
 * }</pre>
 */
public sealed interface ScheduleExpression permits RateExpression, CronExpression {

    /**
     * Parses and validates an expression as EventBridge would.
     *
     * @throws InvalidScheduleException when EventBridge would reject it; its Spanish message gives the reason
     */
    static ScheduleExpression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidScheduleException(expression == null ? "" : expression,
                    "está vacía. Escribe, por ejemplo, 'rate(1 minute)' o 'cron(* * * * ? *)'.");
        }
        String text = expression.strip();
        if (text.startsWith("rate(") && text.endsWith(")")) {
            return RateExpression.parseRate(text);
        }
        if (text.startsWith("cron(") && text.endsWith(")")) {
            return CronExpression.parseCron(text);
        }
        throw new InvalidScheduleException(text, notRateNorCron(text));
    }

    /** The expression as written, without surrounding blanks. */
    String expression();

    /**
     * Lists the next {@code count} fire times strictly after {@code from}, in UTC and in order. The list is shorter
     * when the schedule ends first, for example a cron expression whose years are over.
     *
     * @throws IllegalArgumentException when {@code count} is negative
     */
    List<Instant> nextFireTimes(Instant from, int count);

    private static String notRateNorCron(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean knownPrefix = lower.startsWith("rate(") || lower.startsWith("cron(");
        if (knownPrefix && text.endsWith(")")) {
            return "'rate' y 'cron' se escriben en minúsculas: '" + lower.substring(0, 4) + text.substring(4) + "'.";
        }
        if (knownPrefix) {
            return "falta el paréntesis de cierre: '" + text + ")'.";
        }
        if (text.matches("[0-9A-Za-z*?/,#-]+( +[0-9A-Za-z*?/,#-]+){4,6}")) {
            return "parece una expresión cron sin envolver. EventBridge la espera dentro de 'cron(...)', por ejemplo "
                    + "'cron(" + text + ")', con 6 campos.";
        }
        return "EventBridge solo admite 'rate(valor unidad)', como 'rate(5 minutes)', o 'cron(minutos horas "
                + "día-del-mes mes día-de-la-semana año)', como 'cron(0 8 * * ? *)'.";
    }
}
