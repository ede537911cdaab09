package dev.lambdaworkbook.schedule;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.config.Trigger;
import dev.lambdaworkbook.kit.context.RecordingLogger;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.grading.Graded;
import dev.lambdaworkbook.kit.schedule.ScheduleExpression;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

@DisplayName("Ejercicio 03: función programada cada minuto")
@TestClassOrder(ClassOrderer.DisplayName.class)
class ScheduledHandlerTest {

    /** The time of the sample event: the minute EventBridge scheduled. */
    static final Instant SCHEDULED = Instant.parse("2026-03-19T09:01:00Z");

    /** When the function runs: EventBridge delivered the event 7.25 s late. */
    static final Instant RUN = Instant.parse("2026-03-19T09:01:07.250Z");

    static ScheduledHandler handlerAt(Instant now) {
        return new ScheduledHandler(Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Returns the sample event with its time in the offset written, as Joda's parse keeps it. */
    static ScheduledEvent eventAt(String isoTime) {
        ScheduledEvent event = SampleEvents.scheduled();
        event.setTime(DateTime.parse(isoTime));
        return event;
    }

    @Nested
    @DisplayName("Tarea 1: la hora de ejecución en UTC")
    class RunTime {

        @Test
        @Graded(task = 1, points = 1)
        @DisplayName("Da la hora del reloj con el formato 2026-03-19 09:01:07 UTC")
        void formatsClock() {
            ScheduledHandler handler = handlerAt(RUN);

            String runTime = handler.runTime();

            Expect.equal("2026-03-19 09:01:07 UTC", runTime, "runTime() con el reloj en " + RUN,
                    "Toma la hora con clock.instant() y escríbela con FORMAT; los milisegundos no se escriben.");
        }

        @ParameterizedTest(name = "reloj en la zona {0}")
        @ValueSource(strings = {"Europe/Madrid", "America/New_York", "Asia/Tokyo"})
        @Graded(task = 1, points = 2)
        @DisplayName("Escribe la hora en UTC aunque el reloj esté en otra zona horaria")
        void utcWhateverTheClockZone(String zone) {
            ScheduledHandler handler = new ScheduledHandler(Clock.fixed(RUN, ZoneId.of(zone)));

            String runTime = handler.runTime();

            Expect.equal("2026-03-19 09:01:07 UTC", runTime, "runTime() con el reloj en " + RUN + " y zona " + zone,
                    "Pasa la hora a UTC con clock.instant().atZone(ZoneOffset.UTC), no con la zona del reloj.");
        }
    }

    @Nested
    @DisplayName("Tarea 2: la hora del evento y el retraso")
    class EventTimeAndDelay {

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("Da la hora del evento de ejemplo con el mismo formato")
        void sampleEventTime() {
            ScheduledEvent event = SampleEvents.scheduled();

            String eventTime = handlerAt(RUN).eventTime(event);

            Expect.equal("2026-03-19 09:01:00 UTC", eventTime, "eventTime(...) del evento de ejemplo, con time "
                    + "2026-03-19T09:01:00Z", "Lee event.getTime() y escríbelo con FORMAT.");
        }

        @ParameterizedTest(name = "time {0}")
        @ValueSource(strings = {"2026-03-19T10:01:00+01:00", "2026-03-19T05:01:00-04:00",
                "2026-03-19T18:01:00+09:00"})
        @Graded(task = 2, points = 1)
        @DisplayName("Escribe la hora del evento en UTC aunque llegue con otra zona horaria")
        void eventTimeInUtc(String time) {
            ScheduledEvent event = eventAt(time);

            String eventTime = handlerAt(RUN).eventTime(event);

            Expect.equal("2026-03-19 09:01:00 UTC", eventTime, "eventTime(...) con time " + time,
                    "Convierte event.getTime() en Instant con Instant.ofEpochMilli(event.getTime().getMillis()) y "
                            + "escríbelo en UTC.");
        }

        @ParameterizedTest(name = "ejecución a las {0} → {1} s")
        @CsvSource(delimiter = '|', textBlock = """
                2026-03-19T09:01:00Z     |   0
                2026-03-19T09:01:07.250Z |   7
                2026-03-19T09:01:59.999Z |  59
                2026-03-19T09:03:00Z     | 120
                """)
        @Graded(task = 2, points = 2)
        @DisplayName("Calcula el retraso en segundos enteros, también si el evento llega minutos tarde")
        void delay(String now, long expectedSeconds) {
            ScheduledEvent event = SampleEvents.scheduled();

            long delay = handlerAt(Instant.parse(now)).delaySeconds(event);

            Expect.equal(expectedSeconds, delay, "delaySeconds(...) con el evento programado para " + SCHEDULED
                    + " y el reloj en " + now, "Calcula Duration.between(hora del evento, clock.instant())"
                    + ".toSeconds().");
        }

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("handleRequest escribe y devuelve la línea completa")
        void fullLine() {
            RecordingLogger logger = new RecordingLogger();

            String line = handlerAt(RUN).handleRequest(SampleEvents.scheduled(),
                    TestContext.builder().functionName("cada-minuto").logger(logger).build());

            String expected = "Ejecución: 2026-03-19 09:01:07 UTC | Evento: 2026-03-19 09:01:00 UTC | Retraso: 7 s";
            Expect.equal(expected, line, "Valor que devuelve handleRequest", "Revisa runTime(), eventTime(...) y "
                    + "delaySeconds(...).");
            Expect.equal(List.of(expected), logger.messages(), "Líneas escritas en el log",
                    "handleRequest escribe la línea una vez con context.getLogger().log(...).");
        }

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("El mismo evento entregado dos veces se registra dos veces, con su retraso")
        void duplicateDelivery() {
            RecordingLogger logger = new RecordingLogger();
            TestContext context = TestContext.builder().functionName("cada-minuto").logger(logger).build();
            ScheduledEvent event = SampleEvents.scheduled();

            handlerAt(RUN).handleRequest(event, context);
            handlerAt(RUN.plusSeconds(31)).handleRequest(event, context);

            Expect.equal(List.of(
                    "Ejecución: 2026-03-19 09:01:07 UTC | Evento: 2026-03-19 09:01:00 UTC | Retraso: 7 s",
                    "Ejecución: 2026-03-19 09:01:38 UTC | Evento: 2026-03-19 09:01:00 UTC | Retraso: 38 s"),
                    logger.messages(), "Líneas del log tras recibir dos veces el evento " + event.getId(),
                    "EventBridge entrega cada evento al menos una vez: la función no debe fallar con un duplicado.");
        }
    }

    @Nested
    @DisplayName("Tarea 3: la programación en template.yaml")
    class ScheduleInTemplate {

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("La función tiene un único evento Schedule activado")
        void oneEnabledSchedule() {
            List<Trigger.Schedule> schedules = TemplateSchedules.schedules();

            Expect.equal(1, schedules.size(), "Número de eventos Schedule en template.yaml",
                    "Deja un único evento de tipo Schedule en Events.");
            Expect.that(schedules.get(0).enabled(), () -> "El evento '" + schedules.get(0).name()
                    + "' tiene Enabled: false y EventBridge no lo dispararía. Quita Enabled o ponlo a true.");
        }

        @Test
        @Graded(task = 3, points = 2)
        @DisplayName("La expresión es válida para EventBridge")
        void validExpression() {
            Trigger.Schedule schedule = TemplateSchedules.schedules().get(0);

            TemplateSchedules.expression(schedule);
        }

        @ParameterizedTest(name = "desde {0}")
        @ValueSource(strings = {"2026-03-19T09:00:18Z", "2026-12-31T23:58:30Z", "2028-02-28T23:59:59Z"})
        @Graded(task = 3, points = 2)
        @DisplayName("Las 10 próximas ejecuciones van separadas 60 segundos")
        void firesEveryMinute(String start) {
            Instant from = Instant.parse(start);
            ScheduleExpression expression = TemplateSchedules.expression(TemplateSchedules.schedules().get(0));

            List<Instant> times = expression.nextFireTimes(from, 10);

            Expect.equal(10, times.size(), "Ejecuciones de '" + expression.expression() + "' a partir de " + start,
                    "La expresión debe seguir disparando indefinidamente: no fijes un año concreto.");
            Duration first = Duration.between(from, times.get(0));
            Expect.that(first.compareTo(Duration.ofSeconds(60)) <= 0, () -> "La primera ejecución de '"
                    + expression.expression() + "' a partir de " + start + " llega a las " + times.get(0)
                    + ", más de un minuto después. Debe dispararse cada minuto.");
            for (int index = 1; index < times.size(); index++) {
                Duration gap = Duration.between(times.get(index - 1), times.get(index));
                int position = index;
                Expect.that(gap.equals(Duration.ofSeconds(60)), () -> "Con '" + expression.expression()
                        + "', entre la ejecución " + position + " (" + times.get(position - 1) + ") y la "
                        + (position + 1) + " (" + times.get(position) + ") pasan " + gap.toSeconds()
                        + " s y se esperaban 60. Revisa el campo de los minutos o la unidad de rate.");
            }
        }
    }
}
