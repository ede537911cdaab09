package dev.lambdaworkbook.kit.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Expresiones de programación de EventBridge")
class ScheduleExpressionTest {

    private static final Instant FROM = Instant.parse("2026-03-19T09:00:18Z");

    @Nested
    @DisplayName("Aceptadas")
    class Accepted {

        @ParameterizedTest(name = "{0} dispara cada 60 s")
        @ValueSource(strings = {"rate(1 minute)", "cron(* * * * ? *)", "cron(0/1 * * * ? *)", "cron(*/1 * * * ? *)",
                "cron(* * ? * * *)", "  rate(1 minute)  "})
        @DisplayName("cada minuto")
        void everyMinute(String expression) {
            ScheduleExpression schedule = ScheduleExpression.parse(expression);

            List<Instant> times = schedule.nextFireTimes(FROM, 10);

            assertEquals(10, times.size(), "número de ejecuciones de " + expression);
            for (int index = 1; index < times.size(); index++) {
                assertEquals(Duration.ofSeconds(60), Duration.between(times.get(index - 1), times.get(index)),
                        "separación entre la ejecución " + index + " y la " + (index + 1) + " de " + expression);
            }
        }

        /** Expected times are checked by hand against a 2026 calendar: 19 March 2026 is a Thursday. */
        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', textBlock = """
                rate(1 minute)              | 2026-03-19T09:01:00Z 2026-03-19T09:02:00Z 2026-03-19T09:03:00Z
                rate(5 minutes)             | 2026-03-19T09:05:00Z 2026-03-19T09:10:00Z 2026-03-19T09:15:00Z
                rate(1 hour)                | 2026-03-19T10:00:00Z 2026-03-19T11:00:00Z 2026-03-19T12:00:00Z
                rate(12 hours)              | 2026-03-19T21:00:00Z 2026-03-20T09:00:00Z 2026-03-20T21:00:00Z
                rate(1 day)                 | 2026-03-20T09:00:00Z 2026-03-21T09:00:00Z 2026-03-22T09:00:00Z
                rate(7 days)                | 2026-03-26T09:00:00Z 2026-04-02T09:00:00Z 2026-04-09T09:00:00Z
                cron(* * * * ? *)           | 2026-03-19T09:01:00Z 2026-03-19T09:02:00Z 2026-03-19T09:03:00Z
                cron(*/5 * * * ? *)         | 2026-03-19T09:05:00Z 2026-03-19T09:10:00Z 2026-03-19T09:15:00Z
                cron(1/10 * * * ? *)        | 2026-03-19T09:01:00Z 2026-03-19T09:11:00Z 2026-03-19T09:21:00Z
                cron(0 10 * * ? *)          | 2026-03-19T10:00:00Z 2026-03-20T10:00:00Z 2026-03-21T10:00:00Z
                cron(15 12 * * ? *)         | 2026-03-19T12:15:00Z 2026-03-20T12:15:00Z 2026-03-21T12:15:00Z
                cron(0 18 ? * MON-FRI *)    | 2026-03-19T18:00:00Z 2026-03-20T18:00:00Z 2026-03-23T18:00:00Z
                cron(0/30 8-9 ? * 2-6 *)    | 2026-03-19T09:30:00Z 2026-03-20T08:00:00Z 2026-03-20T08:30:00Z
                cron(0 8 1 * ? *)           | 2026-04-01T08:00:00Z 2026-05-01T08:00:00Z 2026-06-01T08:00:00Z
                cron(0 8 1,15 * ? *)        | 2026-04-01T08:00:00Z 2026-04-15T08:00:00Z 2026-05-01T08:00:00Z
                cron(0 9 ? * 2#1 *)         | 2026-04-06T09:00:00Z 2026-05-04T09:00:00Z 2026-06-01T09:00:00Z
                cron(0 17 ? * FRI#3 *)      | 2026-03-20T17:00:00Z 2026-04-17T17:00:00Z 2026-05-15T17:00:00Z
                cron(0 12 L * ? *)          | 2026-03-31T12:00:00Z 2026-04-30T12:00:00Z 2026-05-31T12:00:00Z
                cron(0 12 ? * 6L *)         | 2026-03-27T12:00:00Z 2026-04-24T12:00:00Z 2026-05-29T12:00:00Z
                cron(0 12 ? * L *)          | 2026-03-21T12:00:00Z 2026-03-28T12:00:00Z 2026-04-04T12:00:00Z
                cron(0 12 15W * ? *)        | 2026-04-15T12:00:00Z 2026-05-15T12:00:00Z 2026-06-15T12:00:00Z
                cron(0 12 LW * ? *)         | 2026-03-31T12:00:00Z 2026-04-30T12:00:00Z 2026-05-29T12:00:00Z
                cron(0 12 * JAN,MAR ? 2027) | 2027-01-01T12:00:00Z 2027-01-02T12:00:00Z 2027-01-03T12:00:00Z
                cron(0 12 1 jan ? *)        | 2027-01-01T12:00:00Z 2028-01-01T12:00:00Z 2029-01-01T12:00:00Z
                cron(30 9 ? * sun *)        | 2026-03-22T09:30:00Z 2026-03-29T09:30:00Z 2026-04-05T09:30:00Z
                cron(0 0 1 */6 ? *)         | 2026-07-01T00:00:00Z 2027-01-01T00:00:00Z 2027-07-01T00:00:00Z
                cron(0 0 29 2 ? *)          | 2028-02-29T00:00:00Z 2032-02-29T00:00:00Z 2036-02-29T00:00:00Z
                cron(0 0 1 1 ? 2030-2031)   | 2030-01-01T00:00:00Z 2031-01-01T00:00:00Z
                cron(0 0 30 2 ? *)          |
                cron(0 0 1 1 ? 1999)        |
                """)
        @DisplayName("próximas ejecuciones en UTC")
        void nextFireTimes(String expression, String expected) {
            List<Instant> expectedTimes = expected == null ? List.of()
                    : Arrays.stream(expected.split(" ")).map(Instant::parse).toList();

            List<Instant> times = ScheduleExpression.parse(expression).nextFireTimes(FROM, 3);

            assertEquals(expectedTimes, times, "próximas 3 ejecuciones de " + expression + " desde " + FROM);
        }

        @Test
        @DisplayName("la siguiente ejecución es siempre posterior al instante de partida")
        void strictlyAfterFrom() {
            Instant onTheMinute = Instant.parse("2026-03-19T09:01:00Z");

            List<Instant> times = ScheduleExpression.parse("cron(* * * * ? *)").nextFireTimes(onTheMinute, 1);

            assertEquals(List.of(Instant.parse("2026-03-19T09:02:00Z")), times);
        }

        @Test
        @DisplayName("cron cruza el fin de año en UTC")
        void crossesNewYear() {
            Instant lastMinutes = Instant.parse("2026-12-31T23:58:30Z");

            List<Instant> times = ScheduleExpression.parse("cron(* * * * ? *)").nextFireTimes(lastMinutes, 3);

            assertEquals(List.of(Instant.parse("2026-12-31T23:59:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                    Instant.parse("2027-01-01T00:01:00Z")), times);
        }

        @Test
        @DisplayName("rate guarda valor, unidad y periodo")
        void rateParts() {
            ScheduleExpression schedule = ScheduleExpression.parse("rate(90 minutes)");

            RateExpression rate = assertInstanceOf(RateExpression.class, schedule);
            assertEquals(90, rate.value());
            assertEquals(RateExpression.Unit.MINUTE, rate.unit());
            assertEquals(Duration.ofMinutes(90), rate.period());
            assertEquals("rate(90 minutes)", rate.expression());
        }

        @Test
        @DisplayName("cron guarda sus seis campos tal como se escribieron")
        void cronFields() {
            ScheduleExpression schedule = ScheduleExpression.parse("cron(0/5 8-17 ? * mon-fri *)");

            CronExpression cron = assertInstanceOf(CronExpression.class, schedule);
            assertEquals(List.of("0/5", "8-17", "?", "*", "mon-fri", "*"), cron.fields());
        }

        @Test
        @DisplayName("cero ejecuciones da una lista vacía y un número negativo se rechaza")
        void countBounds() {
            ScheduleExpression schedule = ScheduleExpression.parse("rate(1 minute)");

            List<Instant> none = schedule.nextFireTimes(FROM, 0);

            assertEquals(List.of(), none);
            assertThrows(IllegalArgumentException.class, () -> schedule.nextFireTimes(FROM, -1));
            assertThrows(IllegalArgumentException.class,
                    () -> ScheduleExpression.parse("cron(* * * * ? *)").nextFireTimes(FROM, -1));
        }

        @Test
        @DisplayName("dos mil ejecuciones de un cron cada minuto van seguidas")
        void longRunStaysRegular() {
            List<Instant> times = ScheduleExpression.parse("cron(* * * * ? *)").nextFireTimes(FROM, 2_000);

            assertTrue(IntStream.range(1, times.size()).allMatch(
                    index -> Duration.between(times.get(index - 1), times.get(index)).toSeconds() == 60),
                    "todas las ejecuciones deberían ir a 60 s de la anterior");
            assertEquals(Instant.parse("2026-03-20T18:20:00Z"), times.get(times.size() - 1));
        }
    }

    @Nested
    @DisplayName("Rechazadas")
    class Rejected {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                cron(* * * * *)             | tiene 5 campos y EventBridge exige 6
                rate(1 minutes)             | con el valor 1 la unidad va en singular. Escribe 'rate(1 minute)'.
                rate(5 minute)              | con el valor 5 la unidad va en plural. Escribe 'rate(5 minutes)'.
                cron(0/15 * * * * *)        | exige '?' en el día del mes o en el día de la semana
                cron(* * * * * *)           | en el que no uses: 'cron(* * * * ? *)'
                cron(0/15 * * * * *)        | no hay programaciones de menos de un minuto
                cron(0/15 * * * * *)        | esa corrección se dispara según '0/15' en los minutos
                cron(0 * * * * ? *)         | tiene 7 campos
                cron(0 * * * * ? *)         | Quita el primer campo
                cron()                      | tiene 0 campos
                cron(* * ? * ? *)           | lleva '?' en el día del mes y en el día de la semana
                cron(0 12 1 * MON *)        | no deja fijar a la vez el día del mes y el día de la semana ('1' y 'MON')
                cron(0 12 * * MON *)        | en el que no uses: 'cron(0 12 ? * MON *)'
                rate(0 minutes)             | el valor debe ser positivo y es 0
                rate(-5 minutes)            | el valor '-5' no es un número entero positivo
                rate(1.5 hours)             | el valor '1.5' no es un número entero positivo
                rate(05 minutes)            | empieza por 0
                rate(1234567890 minutes)    | demasiado grande
                rate(30 seconds)            | menos de un minuto
                rate(1 week)                | no admite la unidad 'week'
                rate(5 Minutes)             | se escribe en minúsculas: 'minutes'
                rate(5 mins)                | la unidad 'mins' no existe
                rate(5)                     | rate lleva dos partes
                rate()                      | rate lleva dos partes
                rate(1 minute now)          | aquí hay 3
                Rate(1 minute)              | se escriben en minúsculas: 'rate(1 minute)'
                rate(1 minute               | falta el paréntesis de cierre
                * * * * ? *                 | parece una expresión cron sin envolver
                every minute                | EventBridge solo admite 'rate(valor unidad)'
                cron(61 * * * ? *)          | el campo minutos ('61') contiene 61, fuera del rango 0-59
                cron(0 24 * * ? *)          | el campo horas ('24') contiene 24, fuera del rango 0-23
                cron(0 0 32 * ? *)          | fuera del rango 1-31
                cron(0 0 * 13 ? *)          | el campo mes ('13') contiene 13, fuera del rango 1-12
                cron(0 0 ? * 8 *)           | fuera del rango 1-7
                cron(0 0 ? * 0 *)           | fuera del rango 1-7
                cron(0 0 1 1 ? 2200)        | fuera del rango 1970-2199
                cron(0 0 1 1 ? 1969)        | fuera del rango 1970-2199
                cron(0 0 ? * 1/2 *)         | el campo día de la semana ('1/2') usa '/'
                cron(0 0 ? * 3#1,6#3 *)     | admite una sola expresión
                cron(0 0 ? * MON#6 *)       | tras '#' va un número de 1 a 5
                cron(0 0 * MON ? *)         | el campo mes ('MON') contiene 'MON'
                cron(0 0 ? * JAN *)         | contiene 'JAN', que no vale ahí
                cron(L 0 * * ? *)           | el campo minutos ('L') solo admite números
                cron(0 0 ? * 2W *)          | el campo día de la semana ('2W') contiene 'W'
                cron(0 0 1-5W * ? *)        | el campo día del mes ('1-5W') no tiene una forma válida
                cron(0 0 ?1 * * *)          | mezcla '?' con otros valores
                cron(0/0 * * * ? *)         | tiene el incremento /0
                cron(0/60 * * * ? *)        | tiene el incremento /60
                cron(5-2 * * * ? *)         | tiene un rango de 5 a 2: escribe primero el valor menor
                cron(0 0 * * ? * *)         | tiene 7 campos
                cron(0 8 * * ? * # cada día)| tiene 9 campos
                """)
        @DisplayName("el mensaje dice por qué")
        void explainsWhy(String expression, String reason) {
            InvalidScheduleException error = assertThrows(InvalidScheduleException.class,
                    () -> ScheduleExpression.parse(expression));

            assertTrue(error.getMessage().contains(reason),
                    "el mensaje para " + expression + " debería contener «" + reason + "» y es «" + error.getMessage()
                            + "»");
            assertTrue(error.getMessage().startsWith("La expresión de programación '" + expression.strip() + "'"),
                    "el mensaje debería citar la expresión: " + error.getMessage());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        @DisplayName("una expresión vacía se rechaza con un ejemplo")
        void empty(String expression) {
            InvalidScheduleException error = assertThrows(InvalidScheduleException.class,
                    () -> ScheduleExpression.parse(expression));

            assertTrue(error.reason().startsWith("está vacía"), error.getMessage());
        }
    }
}
