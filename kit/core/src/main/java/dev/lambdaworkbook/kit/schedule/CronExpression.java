package dev.lambdaworkbook.kit.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronConstraintsFactory;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code cron(minutes hours day-of-month month day-of-week year)} schedule, evaluated in UTC.
 *
 * <p>The fields follow the EventBridge user guide: minutes 0-59, hours 0-23, day of month 1-31 with {@code ? L W},
 * month 1-12 or JAN-DEC, day of week 1-7 (1 is Sunday) or SUN-SAT with {@code ? L #}, year 1970-2199; every field
 * takes {@code , - *} and all but day of week take {@code /}. Exactly one of day of month and day of week is
 * {@code ?}.
 *
 * <p>NOTE: names and letters are accepted in any case, as Quartz accepts them; the EventBridge guide only shows upper
 * case, and whether EventBridge accepts {@code mon-fri} is not documented there.
 */
public final class CronExpression implements ScheduleExpression {

    private static final CronParser PARSER = new CronParser(eventBridgeDefinition());
    private static final CronFieldRule[] RULES = CronFieldRule.values();
    private static final int DAY_OF_MONTH = 2;
    private static final int DAY_OF_WEEK = 4;
    private static final String FIELD_LIST = "minutos, horas, día del mes, mes, día de la semana y año";
    private static final Pattern OUT_OF_RANGE = Pattern.compile("Value (\\d+) not in range \\[(\\d+), (\\d+)]");
    private static final Pattern BAD_PERIOD = Pattern.compile("Period (\\d+) not in range \\[(\\d+), (\\d+)]");
    private static final Pattern REVERSED = Pattern.compile("Invalid range! \\[(\\d+),\\s*(\\d+)]");

    private final String expression;
    private final List<String> fields;
    private final ExecutionTime executionTime;

    private CronExpression(String expression, List<String> fields, Cron cron) {
        this.expression = expression;
        this.fields = fields;
        this.executionTime = ExecutionTime.forCron(cron);
    }

    @Override
    public String expression() {
        return expression;
    }

    /** Returns the six fields as written: minutes, hours, day of month, month, day of week, year. */
    public List<String> fields() {
        return fields;
    }

    @Override
    public List<Instant> nextFireTimes(Instant from, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("El número de ejecuciones no puede ser negativo: " + count);
        }
        List<Instant> times = new ArrayList<>(count);
        ZonedDateTime previous = from.atZone(ZoneOffset.UTC);
        while (times.size() < count) {
            Optional<ZonedDateTime> next = executionTime.nextExecution(previous);
            if (next.isEmpty()) {
                break;
            }
            previous = next.get();
            times.add(previous.toInstant());
        }
        return List.copyOf(times);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronExpression cron && cron.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return expression;
    }

    static CronExpression parseCron(String text) {
        String inside = text.substring("cron(".length(), text.length() - 1).strip();
        String[] fields = inside.isEmpty() ? new String[0] : inside.split("\\s+");
        if (fields.length != RULES.length) {
            throw new InvalidScheduleException(text, fieldCountProblem(fields.length));
        }
        for (int index = 0; index < fields.length; index++) {
            String problem = RULES[index].problem(fields[index]);
            if (problem != null) {
                throw new InvalidScheduleException(text, problem);
            }
        }
        checkQuestionMark(text, fields);
        return new CronExpression(text, List.of(fields), parseWithCronUtils(text, fields));
    }

    private static String fieldCountProblem(int count) {
        String base = "tiene " + count + (count == 1 ? " campo" : " campos") + " y EventBridge exige 6: "
                + FIELD_LIST + ".";
        if (count == 5) {
            return base + " Parece una expresión del crontab de Linux: añade el año al final y pon '?' en el día del "
                    + "mes o en el de la semana, por ejemplo 'cron(* * * * ? *)'.";
        }
        if (count == 7) {
            return base + " Parece una expresión de Quartz con segundos: EventBridge no tiene campo de segundos ni "
                    + "programa nada cada menos de un minuto. Quita el primer campo.";
        }
        return base;
    }

    private static void checkQuestionMark(String text, String[] fields) {
        String dayOfMonth = fields[DAY_OF_MONTH];
        String dayOfWeek = fields[DAY_OF_WEEK];
        boolean monthAny = dayOfMonth.equals("?");
        boolean weekAny = dayOfWeek.equals("?");
        if (monthAny && weekAny) {
            throw new InvalidScheduleException(text, "lleva '?' en el día del mes y en el día de la semana. Solo uno "
                    + "de los dos es '?'; el otro lleva un valor o '*', como en 'cron(0 8 * * ? *)'.");
        }
        if (monthAny || weekAny) {
            return;
        }
        String both = "'" + dayOfMonth + "' y '" + dayOfWeek + "'";
        if (!dayOfMonth.equals("*") && !dayOfWeek.equals("*")) {
            throw new InvalidScheduleException(text, "EventBridge no deja fijar a la vez el día del mes y el día de "
                    + "la semana (" + both + "). Pon '?' en uno de los dos.");
        }
        String[] suggestion = fields.clone();
        suggestion[dayOfWeek.equals("*") ? DAY_OF_WEEK : DAY_OF_MONTH] = "?";
        String reason = "EventBridge exige '?' en el día del mes o en el día de la semana, y aquí son " + both
                + ". Pon '?' en el que no uses: 'cron(" + String.join(" ", suggestion) + ")'.";
        if (dayOfMonth.equals("*") && dayOfWeek.equals("*")) {
            reason += " Si la copiaste de Spring o Quartz: en EventBridge el primer campo son los minutos, no los "
                    + "segundos, así que esa corrección se dispara según '" + fields[0] + "' en los minutos; y no "
                    + "hay programaciones de menos de un minuto.";
        }
        throw new InvalidScheduleException(text, reason);
    }

    private static Cron parseWithCronUtils(String text, String[] fields) {
        try {
            return parse(fields);
        } catch (IllegalArgumentException rejected) {
            for (int index = 0; index < fields.length; index++) {
                String problem = probe(index, fields[index]);
                if (problem != null) {
                    throw new InvalidScheduleException(text, problem);
                }
            }
            throw new InvalidScheduleException(text, "EventBridge no acepta esta combinación de campos (detalle de "
                    + "cron-utils: " + rejected.getMessage() + ").");
        }
    }

    /**
     * Parses one field inside an otherwise valid expression, so a rejection can name the field that caused it.
     * Returns the Spanish reason, or {@code null} when the field parses on its own.
     */
    private static String probe(int index, String value) {
        String[] fields = {"0", "0", "1", "1", "?", "2100"};
        fields[index] = value;
        if (index == DAY_OF_MONTH && value.equals("?")) {
            fields[DAY_OF_WEEK] = "1";
        }
        if (index == DAY_OF_WEEK && !value.equals("?")) {
            fields[DAY_OF_MONTH] = "?";
        }
        try {
            parse(fields);
            return null;
        } catch (IllegalArgumentException rejected) {
            return translate(RULES[index], value, String.valueOf(rejected.getMessage()));
        }
    }

    /** Turns the cron-utils 9.2 messages that name a bad number into Spanish; any other gets the generic forms. */
    private static String translate(CronFieldRule rule, String value, String message) {
        Matcher outOfRange = OUT_OF_RANGE.matcher(message);
        if (outOfRange.find()) {
            return rule.describe(value) + " contiene " + outOfRange.group(1) + ", fuera del rango "
                    + outOfRange.group(2) + "-" + outOfRange.group(3) + ".";
        }
        Matcher badPeriod = BAD_PERIOD.matcher(message);
        if (badPeriod.find()) {
            return rule.describe(value) + " tiene el incremento /" + badPeriod.group(1)
                    + ", que no es válido: usa un número de 1 a " + badPeriod.group(3) + ".";
        }
        Matcher reversed = REVERSED.matcher(message);
        if (reversed.find()) {
            return rule.describe(value) + " tiene un rango de " + reversed.group(1) + " a " + reversed.group(2)
                    + ": escribe primero el valor menor.";
        }
        return rule.validForms(value);
    }

    private static Cron parse(String[] fields) {
        String upper = String.join(" ", Arrays.stream(fields).map(field -> field.toUpperCase(Locale.ROOT)).toList());
        Cron cron = PARSER.parse(upper);
        cron.validate();
        return cron;
    }

    /** Builds the EventBridge fields as a cron-utils definition: Quartz without seconds, with a required year. */
    private static CronDefinition eventBridgeDefinition() {
        return CronDefinitionBuilder.defineCron()
                .withMinutes().withValidRange(0, 59).withStrictRange().and()
                .withHours().withValidRange(0, 23).withStrictRange().and()
                .withDayOfMonth().withValidRange(1, 31).supportsL().supportsW().supportsLW().supportsQuestionMark()
                .withStrictRange().and()
                .withMonth().withValidRange(1, 12).withStrictRange().and()
                .withDayOfWeek().withValidRange(1, 7).withMondayDoWValue(2).supportsHash().supportsL()
                .supportsQuestionMark().withStrictRange().and()
                .withYear().withValidRange(1970, 2199).withStrictRange().and()
                .withCronValidation(CronConstraintsFactory.ensureEitherDayOfWeekOrDayOfMonth())
                .instance();
    }
}
