package dev.lambdaworkbook.schedule;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.context.OutputCapture;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.grading.Graded;
import dev.lambdaworkbook.kit.schedule.ScheduleExpression;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.joda.time.DateTime;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Ejercicio 03: pruebas ocultas")
@TestClassOrder(ClassOrderer.DisplayName.class)
class ScheduledHandlerHiddenTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Nested
    @DisplayName("Tarea 1: la hora de ejecución en UTC")
    class RunTime {

        @ParameterizedTest(name = "reloj en {0} (Madrid) → {1}")
        @CsvSource(delimiter = '|', textBlock = """
                2026-03-19T09:01:07.999Z | 2026-03-19 09:01:07 UTC
                2026-12-31T23:30:00Z     | 2026-12-31 23:30:00 UTC
                2026-03-29T00:59:59Z     | 2026-03-29 00:59:59 UTC
                2026-03-29T01:00:00Z     | 2026-03-29 01:00:00 UTC
                """)
        @Graded(task = 1, points = 1)
        @DisplayName("Trunca los milisegundos y no cambia de día ni de hora con la zona del reloj")
        void truncatesAndIgnoresClockZone(String now, String expected) {
            ScheduledHandler handler = new ScheduledHandler(Clock.fixed(Instant.parse(now), MADRID));

            String runTime = handler.runTime();

            Expect.equal(expected, runTime, "runTime() con el reloj en " + now + " y zona Europe/Madrid",
                    "Escribe clock.instant() en UTC, sin milisegundos.");
        }

        @Test
        @Graded(task = 1, points = 1)
        @DisplayName("El constructor sin argumentos usa la hora real")
        void systemClock() {
            Instant before = Instant.now();

            String runTime = new ScheduledHandler().runTime();

            Instant parsed = Instant.parse(runTime.replace(" UTC", "Z").replace(' ', 'T'));
            Expect.that(!parsed.isBefore(before.minusSeconds(1)) && !parsed.isAfter(Instant.now()), () ->
                    "runTime() con el reloj del sistema da " + runTime + " y la hora UTC actual es " + before
                            + ". ¿Usas clock.instant() y el reloj del constructor sin argumentos?");
        }
    }

    @Nested
    @DisplayName("Tarea 2: la hora del evento y el retraso")
    class EventTimeAndDelay {

        @ParameterizedTest(name = "time {0} → {1}")
        @CsvSource(delimiter = '|', textBlock = """
                2027-01-01T00:30:00+01:00 | 2026-12-31 23:30:00 UTC
                2026-03-29T03:00:00+02:00 | 2026-03-29 01:00:00 UTC
                2026-03-19T09:01:00.000Z  | 2026-03-19 09:01:00 UTC
                """)
        @Graded(task = 2, points = 1)
        @DisplayName("Convierte a UTC la hora del evento también al cambiar de año o de horario")
        void eventTimeAcrossBoundaries(String time, String expected) {
            ScheduledEvent event = SampleEvents.scheduled();
            event.setTime(DateTime.parse(time));

            String eventTime = new ScheduledHandler(Clock.systemUTC()).eventTime(event);

            Expect.equal(expected, eventTime, "eventTime(...) con time " + time,
                    "Convierte event.getTime() en Instant y escríbelo en UTC.");
        }

        @ParameterizedTest(name = "reloj {0} s después del evento")
        @ValueSource(longs = {-3, 0, 1, 300, 3_600})
        @Graded(task = 2, points = 1)
        @DisplayName("El retraso sale con signo y en segundos, sea cual sea su tamaño")
        void delayWithSign(long seconds) {
            ScheduledEvent event = SampleEvents.scheduled();
            Instant scheduled = Instant.ofEpochMilli(event.getTime().getMillis());
            ScheduledHandler handler = new ScheduledHandler(Clock.fixed(scheduled.plusSeconds(seconds), MADRID));

            long delay = handler.delaySeconds(event);

            Expect.equal(seconds, delay, "delaySeconds(...) con el reloj " + seconds + " s después del evento",
                    "Calcula Duration.between(hora del evento, clock.instant()).toSeconds(); si el reloj va por "
                            + "detrás del evento, sale negativo.");
        }

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("La línea sale en el log de la función")
        void lineInLog() {
            ScheduledEvent event = SampleEvents.scheduled();
            ScheduledHandler handler = new ScheduledHandler(
                    Clock.fixed(Instant.parse("2026-03-19T09:02:30Z"), MADRID));
            String line;
            String printed;

            try (OutputCapture output = OutputCapture.start()) {
                line = handler.handleRequest(event, TestContext.builder().functionName("cada-minuto").build());
                printed = output.stdout();
            }

            Expect.equal("Ejecución: 2026-03-19 09:02:30 UTC | Evento: 2026-03-19 09:01:00 UTC | Retraso: 90 s", line,
                    "Valor que devuelve handleRequest con 90 s de retraso", "Revisa los tres métodos.");
            Expect.that(printed.contains(line), () -> "La salida de la función debería contener «" + line
                    + "» y es «" + printed + "». Escríbela con context.getLogger().log(...).");
        }
    }

    @Nested
    @DisplayName("Tarea 3: la programación en template.yaml")
    class ScheduleInTemplate {

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("El Handler de la plantilla apunta a ScheduledHandler")
        void handlerMatchesClass() {
            FunctionConfig config = TemplateSchedules.config();

            Expect.equal(ScheduledHandler.class.getName(), config.handlerClass(), "Clase del Handler en template.yaml",
                    "No cambies el Handler: Lambda busca la clase por ese nombre.");
        }

        @ParameterizedTest(name = "desde {0}")
        @ValueSource(strings = {"2026-03-29T00:58:00Z", "2026-10-25T00:58:00Z", "2027-06-30T23:59:00Z"})
        @Graded(task = 3, points = 1)
        @DisplayName("Sigue disparando cada minuto en los cambios de horario de Madrid")
        void everyMinuteAcrossDaylightSaving(String start) {
            ScheduleExpression expression = TemplateSchedules.expression(TemplateSchedules.schedules().get(0));

            List<Instant> times = expression.nextFireTimes(Instant.parse(start), 180);

            for (int index = 1; index < times.size(); index++) {
                Duration gap = Duration.between(times.get(index - 1), times.get(index));
                int position = index;
                Expect.that(gap.equals(Duration.ofSeconds(60)), () -> "Con '" + expression.expression()
                        + "' hay " + gap.toSeconds() + " s entre " + times.get(position - 1) + " y "
                        + times.get(position) + ". EventBridge usa UTC: la expresión no debe depender del horario.");
            }
            Expect.equal(180, times.size(), "Ejecuciones de '" + expression.expression() + "' en tres horas",
                    "Una expresión cada minuto dispara 180 veces en tres horas.");
        }
    }
}
