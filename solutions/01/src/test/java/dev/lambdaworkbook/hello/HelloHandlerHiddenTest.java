package dev.lambdaworkbook.hello;

import static dev.lambdaworkbook.hello.HelloHandlerTest.JSON;
import static dev.lambdaworkbook.hello.HelloHandlerTest.START;
import static dev.lambdaworkbook.hello.HelloHandlerTest.event;
import static dev.lambdaworkbook.hello.HelloHandlerTest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lambdaworkbook.kit.context.ManualClock;
import dev.lambdaworkbook.kit.context.OutputCapture;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.grading.Graded;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Ejercicio 01: hola mundo (pruebas ocultas)")
@TestClassOrder(ClassOrderer.DisplayName.class)
class HelloHandlerHiddenTest {

    @Nested
    @DisplayName("Tarea 1: fecha y hora de ejecución")
    class ExecutionTime {

        @ParameterizedTest(name = "zona {0}")
        @ValueSource(strings = {"Europe/Madrid", "America/New_York", "Asia/Tokyo"})
        @Graded(task = 1, points = 1)
        @DisplayName("executionTime() escribe la hora en UTC aunque el reloj tenga otra zona")
        void utcWhateverZone(String zone) {
            Clock clock = ManualClock.at(START).withZone(ZoneId.of(zone));

            String time = new HelloHandler(clock).executionTime();

            Expect.equal(START, time, "executionTime() con un reloj en la zona " + zone,
                    "Un Instant no tiene zona: Instant.now(clock).toString() siempre está en UTC.");
        }
    }

    @Nested
    @DisplayName("Tarea 2: el evento en JSON")
    class EventAsJson {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
            "{\"ordenes\":[{\"id\":1,\"lado\":\"compra\"},{\"id\":2,\"lado\":\"venta\"}]}",
            "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":[1,[2,[3]]]}}}}}",
            "{\"nota\":\"línea 1\\nlínea 2 con \\\"comillas\\\" y \\\\ barra\"}",
            "{\"volumen\":12345678901234567890,\"precio\":0.1,\"cambio\":-3.5e-7}",
            "{\"vacío\":{},\"lista vacía\":[],\"texto vacío\":\"\"}",
        })
        @Graded(task = 2, points = 2)
        @DisplayName("Listas de mapas, anidamiento profundo, escapes y números grandes se escriben en una línea")
        void otherShapes(String original) throws JsonProcessingException {
            Map<String, Object> event = event(original);

            String json = new HelloHandler(ManualClock.at(START)).eventAsJson(event);

            Expect.that(!json.contains("\n"), () -> "El JSON del evento " + original + " debe ocupar una línea y "
                    + "ocupa varias:\n" + json);
            Expect.equal(JSON.readTree(original), parse(json, original), "JSON del evento " + original,
                    "ObjectMapper escribe cualquier mapa: no construyas el JSON a mano.");
        }
    }

    @Nested
    @DisplayName("Tarea 3: los campos del contexto")
    class DescribeContext {

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("describeContext() escribe las 8 líneas en el orden del README")
        void order() {
            ManualClock clock = ManualClock.at(START);
            TestContext context = TestContext.builder().functionName("otra-funcion").memoryLimitInMB(1024)
                    .timeout(Duration.ofSeconds(30)).region("eu-south-2").clock(clock).build();

            String text = new HelloHandler(clock).describeContext(context);

            List<String> expected = List.of(
                    "ID de solicitud: " + context.getAwsRequestId(),
                    "Función: otra-funcion",
                    "Versión: $LATEST",
                    "ARN: arn:aws:lambda:eu-south-2:123456789012:function:otra-funcion",
                    "Memoria (MB): 1024",
                    "Grupo de registros: /aws/lambda/otra-funcion",
                    "Flujo de registros: " + context.getLogStreamName(),
                    "Tiempo restante (ms): 30000");
            Expect.equal(expected, text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList(),
                    "Líneas de describeContext()", "Lee cada valor del Context que recibes, sin copiar valores fijos.");
        }
    }

    @Nested
    @DisplayName("Tarea 4: el handler completo")
    class HandleRequest {

        @Test
        @Graded(task = 4, points = 1)
        @DisplayName("handleRequest imprime el tiempo restante del momento de la llamada")
        void remainingTimeAtCall() throws JsonProcessingException {
            ManualClock clock = ManualClock.at(START);
            TestContext context = TestContext.builder().functionName("hola-mundo")
                    .timeout(Duration.ofSeconds(10)).clock(clock).build();
            clock.advance(Duration.ofMillis(3250));

            String printed;
            try (OutputCapture output = OutputCapture.start()) {
                new HelloHandler(clock).handleRequest(event("{}"), context);
                printed = output.stdout();
            }

            Expect.that(printed.lines().map(String::strip).anyMatch("Tiempo restante (ms): 6750"::equals),
                    () -> "Tras 3,25 s de un timeout de 10 s, handleRequest debe imprimir \"Tiempo restante (ms): "
                            + "6750\" e imprimió:\n" + printed);
            Expect.that(printed.contains("Fecha y hora (UTC): 2026-03-19T09:00:21.250Z"), () -> "handleRequest "
                    + "debe imprimir la hora del reloj en el momento de la llamada e imprimió:\n" + printed);
        }

        @Test
        @Graded(task = 4, points = 1)
        @DisplayName("El saludo usa el nombre de la función del contexto, no uno fijo")
        void greetingFromContext() throws JsonProcessingException {
            ManualClock clock = ManualClock.at(START);
            TestContext context = TestContext.builder().functionName("saludo-2").clock(clock).build();

            String greeting;
            try (OutputCapture ignored = OutputCapture.start()) {
                greeting = new HelloHandler(clock).handleRequest(event("{\"key1\":\"value1\"}"), context);
            }

            Expect.equal("¡Hola desde saludo-2!", greeting, "Saludo de la función saludo-2",
                    "Usa context.getFunctionName().");
        }
    }
}
