package dev.lambdaworkbook.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.runner.services.LocalMarketDataApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Parámetros de la API de datos de mercado falsa")
class LocalMarketDataApiTest {

    @Test
    @DisplayName("Sin variables del alumno, ApiUrl es la de la API falsa y ApiKey una clave que acepta")
    void fillsBothParameters() throws Exception {
        try (LocalMarketDataApi api = LocalMarketDataApi.start(Map.<String, String>of()::get)) {

            String url = api.parameter("ApiUrl");
            String key = api.parameter("ApiKey");

            assertEquals(api.baseUrl().toString(), url);
            assertTrue(url.startsWith("http://127.0.0.1:"), url);
            assertEquals(200, status(url + "/data/time_series?market=IBEX&ticker=SAN&key=" + key));
            assertNull(api.studentUrl());
            assertFalse(api.usesStudentKey());
        }
    }

    @Test
    @DisplayName("La ApiKey del alumno se respeta y la API falsa la acepta")
    void studentKeyIsAccepted() throws Exception {
        Map<String, String> student = Map.of("ApiKey", "clave-del-alumno");
        try (LocalMarketDataApi api = LocalMarketDataApi.start(student::get)) {

            String key = api.parameter("ApiKey");

            assertEquals("clave-del-alumno", key);
            assertTrue(api.usesStudentKey());
            assertEquals(200, status(api.parameter("ApiUrl") + "/data/time_series?market=IBEX&ticker=SAN&key=" + key));
        }
    }

    @Test
    @DisplayName("La ApiUrl del alumno se respeta y se informa de ella")
    void studentUrlWins() {
        Map<String, String> student = Map.of("ApiUrl", "https://api.ejemplo.com");
        try (LocalMarketDataApi api = LocalMarketDataApi.start(student::get)) {

            String url = api.parameter("ApiUrl");

            assertEquals("https://api.ejemplo.com", url);
            assertEquals("https://api.ejemplo.com", api.studentUrl());
        }
    }

    @Test
    @DisplayName("Las peticiones se listan con la clave tapada")
    void requestLinesHideTheKey() throws Exception {
        try (LocalMarketDataApi api = LocalMarketDataApi.start(Map.<String, String>of()::get)) {
            status(api.parameter("ApiUrl") + "/data/time_series?market=IBEX&ticker=SAN&key=" + api.key());

            List<String> lines = api.requestLines();

            assertEquals(List.of("GET /data/time_series?market=IBEX&ticker=SAN&key=****"), lines);
        }
    }

    private static int status(String url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
