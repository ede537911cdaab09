package dev.lambdaworkbook.contextinfo;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.context.ManualClock;
import dev.lambdaworkbook.kit.context.OutputCapture;
import dev.lambdaworkbook.kit.context.RecordingLogger;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.grading.Graded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Ejercicio 02: contexto")
@TestClassOrder(ClassOrderer.DisplayName.class)
class ContextInfoHandlerTest {

    /**
     * A context for the function of template.yaml, a clock it shares with the handler's pause, and every pause the
     * handler asked for: pausing advances the clock, so the remaining time falls without a real sleep.
     */
    static final class Invocation {
        final ManualClock clock = ManualClock.at("2026-03-19T09:00:18Z");
        final RecordingLogger logger = new RecordingLogger();
        final List<Duration> pauses = new ArrayList<>();
        final Consumer<Duration> pause = clock.sleeper().andThen(pauses::add);
        final TestContext context;

        Invocation() {
            FunctionConfig config = FunctionConfig.ofThisExercise();
            context = TestContext.builder()
                    .functionName(config.functionName())
                    .memoryLimitInMB(config.memorySize())
                    .timeout(Duration.ofSeconds(config.timeout()))
                    .clock(clock)
                    .logger(logger)
                    .build();
        }

        ContextInfoHandler handler() {
            return new ContextInfoHandler(pause);
        }

        /** Returns the logged messages without their line breaks. */
        List<String> logged() {
            return logger.messages().stream().map(String::strip).toList();
        }

        /** Describes what was logged, and what went to System.out instead, for failure messages. */
        String describeLog(String printed) {
            if (logger.messages().isEmpty() && !printed.isBlank()) {
                return "no se escribió nada con context.getLogger().log(...). Escribe con el logger del contexto, "
                        + "no con System.out, que imprimió:\n" + printed;
            }
            return "se escribió en el log:\n" + String.join("\n", logged());
        }
    }

    @Nested
    @DisplayName("Tarea 1: los campos del contexto en el log")
    class LogsContext {

        static Stream<Arguments> fields() {
            return Stream.of(
                    arguments("Flujo de registros", getter(Context::getLogStreamName)),
                    arguments("Grupo de registros", getter(Context::getLogGroupName)),
                    arguments("ID de solicitud", getter(Context::getAwsRequestId)),
                    arguments("Memoria (MB)", getter(Context::getMemoryLimitInMB)));
        }

        private static Function<Context, Object> getter(Function<Context, Object> getter) {
            return getter;
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("fields")
        @Graded(task = 1, points = 3)
        @DisplayName("logContext() escribe con el logger una línea «Etiqueta: valor» por campo")
        void logsField(String label, Function<Context, Object> getter) {
            Invocation invocation = new Invocation();

            String printed;
            try (OutputCapture output = OutputCapture.start()) {
                invocation.handler().logContext(invocation.context);
                printed = output.stdout();
            }

            String expected = label + ": " + getter.apply(invocation.context);
            Expect.that(invocation.logged().contains(expected), () -> "logContext() debe escribir en el log el "
                    + "mensaje \"" + expected + "\" y " + invocation.describeLog(printed));
        }
    }

    @Nested
    @DisplayName("Tarea 2: el tiempo restante baja mientras trabajas")
    class MeasuresRemainingTime {

        @Test
        @Graded(task = 2, points = 2)
        @DisplayName("Tras la pausa de 1 s, el tiempo restante es 1000 ms menor que antes")
        void fallsByThePause() {
            Invocation invocation = new Invocation();
            int timeoutMillis = invocation.context.getRemainingTimeInMillis();

            ContextInfoHandler.RemainingTime remaining;
            try (OutputCapture ignored = OutputCapture.start()) {
                remaining = invocation.handler().measureRemainingTime(invocation.context);
            }

            Expect.equal(timeoutMillis, remaining.beforeMillis(), "Tiempo restante antes de la pausa",
                    "Léelo con context.getRemainingTimeInMillis() antes de llamar a pause.accept(WORK).");
            Expect.that(remaining.afterMillis() < remaining.beforeMillis(), () -> "El tiempo restante después "
                    + "de la pausa (" + remaining.afterMillis() + " ms) debe ser menor que antes ("
                    + remaining.beforeMillis() + " ms). Vuelve a llamar a context.getRemainingTimeInMillis() "
                    + "después de pause.accept(WORK).");
            Expect.equal(timeoutMillis - 1000, remaining.afterMillis(), "Tiempo restante después de la pausa",
                    "La pausa es de WORK (1 s): haz una sola pausa y lee el tiempo justo después.");
        }

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("La pausa se hace una vez, de 1 s, con la pausa inyectada")
        void usesInjectedPause() {
            Invocation invocation = new Invocation();

            try (OutputCapture ignored = OutputCapture.start()) {
                invocation.handler().measureRemainingTime(invocation.context);
            }

            Expect.equal(List.of(Duration.ofSeconds(1)), invocation.pauses, "Pausas pedidas (PT1S es 1 s)",
                    "Llama una vez a pause.accept(WORK), no a Thread.sleep: las pruebas no esperan de verdad.");
        }

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("Escribe en el log el tiempo restante antes y después, en ese orden")
        void logsBothReadings() {
            Invocation invocation = new Invocation();
            int timeoutMillis = invocation.context.getRemainingTimeInMillis();

            String printed;
            try (OutputCapture output = OutputCapture.start()) {
                invocation.handler().measureRemainingTime(invocation.context);
                printed = output.stdout();
            }

            List<String> expected = List.of("Tiempo restante antes (ms): " + timeoutMillis,
                    "Tiempo restante después (ms): " + (timeoutMillis - 1000));
            Expect.that(invocation.logged().equals(expected), () -> "measureRemainingTime() debe escribir en el "
                    + "log exactamente " + expected + " y " + invocation.describeLog(printed));
        }
    }

    @Nested
    @DisplayName("Tarea 3: el handler completo")
    class HandleRequest {

        @Test
        @Graded(task = 3, points = 2)
        @DisplayName("handleRequest devuelve los seis campos en un mapa")
        void returnsFields() {
            Invocation invocation = new Invocation();
            TestContext context = invocation.context;
            int timeoutMillis = context.getRemainingTimeInMillis();

            Map<String, Object> fields;
            try (OutputCapture ignored = OutputCapture.start()) {
                fields = invocation.handler().handleRequest(SampleEvents.helloWorld(), context);
            }

            Map<String, Object> expected = Map.of(
                    "logStreamName", context.getLogStreamName(),
                    "logGroupName", context.getLogGroupName(),
                    "awsRequestId", context.getAwsRequestId(),
                    "memoryLimitInMB", context.getMemoryLimitInMB(),
                    "remainingTimeBeforeMillis", timeoutMillis,
                    "remainingTimeAfterMillis", timeoutMillis - 1000);
            Expect.equal(expected, fields, "Mapa devuelto por handleRequest", "Usa exactamente esas seis claves, "
                    + "con los números como int y los tiempos de measureRemainingTime(context).");
        }

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("handleRequest escribe en el log los campos y luego el tiempo restante")
        void logsEverything() {
            Invocation invocation = new Invocation();
            TestContext context = invocation.context;
            int timeoutMillis = context.getRemainingTimeInMillis();

            String printed;
            try (OutputCapture output = OutputCapture.start()) {
                invocation.handler().handleRequest(SampleEvents.helloWorld(), context);
                printed = output.stdout();
            }

            List<String> expected = List.of(
                    "Flujo de registros: " + context.getLogStreamName(),
                    "Grupo de registros: " + context.getLogGroupName(),
                    "ID de solicitud: " + context.getAwsRequestId(),
                    "Memoria (MB): " + context.getMemoryLimitInMB(),
                    "Tiempo restante antes (ms): " + timeoutMillis,
                    "Tiempo restante después (ms): " + (timeoutMillis - 1000));
            Expect.that(invocation.logged().equals(expected), () -> "handleRequest debe llamar primero a "
                    + "logContext(context) y después a measureRemainingTime(context), y escribir en el log:\n"
                    + String.join("\n", expected) + "\nPero " + invocation.describeLog(printed));
        }
    }
}
