package dev.lambdaworkbook.contextinfo;

import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.context.ManualClock;
import dev.lambdaworkbook.kit.context.OutputCapture;
import dev.lambdaworkbook.kit.context.RecordingLogger;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.grading.Graded;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

@DisplayName("Ejercicio 02: contexto (pruebas ocultas)")
@TestClassOrder(ClassOrderer.DisplayName.class)
class ContextInfoHandlerHiddenTest {

    @Nested
    @DisplayName("Tarea 1: los campos del contexto en el log")
    class LogsContext {

        @Test
        @Graded(task = 1, points = 1)
        @DisplayName("logContext() escribe los valores del contexto recibido, no valores fijos")
        void otherContext() {
            RecordingLogger logger = new RecordingLogger();
            TestContext context = TestContext.builder().functionName("otra-funcion").memoryLimitInMB(10240)
                    .awsRequestId("11111111-2222-3333-4444-555555555555").logger(logger).build();

            try (OutputCapture ignored = OutputCapture.start()) {
                new ContextInfoHandler(duration -> { }).logContext(context);
            }

            List<String> expected = List.of(
                    "Flujo de registros: " + context.getLogStreamName(),
                    "Grupo de registros: /aws/lambda/otra-funcion",
                    "ID de solicitud: 11111111-2222-3333-4444-555555555555",
                    "Memoria (MB): 10240");
            Expect.equal(expected, logger.messages().stream().map(String::strip).toList(), "Mensajes del log",
                    "Lee cada valor con su getter del Context que recibes.");
        }
    }

    @Nested
    @DisplayName("Tarea 2: el tiempo restante baja mientras trabajas")
    class MeasuresRemainingTime {

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("Si el timeout llega durante la pausa, el tiempo restante después es 0, nunca negativo")
        void neverNegative() {
            ManualClock clock = ManualClock.at("2026-03-19T09:00:18Z");
            TestContext context = TestContext.builder().timeout(Duration.ofSeconds(1)).clock(clock).build();
            clock.advance(Duration.ofMillis(600));

            ContextInfoHandler.RemainingTime remaining;
            try (OutputCapture ignored = OutputCapture.start()) {
                remaining = new ContextInfoHandler(clock.sleeper()).measureRemainingTime(context);
            }

            Expect.equal(400, remaining.beforeMillis(), "Tiempo restante antes, con 600 ms ya gastados de 1 s",
                    "Léelo del contexto, no lo calcules.");
            Expect.equal(0, remaining.afterMillis(), "Tiempo restante después, con el timeout ya pasado",
                    "Vuelve a leerlo con context.getRemainingTimeInMillis() en lugar de restar 1000.");
        }

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("Con el constructor sin argumentos la pausa dura 1 s de verdad")
        void realPause() {
            TestContext context = TestContext.builder().timeout(Duration.ofSeconds(10)).build();

            ContextInfoHandler.RemainingTime remaining;
            try (OutputCapture ignored = OutputCapture.start()) {
                remaining = new ContextInfoHandler().measureRemainingTime(context);
            }

            int spent = remaining.beforeMillis() - remaining.afterMillis();
            Expect.that(spent >= 1000, () -> "Con el reloj del sistema, entre las dos lecturas pasaron " + spent
                    + " ms y la pausa es de 1000 ms. No cambies el constructor sin argumentos: Lambda lo usa.");
        }
    }

    @Nested
    @DisplayName("Tarea 3: el handler completo")
    class HandleRequest {

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("Los números del mapa son enteros y no textos")
        void numbersAreNumbers() {
            ManualClock clock = ManualClock.at("2026-03-19T09:00:18Z");
            TestContext context = TestContext.builder().memoryLimitInMB(2048).clock(clock).build();

            Map<String, Object> fields;
            try (OutputCapture ignored = OutputCapture.start()) {
                fields = new ContextInfoHandler(clock.sleeper()).handleRequest(SampleEvents.helloWorld(), context);
            }

            for (String key : List.of("memoryLimitInMB", "remainingTimeBeforeMillis", "remainingTimeAfterMillis")) {
                Object value = fields.get(key);
                Expect.that(value instanceof Integer, () -> "\"" + key + "\" debe ser un int y es "
                        + (value == null ? "null" : value.getClass().getSimpleName() + " " + Expect.show(value))
                        + ". Pon en el mapa el número tal cual, sin String.valueOf.");
            }
        }

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("handleRequest funciona con un evento vacío")
        void emptyEvent() {
            ManualClock clock = ManualClock.at("2026-03-19T09:00:18Z");
            TestContext context = TestContext.builder().clock(clock).build();

            Map<String, Object> fields;
            try (OutputCapture ignored = OutputCapture.start()) {
                fields = new ContextInfoHandler(clock.sleeper()).handleRequest(Map.of(), context);
            }

            Expect.equal(2000, fields.get("remainingTimeAfterMillis"), "remainingTimeAfterMillis con el timeout "
                    + "por defecto de 3 s", "El evento no se usa: no dependas de sus claves.");
        }
    }
}
