package dev.lambdaworkbook.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaworkbook.runner.events.Json;
import dev.lambdaworkbook.runner.invoke.FunctionRuntime;
import dev.lambdaworkbook.runner.invoke.Invocation;
import dev.lambdaworkbook.runner.invoke.LocalFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Entorno de ejecución local de una función")
class FunctionRuntimeTest {

    private static final String FIXTURES = "dev.lambdaworkbook.runner.fixtures.";
    private static final byte[] HELLO = bytes("{\"key1\":\"value1\",\"key2\":\"value2\",\"extra\":null}");

    @TempDir
    Path folder;

    @Test
    @DisplayName("Un RequestHandler devuelve su String entre comillas y su log va entre START y END")
    void requestHandlerReturnsQuotedString() throws Exception {
        Invocation invocation = invokeOnce(FIXTURES + "HelloHandler", 512, 3, HELLO);

        assertTrue(invocation.success(), invocation::log);
        assertEquals("\"Hola, value1\"", invocation.responseText());
        String[] lines = invocation.log().split("\n");
        assertEquals("START RequestId: " + invocation.requestId() + " Version: $LATEST", lines[0]);
        assertEquals("Evento recibido con 3 claves", lines[1]);
        assertEquals("END RequestId: " + invocation.requestId(), lines[2]);
        assertTrue(lines[3].startsWith("REPORT RequestId: " + invocation.requestId() + "\tDuration: "), lines[3]);
        assertTrue(lines[3].contains("\tInit Duration: "), "La primera invocación es en frío: " + lines[3]);
    }

    @Test
    @DisplayName("Las invocaciones en caliente reutilizan el handler y sus campos static; --frio crea otro")
    void warmInvocationsReuseTheHandler() throws Exception {
        LocalFunction function = TestFunctions.function(folder, FIXTURES + "CounterHandler", 256, 3);

        JsonNode first;
        JsonNode second;
        JsonNode cold;
        Invocation warm;
        try (FunctionRuntime runtime = new FunctionRuntime(function, System.getenv(), null)) {
            first = json(runtime.invoke(HELLO, false));
            warm = runtime.invoke(HELLO, false);
            second = json(warm);
            cold = json(runtime.invoke(HELLO, true));
        }

        assertEquals(1, first.get("estatico").asInt());
        assertEquals(2, second.get("estatico").asInt(), "El campo static debe sobrevivir en caliente");
        assertEquals(2, second.get("instancia").asInt(), "La instancia del handler debe ser la misma en caliente");
        assertEquals(1, second.get("instancias").asInt());
        assertFalse(warm.coldStart(), "La segunda invocación debe ser en caliente");
        assertFalse(warm.log().contains("Init Duration"), warm.log());
        assertEquals(1, cold.get("estatico").asInt(), "Un arranque en frío empieza con una JVM nueva");
    }

    @Test
    @DisplayName("Una excepción del handler da errorMessage, errorType y stackTrace")
    void thrownExceptionBecomesErrorJson() throws Exception {
        Invocation invocation = invokeOnce(FIXTURES + "FailingHandler", 256, 3, HELLO);

        JsonNode error = json(invocation);
        assertFalse(invocation.success());
        assertEquals("Fallo de prueba", error.get("errorMessage").asText());
        assertEquals("java.lang.IllegalStateException", error.get("errorType").asText());
        assertEquals(FIXTURES + "FailingHandler.handleRequest(FailingHandler.java:12)",
                error.get("stackTrace").get(0).asText());
        assertTrue(invocation.log().contains("Fallo de prueba: java.lang.IllegalStateException\n"
                + "java.lang.IllegalStateException: Fallo de prueba\n"), invocation.log());
    }

    @Test
    @DisplayName("Una clase que no existe da el error 'Class not found' del runtime")
    void missingClass() throws Exception {
        Invocation invocation = invokeOnce(FIXTURES + "NoExiste", 256, 3, HELLO);

        assertEquals("{\"errorMessage\":\"Class not found: " + FIXTURES + "NoExiste\","
                + "\"errorType\":\"java.lang.ClassNotFoundException\"}", invocation.responseText());
    }

    @Test
    @DisplayName("Un método sin firma válida da el error 'No public method named' del runtime")
    void methodWithoutValidSignature() throws Exception {
        Invocation invocation = invokeOnce(FIXTURES + "PojoHandler::wrongSignature", 256, 3, HELLO);

        assertEquals("{\"errorMessage\":\"No public method named wrongSignature with appropriate method signature "
                + "found on class " + FIXTURES + "PojoHandler\"}", invocation.responseText());
    }

    @Test
    @DisplayName("Un POJO ignora campos desconocidos y omite los nulos; un void devuelve null")
    void pojoAndVoidMethods() throws Exception {
        Invocation sum = invokeOnce(FIXTURES + "PojoHandler::sum", 256, 3, bytes("{\"a\":2,\"b\":3,\"c\":9}"));
        Invocation nothing = invokeOnce(FIXTURES + "PojoHandler::nothing", 256, 3, HELLO);
        Invocation stream = invokeOnce(FIXTURES + "EchoStreamHandler", 256, 3, bytes("[1, 2]"));

        assertEquals("{\"total\":5}", sum.responseText());
        assertEquals("null", nothing.responseText());
        assertTrue(nothing.log().contains("Nada que devolver\n"), nothing.log());
        assertEquals("[1, 2]", stream.responseText());
    }

    @Test
    @DisplayName("Un resultado que no se puede serializar da el error del runtime")
    void unserialisableResult() throws Exception {
        Invocation invocation = invokeOnce(FIXTURES + "BrokenHandlers$Unserialisable", 256, 3, HELLO);

        JsonNode error = json(invocation);
        assertEquals("An error occurred during JSON serialization of response", error.get("errorMessage").asText());
        assertEquals("java.lang.RuntimeException", error.get("errorType").asText());
    }

    @Test
    @DisplayName("Al agotar el tiempo: mensaje de Lambda, resultado fallido y arranque en frío después")
    void timeout() throws Exception {
        LocalFunction function = TestFunctions.function(folder, FIXTURES + "SleepyHandler::sleep", 256, 1);

        Invocation timedOut;
        Invocation next;
        try (FunctionRuntime runtime = new FunctionRuntime(function, System.getenv(), null)) {
            timedOut = runtime.invoke(bytes("{\"milisegundos\":20000}"), false);
            next = runtime.invoke(bytes("{\"milisegundos\":1}"), false);
        }

        assertEquals(Invocation.Failure.TIMEOUT, timedOut.failure());
        assertEquals("{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: " + timedOut.requestId()
                + " Error: Task timed out after 1.00 seconds\"}", timedOut.responseText());
        assertTrue(timedOut.log().contains(" " + timedOut.requestId() + " Task timed out after 1.00 seconds\nEND "),
                timedOut.log());
        assertTrue(timedOut.durationMillis() >= 1000, "Duración " + timedOut.durationMillis());
        assertTrue(timedOut.durationMillis() < 3000, "Duración " + timedOut.durationMillis());
        assertTrue(next.success(), next::log);
        assertTrue(next.coldStart(), "Tras un tiempo agotado Lambda arranca un entorno nuevo");
    }

    @Test
    @DisplayName("Superar MemorySize detiene la función como Lambda: signal: killed")
    void memoryLimit() throws Exception {
        Invocation invocation = invokeOnce(FIXTURES + "BrokenHandlers$MemoryHog", 128, 20, HELLO);

        assertEquals(Invocation.Failure.OUT_OF_MEMORY, invocation.failure());
        assertEquals("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: " + invocation.requestId()
                + " Error: Runtime exited with error: signal: killed\"}", invocation.responseText());
        assertEquals(128, invocation.maxMemoryUsedMb());
    }

    @Test
    @DisplayName("Si el constructor falla, es un error de inicialización con su traza en el registro")
    void initError() throws Exception {
        Invocation invocation = invokeOnce(FIXTURES + "BrokenHandlers$ConstructorFails", 256, 3, HELLO);

        assertEquals(Invocation.Failure.INIT_ERROR, invocation.failure());
        assertEquals("{\"errorMessage\":\"Falta la variable de entorno BUCKET\","
                + "\"errorType\":\"java.lang.IllegalStateException\"}", invocation.responseText());
        assertTrue(invocation.log().startsWith("Arrancando el constructor\nFalta la variable de entorno BUCKET: "
                + "java.lang.IllegalStateException\n"), invocation.log());
    }

    @Test
    @DisplayName("System.exit termina el runtime con Runtime.ExitError y su código")
    void systemExit() throws Exception {
        Invocation invocation = invokeOnce(FIXTURES + "BrokenHandlers$Exits", 256, 3, HELLO);

        assertEquals(Invocation.Failure.RUNTIME_EXIT, invocation.failure());
        assertTrue(invocation.responseText().endsWith("Error: Runtime exited with error: exit status 3\"}"),
                invocation.responseText());
    }

    @Test
    @DisplayName("La función ve sus variables, UTC, en_US, un /tmp escribible y las variables de Lambda")
    void environment() throws Exception {
        LocalFunction function = TestFunctions.function(folder, FIXTURES + "EnvironmentHandler", 384, 3, "",
                Map.of("SALUDO", "hola"));

        JsonNode seen;
        try (FunctionRuntime runtime = new FunctionRuntime(function, Map.of("HOME", "/home/alumno"), null)) {
            seen = json(runtime.invoke(HELLO, false));
        }

        assertEquals("hola", seen.get("saludo").asText());
        assertFalse(seen.hasNonNull("home"), "El entorno del alumno no pasa a la función: " + seen);
        assertEquals("prueba", seen.get("funcion").asText());
        assertEquals("384", seen.get("memoria").asText());
        assertEquals(384, seen.get("contextoMemoria").asInt());
        assertEquals(":UTC", seen.get("tz").asText());
        assertEquals("UTC", seen.get("zona").asText());
        assertEquals("en_US", seen.get("locale").asText());
        assertEquals("1.50", seen.get("decimal").asText());
        assertEquals("/aws/lambda/prueba", seen.get("logGroup").asText());
        assertTrue(seen.get("tmpEscribible").asBoolean());
        assertEquals(folder.toString(), seen.get("taskRoot").asText());
    }

    private Invocation invokeOnce(String handler, int memory, int timeout, byte[] payload) throws InterruptedException {
        LocalFunction function = TestFunctions.function(folder.resolve(Integer.toString(handler.hashCode())), handler,
                memory, timeout);
        try (FunctionRuntime runtime = new FunctionRuntime(function, System.getenv(), null)) {
            return runtime.invoke(payload, false);
        }
    }

    private static JsonNode json(Invocation invocation) throws IOException {
        return Json.MAPPER.readTree(invocation.response());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
