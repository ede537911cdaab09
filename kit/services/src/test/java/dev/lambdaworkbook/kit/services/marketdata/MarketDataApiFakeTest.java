package dev.lambdaworkbook.kit.services.marketdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("API de datos de mercado (imitación local)")
class MarketDataApiFakeTest {

    @RegisterExtension
    static final MarketDataApiExtension api = new MarketDataApiExtension();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("time_series devuelve una cadena JSON que contiene el mapa milisegundos → cierre")
    void timeSeriesIsJsonInsideAString() throws Exception {
        HttpResponse<String> response = get("/data/time_series?market=IBEX&ticker=SAN&key=" + api.apiKey());

        assertEquals(200, response.statusCode());
        JsonNode outer = JSON.readTree(response.body());
        assertTrue(outer.isTextual(), "el cuerpo debe ser una cadena JSON: " + response.body().substring(0, 40));
        JsonNode series = JSON.readTree(outer.asText());
        assertEquals(MarketData.listing("IBEX", "SAN").orElseThrow().tradingDays(), series.size());
        Map.Entry<String, JsonNode> first = series.fields().next();
        assertEquals(String.valueOf(MarketData.epochMillis(MarketData.FIRST_DATE)), first.getKey());
        assertEquals(5.41, first.getValue().asDouble(), 1e-9);
        assertEquals(1, api.requests().size());
        assertEquals("SAN", api.requests().get(0).query().get("ticker"));
    }

    @Test
    @DisplayName("con close=False devuelve open, high, low, close y vol coherentes")
    void fullBars() throws Exception {
        HttpResponse<String> response = get("/data/time_series?market=DAX&ticker=SAP&close=False&key="
                + api.apiKey());

        JsonNode bars = JSON.readTree(JSON.readTree(response.body()).asText());
        assertEquals(List.of("open", "high", "low", "close", "vol"), iterate(bars.fieldNames()));
        String day = String.valueOf(MarketData.epochMillis(LocalDate.of(2020, 3, 16)));
        double high = bars.get("high").get(day).asDouble();
        double low = bars.get("low").get(day).asDouble();
        double open = bars.get("open").get(day).asDouble();
        double close = bars.get("close").get(day).asDouble();
        assertTrue(low <= open, "low " + low + " > open " + open);
        assertTrue(open <= high, "open " + open + " > high " + high);
        assertTrue(low <= close, "low " + low + " > close " + close);
        assertTrue(close <= high, "close " + close + " > high " + high);
        assertTrue(bars.get("vol").get(day).isIntegralNumber());
    }

    @Test
    @DisplayName("los datos son los mismos en cada petición")
    void deterministic() throws Exception {
        String query = "/data/time_series?market=EUROSTOXX&ticker=ASML&key=" + api.apiKey();

        String first = get(query).body();
        String second = get(query).body();

        assertEquals(first, second);
    }

    @Test
    @DisplayName("ticker_master lista los valores del mercado con fechas y número de días")
    void tickerMaster() throws Exception {
        HttpResponse<String> response = get("/data/ticker_master?competi=mia_9&market=IBEX&key=" + api.apiKey());

        JsonNode master = JSON.readTree(response.body()).get("master");
        assertEquals(200, response.statusCode());
        assertEquals(MarketData.master("IBEX").size(), master.size());
        JsonNode san = master.get(0);
        assertEquals("SAN", san.get("ticker").asText());
        assertEquals("2015-01-02", san.get("start_date").asText());
        assertEquals("2025-12-31", san.get("end_date").asText());
        assertEquals(MarketData.listing("IBEX", "SAN").orElseThrow().tradingDays(), san.get("n_days").asInt());
    }

    @Test
    @DisplayName("sin clave responde 401 UNAUTHENTICATED")
    void missingKey() throws Exception {
        HttpResponse<String> response = get("/data/time_series?market=IBEX&ticker=SAN");

        assertEquals(401, response.statusCode());
        JsonNode error = JSON.readTree(response.body());
        assertEquals(401, error.get("code").asInt());
        assertTrue(error.get("message").asText().startsWith("UNAUTHENTICATED:"), response.body());
    }

    @Test
    @DisplayName("con una clave incorrecta responde 400 INVALID_ARGUMENT:API key not valid")
    void wrongKey() throws Exception {
        HttpResponse<String> response = get("/data/time_series?market=IBEX&ticker=SAN&key=otra");

        assertEquals(400, response.statusCode());
        JsonNode error = JSON.readTree(response.body());
        assertEquals(400, error.get("code").asInt());
        assertTrue(error.get("message").asText().startsWith("INVALID_ARGUMENT:API key not valid."), response.body());
    }

    @Test
    @DisplayName("un mercado desconocido es un 400 y un valor desconocido una serie vacía")
    void unknownMarketAndTicker() throws Exception {
        HttpResponse<String> market = get("/data/time_series?market=NASDAQ&ticker=SAN&key=" + api.apiKey());
        HttpResponse<String> ticker = get("/data/time_series?market=IBEX&ticker=ZZZ&key=" + api.apiKey());

        assertEquals(400, market.statusCode());
        assertTrue(market.body().contains("NASDAQ"), market.body());
        assertEquals(200, ticker.statusCode());
        assertEquals("\"{}\"", ticker.body());
    }

    @ParameterizedTest
    @EnumSource(value = MarketDataApiFake.Fault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    @DisplayName("cada fallo configurado cambia la respuesta y reset() lo quita")
    void faults(MarketDataApiFake.Fault fault) throws Exception {
        String query = "/data/time_series?market=IBEX&ticker=SAN&key=" + api.apiKey();
        api.fault(fault);

        HttpResponse<String> failed = get(query);
        api.fake().reset();
        HttpResponse<String> normal = get(query);

        int expected = switch (fault) {
            case TOO_MANY_REQUESTS -> 429;
            case SERVER_ERROR -> 500;
            case UNAVAILABLE -> 503;
            default -> 200;
        };
        assertEquals(expected, failed.statusCode());
        assertTrue(failed.body().length() < 200, failed.body());
        assertEquals(200, normal.statusCode());
        assertTrue(normal.body().length() > 1000);
        if (fault == MarketDataApiFake.Fault.TOO_MANY_REQUESTS) {
            assertEquals("60", failed.headers().firstValue("Retry-After").orElse(""));
        }
    }

    @Test
    @DisplayName("respondWith fija la respuesta solo para peticiones con la clave correcta")
    void fixedResponse() throws Exception {
        api.fake().respondWith(200, "\"[1, 2]\"");

        HttpResponse<String> fixed = get("/data/time_series?market=IBEX&ticker=SAN&key=" + api.apiKey());
        HttpResponse<String> wrongKey = get("/data/time_series?market=IBEX&ticker=SAN&key=otra");

        assertEquals(200, fixed.statusCode());
        assertEquals("\"[1, 2]\"", fixed.body());
        assertEquals(400, wrongKey.statusCode());
    }

    @Test
    @DisplayName("una respuesta lenta hace saltar el timeout del cliente")
    void slowAnswer() {
        api.delay(Duration.ofSeconds(3));
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/data/time_series?market=IBEX"
                + "&ticker=SAN&key=" + api.apiKey())).timeout(Duration.ofMillis(300)).build();

        assertThrows(HttpTimeoutException.class, () -> HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    @DisplayName("escucha solo en 127.0.0.1")
    void loopbackOnly() {
        assertEquals("127.0.0.1", api.baseUrl().getHost());
        assertFalse(api.apiKey().isBlank());
    }

    @Test
    @DisplayName("los precios se escriben como floats de Python: 8.0, 5.41")
    void pythonFloats() {
        assertEquals("8.0", MarketDataJson.number(new BigDecimal("8.000")));
        assertEquals("5.41", MarketDataJson.number(new BigDecimal("5.410")));
        assertEquals("0.5", MarketDataJson.number(new BigDecimal("0.500")));
        assertEquals("120.0", MarketDataJson.number(new BigDecimal("120.000")));
    }

    private static <T> List<T> iterate(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
