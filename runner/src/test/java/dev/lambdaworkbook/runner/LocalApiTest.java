package dev.lambdaworkbook.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.kit.config.Trigger;
import dev.lambdaworkbook.runner.api.LocalApi;
import dev.lambdaworkbook.runner.invoke.FunctionRuntime;
import dev.lambdaworkbook.runner.invoke.LocalFunction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("API local como API Gateway (API REST, integración proxy)")
class LocalApiTest {

    private static final String EVENTS = """
                  Events:
                    Ruta:
                      Type: Api
                      Properties:
                        Path: /precio/{ticker}
                        Method: any
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final StringWriter terminal = new StringWriter();
    private FunctionRuntime runtime;
    private LocalApi api;

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    @DisplayName("La petición llega como evento proxy: el último valor gana y el mapa múltiple los guarda todos")
    void requestBecomesProxyEvent() throws Exception {
        start("ApiHandlers$Echo");

        HttpResponse<String> response = get("/precio/SAN?a=2&b=3&b=4");

        assertEquals(200, response.statusCode());
        assertEquals("text/plain", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("query={a=2, b=4};multi={a=[2], b=[3, 4]};path={ticker=SAN};body=null;"
                + "resource=/precio/{ticker}", response.body());
    }

    @Test
    @DisplayName("Sin query string, los dos mapas de parámetros llegan a null")
    void absentQueryIsNull() throws Exception {
        start("ApiHandlers$Echo");

        HttpResponse<String> response = get("/precio/TEF");

        assertTrue(response.body().startsWith("query=null;multi=null;path={ticker=TEF};"), () -> response.body() + "\n" + terminal);
    }

    @Test
    @DisplayName("Una ruta que no está en la plantilla da 403 Missing Authentication Token")
    void unknownRoute() throws Exception {
        start("ApiHandlers$Echo");

        HttpResponse<String> response = get("/otra");

        assertEquals(403, response.statusCode());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", response.body());
    }

    @ParameterizedTest(name = "{0} → 502")
    @CsvSource(delimiter = '|', value = {
        "sinStatus        | falta 'statusCode'",
        "statusTexto      | 'statusCode' vale \"200\"; debe ser un número entero",
        "bodyObjeto       | 'body' debe ser un texto (String) y es un objeto JSON",
        "claveDesconocida | la respuesta tiene la clave 'cuerpo', que API Gateway no admite",
        "error            | la función terminó con error"})
    @DisplayName("Una respuesta que API Gateway no acepta da 502 y el motivo en la terminal")
    void invalidResponsesGive502(String scenario, String reason) throws Exception {
        start("ApiHandlers$Raw");

        HttpResponse<String> response = get("/precio/SAN?caso=" + scenario);

        assertEquals(502, response.statusCode());
        assertEquals("{\"message\":\"Internal server error\"}", response.body());
        assertTrue(terminal.toString().contains(reason), "Se esperaba en la terminal: " + reason + "\n" + terminal);
    }

    @Test
    @DisplayName("base64Encoded (como lo escribe la clase de eventos de Java) decodifica el cuerpo")
    void base64Body() throws Exception {
        start("ApiHandlers$Raw");

        HttpResponse<String> response = get("/precio/SAN?caso=base64");

        assertEquals(201, response.statusCode());
        assertEquals("hola", response.body());
    }

    private void start(String handler) throws Exception {
        LocalFunction function = TestFunctions.function(folder, "dev.lambdaworkbook.runner.fixtures." + handler, 256,
                10, EVENTS, Map.of());
        runtime = new FunctionRuntime(function, System.getenv(), text -> terminal.write(text));
        api = new LocalApi(runtime, function.config().triggers(Trigger.Api.class), 0, new PrintWriter(terminal, true));
        api.start();
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
