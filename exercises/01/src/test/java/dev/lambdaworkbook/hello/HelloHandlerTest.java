package dev.lambdaworkbook.hello;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.context.ManualClock;
import dev.lambdaworkbook.kit.context.OutputCapture;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.grading.Graded;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Ejercicio 01: hola mundo")
@TestClassOrder(ClassOrderer.DisplayName.class)
class HelloHandlerTest {

    static final String START = "2026-03-19T09:00:18Z";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Builds the context Lambda would give the function of template.yaml, on the given clock. */
    static TestContext context(ManualClock clock) {
        FunctionConfig config = FunctionConfig.ofThisExercise();
        return TestContext.builder()
                .functionName(config.functionName())
                .memoryLimitInMB(config.memorySize())
                .timeout(Duration.ofSeconds(config.timeout()))
                .clock(clock)
                .build();
    }

    /** Reads an event the way the Lambda runtime does for a {@code Map<String, Object>} handler. */
    static Map<String, Object> event(String json) throws JsonProcessingException {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    }

    /** Parses the JSON that eventAsJson returned, failing with a hint when the text is not JSON. */
    static JsonNode parse(String printed, String event) {
        try {
            return JSON.readTree(printed);
        } catch (JsonProcessingException invalid) {
            throw Expect.failure("Para el evento " + event + " se esperaba JSON, pero llegó: " + printed
                    + ". event.toString() escribe {clave=valor}: usa new ObjectMapper().writeValueAsString(event).");
        }
    }

    @Nested
    @DisplayName("Tarea 1: fecha y hora de ejecución")
    class ExecutionTime {

        @ParameterizedTest(name = "reloj en {0}")
        @CsvSource({
            "2026-03-19T09:00:18Z",
            "2026-12-31T23:59:59.123Z",
            "2027-01-01T00:00:00Z",
        })
        @Graded(task = 1, points = 1)
        @DisplayName("executionTime() devuelve la hora del reloj en ISO-8601 y UTC")
        void isoUtc(String instant) {
            HelloHandler handler = new HelloHandler(ManualClock.at(instant));

            String time = handler.executionTime();

            Expect.equal(instant, time, "executionTime() con el reloj en " + instant,
                    "Usa Instant.now(clock).toString(): escribe siempre los segundos y termina en Z (UTC).");
        }

        @Test
        @Graded(task = 1, points = 1)
        @DisplayName("executionTime() lee el reloj en cada llamada, no al crear el handler")
        void readsClockEachTime() {
            ManualClock clock = ManualClock.at(START);
            HelloHandler handler = new HelloHandler(clock);
            clock.advance(Duration.ofMinutes(5));

            String time = handler.executionTime();

            Expect.equal("2026-03-19T09:05:18Z", time, "executionTime() cinco minutos después de crear el handler",
                    "Lee la hora dentro de executionTime(), con el reloj que recibe el constructor.");
        }

        @Test
        @Graded(task = 1, points = 1)
        @DisplayName("Sin reloj inyectado, executionTime() da la hora actual del sistema")
        void systemClock() {
            Instant before = Instant.now();

            String time = new HelloHandler().executionTime();

            Instant printed;
            try {
                printed = Instant.parse(time);
            } catch (DateTimeParseException invalid) {
                throw Expect.failure("executionTime() con el reloj del sistema devolvió \"" + time
                        + "\", que no es un instante ISO-8601 en UTC como 2026-03-19T09:00:18Z.");
            }
            Instant after = Instant.now();
            Expect.that(!printed.isBefore(before.minusSeconds(1)) && !printed.isAfter(after.plusSeconds(1)),
                    () -> "executionTime() con el reloj del sistema devolvió " + time + ", pero ahora es " + after
                            + ". El constructor sin argumentos debe usar Clock.systemUTC().");
        }
    }

    @Nested
    @DisplayName("Tarea 2: el evento en JSON")
    class EventAsJson {

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("El evento hello-world de la consola se escribe como JSON")
        void helloWorld() {
            Map<String, Object> event = SampleEvents.helloWorld();

            String json = new HelloHandler(ManualClock.at(START)).eventAsJson(event);

            Expect.equal(JSON.valueToTree(event), parse(json, "hello-world"), "JSON del evento hello-world",
                    "Escribe el mapa con ObjectMapper.writeValueAsString(event).");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                {"detalle":{"id":7}}
                {"precios":[10.5,11,"n/d"],"activo":true,"cierre":null}
                {"empresa":"Telefónica","año":2026,"mercado":{"nombre":"BME","índices":["IBEX 35"]}}
                {}
                """)
        @Graded(task = 2, points = 2)
        @DisplayName("Mapas anidados, listas, números, booleanos, null y acentos se escriben como JSON en una línea")
        void shapes(String original) throws JsonProcessingException {
            Map<String, Object> event = event(original);

            String json = new HelloHandler(ManualClock.at(START)).eventAsJson(event);

            Expect.that(!json.contains("\n"), () -> "El JSON del evento " + original + " debe ocupar una línea y "
                    + "ocupa varias. No actives la indentación (INDENT_OUTPUT) del ObjectMapper. Llegó:\n" + json);
            Expect.equal(JSON.readTree(original), parse(json, original), "JSON del evento " + original,
                    "ObjectMapper escribe igual los mapas anidados que los simples.");
        }
    }

    @Nested
    @DisplayName("Tarea 3: los campos del contexto")
    class DescribeContext {

        static Stream<Arguments> fields() {
            return Stream.of(
                    arguments("ID de solicitud", getter(Context::getAwsRequestId)),
                    arguments("Función", getter(Context::getFunctionName)),
                    arguments("Versión", getter(Context::getFunctionVersion)),
                    arguments("ARN", getter(Context::getInvokedFunctionArn)),
                    arguments("Memoria (MB)", getter(Context::getMemoryLimitInMB)),
                    arguments("Grupo de registros", getter(Context::getLogGroupName)),
                    arguments("Flujo de registros", getter(Context::getLogStreamName)),
                    arguments("Tiempo restante (ms)", getter(Context::getRemainingTimeInMillis)));
        }

        private static Function<Context, Object> getter(Function<Context, Object> getter) {
            return getter;
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("fields")
        @Graded(task = 3, points = 2)
        @DisplayName("describeContext() escribe una línea «Etiqueta: valor» por cada campo")
        void oneLinePerField(String label, Function<Context, Object> getter) {
            ManualClock clock = ManualClock.at(START);
            TestContext context = context(clock);
            clock.advance(Duration.ofMillis(1250));

            String text = new HelloHandler(clock).describeContext(context);

            String expected = label + ": " + getter.apply(context);
            List<String> lines = text.lines().map(String::strip).toList();
            Expect.that(lines.contains(expected), () -> "describeContext() debe tener la línea \"" + expected
                    + "\". Lee el valor con su getter del Context y usa la etiqueta del README tal cual. "
                    + "Devolvió:\n" + text);
        }

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("describeContext() lee los getters y no usa Context.toString()")
        void notToString() {
            ManualClock clock = ManualClock.at(START);
            TestContext context = context(clock);

            String text = new HelloHandler(clock).describeContext(context);

            Expect.that(!text.contains(context.toString()), () -> "describeContext() contiene \"" + context
                    + "\", que es Context.toString(): no dice nada útil. Escribe cada campo con su getter.");
            Expect.equal(8L, text.lines().filter(line -> !line.isBlank()).count(), "Líneas de describeContext()",
                    "Una línea por campo, en el orden del README.");
        }
    }

    @Nested
    @DisplayName("Tarea 4: el handler completo")
    class HandleRequest {

        @Test
        @Graded(task = 4, points = 1)
        @DisplayName("handleRequest devuelve el saludo con el nombre de la función")
        void greeting() {
            ManualClock clock = ManualClock.at(START);

            String greeting;
            try (OutputCapture ignored = OutputCapture.start()) {
                greeting = new HelloHandler(clock).handleRequest(SampleEvents.helloWorld(), context(clock));
            }

            Expect.equal("¡Hola desde hola-mundo!", greeting, "Valor devuelto por handleRequest",
                    "Devuelve \"¡Hola desde \" + context.getFunctionName() + \"!\".");
        }

        @Test
        @Graded(task = 4, points = 2)
        @DisplayName("handleRequest imprime la fecha, el evento y el contexto, en ese orden")
        void printsInOrder() throws JsonProcessingException {
            ManualClock clock = ManualClock.at(START);
            TestContext context = context(clock);
            Map<String, Object> event = event("{\"detalle\":{\"id\":7}}");

            String printed;
            try (OutputCapture output = OutputCapture.start()) {
                new HelloHandler(clock).handleRequest(event, context);
                printed = output.stdout();
            }

            List<String> lines = printed.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            Expect.that(lines.size() >= 10, () -> "handleRequest debe imprimir con System.out.println al menos 10 "
                    + "líneas (fecha, evento y 8 del contexto) e imprimió " + lines.size() + ":\n" + printed);
            Expect.equal("Fecha y hora (UTC): " + START, lines.get(0), "Primera línea impresa",
                    "Imprime primero \"Fecha y hora (UTC): \" + executionTime().");
            Expect.equal("Evento: {\"detalle\":{\"id\":7}}", lines.get(1), "Segunda línea impresa",
                    "Imprime después \"Evento: \" + eventAsJson(event).");
            Expect.equal("ID de solicitud: " + context.getAwsRequestId(), lines.get(2), "Tercera línea impresa",
                    "Imprime al final describeContext(context).");
        }
    }
}
