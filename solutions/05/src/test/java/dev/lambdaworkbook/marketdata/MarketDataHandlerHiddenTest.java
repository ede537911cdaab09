package dev.lambdaworkbook.marketdata;

import static dev.lambdaworkbook.marketdata.MarketDataRun.BUCKET;
import static dev.lambdaworkbook.marketdata.MarketDataRun.call;
import static dev.lambdaworkbook.marketdata.MarketDataRun.environment;
import static dev.lambdaworkbook.marketdata.MarketDataRun.expectKeyHidden;
import static dev.lambdaworkbook.marketdata.MarketDataRun.expectNothingWritten;

import dev.lambdaworkbook.kit.config.EnvironmentValue;
import dev.lambdaworkbook.kit.context.ManualClock;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.grading.Graded;
import dev.lambdaworkbook.kit.services.marketdata.MarketDataApiExtension;
import dev.lambdaworkbook.kit.services.marketdata.MarketDataApiFake;
import dev.lambdaworkbook.kit.services.s3.LocalS3Extension;
import dev.lambdaworkbook.marketdata.MarketDataRun.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Ejercicio 05: pruebas ocultas")
class MarketDataHandlerHiddenTest {

    @RegisterExtension
    static final LocalS3Extension s3 = LocalS3Extension.withBuckets(BUCKET);

    @RegisterExtension
    static final MarketDataApiExtension api = new MarketDataApiExtension();

    @Test
    @Graded(task = 1, points = 1)
    @DisplayName("API_URL con una barra final funciona igual")
    void trailingSlash() {
        Map<String, String> environment = environment(api);
        environment.put("API_URL", api.baseUrl() + "/");

        call(environment, s3).expectSuccess("Con API_URL terminada en '/'");

        Expect.equal("/data/time_series", api.requests().get(0).path(), "Ruta pedida con API_URL terminada en '/'",
                "Quita la barra final antes de añadir /data/time_series.");
    }

    @ParameterizedTest(name = "API_URL={0}")
    @ValueSource(strings = {"127.0.0.1:8080", "http://mal host", "ftp://127.0.0.1"})
    @Graded(task = 1, points = 1)
    @DisplayName("Una API_URL que no es una URL http(s) es un error que cita el valor y no filtra la clave")
    void invalidUrl(String apiUrl) {
        Map<String, String> environment = environment(api);
        environment.put("API_URL", apiUrl);

        Outcome outcome = call(environment, s3);

        MarketDataException error = outcome.expectMarketDataException("Con API_URL='" + apiUrl + "'",
                "Valida API_URL antes de construir la URL con la clave.");
        Expect.that(error.getMessage().contains(apiUrl), () -> "El mensaje debe citar el valor de API_URL y dice: "
                + Expect.show(error.getMessage()));
        expectKeyHidden(outcome, api.apiKey(), "una API_URL no válida");
        Expect.equal(0, api.requests().size(), "Peticiones con una API_URL no válida", "No llames a la API.");
    }

    @Test
    @Graded(task = 2, points = 2)
    @DisplayName("Una clave con +, /, =, & y espacios llega intacta y no se filtra")
    void keyIsUrlEncoded() {
        String key = "clave+con/raros=&y espacios";
        try (MarketDataApiFake special = MarketDataApiFake.start(0, key)) {
            Map<String, String> environment = environment(api);
            environment.put("API_KEY", key);
            environment.put("API_URL", special.baseUrl().toString());

            Outcome outcome = call(environment, s3);

            outcome.expectSuccess("Con una clave con caracteres especiales");
            Expect.equal(key, special.requests().get(0).query().get("key"), "Clave recibida por la API",
                    "Codifica la clave con URLEncoder.encode(clave, StandardCharsets.UTF_8).");
            expectKeyHidden(outcome, key, "una clave con caracteres especiales");
        }
    }

    @Test
    @Graded(task = 2, points = 1)
    @DisplayName("Una ruta que no existe (404) también es un error con el código")
    void notFound() {
        Map<String, String> environment = environment(api);
        environment.put("API_URL", api.baseUrl() + "/otra-ruta");

        Outcome outcome = call(environment, s3);

        MarketDataException error = outcome.expectMarketDataException("Con una API_URL que lleva a un 404",
                "Todo lo que no sea 200 es un error.");
        Expect.that(error.getMessage().contains("404"), () -> "El mensaje debe incluir el código HTTP 404 y dice: "
                + Expect.show(error.getMessage()));
        expectNothingWritten(s3, "un 404");
    }

    @ParameterizedTest(name = "cuerpo {0}")
    @ValueSource(strings = {"\"[1, 2, 3]\"", "\"{\\\"1514851200000\\\": \\\"cerrado\\\"}\"", "{\"code\":200}",
        "\"{\\\"hoy\\\": 5.41}\""})
    @Graded(task = 3, points = 1)
    @DisplayName("Un 200 cuyo texto no es un objeto de milisegundos a números es un error")
    void notASeries(String body) {
        api.respondWith(200, body);

        Outcome outcome = call(environment(api), s3);

        outcome.expectMarketDataException("Con un 200 cuyo cuerpo es " + body,
                "Comprueba que cada clave son milisegundos (un número) y cada valor un número.");
        expectNothingWritten(s3, "un 200 con un cuerpo sin serie");
    }

    @Test
    @Graded(task = 5, points = 1)
    @DisplayName("Si el bucket no existe, el error lo nombra y no filtra la clave")
    void missingBucket() {
        Map<String, String> environment = environment(api);
        environment.put("OUTPUT_BUCKET", "bucket-que-no-existe");

        Outcome outcome = call(environment, s3);

        MarketDataException error = outcome.expectMarketDataException("Con un OUTPUT_BUCKET que no existe",
                "Captura la excepción del SDK al escribir y lanza la tuya.");
        Expect.that(error.getMessage().contains("bucket-que-no-existe"), () -> "El mensaje debe nombrar el bucket "
                + "y dice: " + Expect.show(error.getMessage()));
        expectKeyHidden(outcome, api.apiKey(), "un bucket que no existe");
    }

    @Test
    @Graded(task = 5, points = 1)
    @DisplayName("El objeto se guarda como text/csv")
    void contentType() {
        String key = call(environment(api), s3).expectSuccess("Con la API respondiendo bien");

        String type = s3.client().headObject(request -> request.bucket(BUCKET).key(key)).contentType();
        Expect.that(type != null && type.startsWith("text/csv"), () -> "Content-Type del objeto: se esperaba "
                + "text/csv y es " + Expect.show(type) + ". Usa contentType(\"text/csv\") en el PutObjectRequest.");
    }

    @Test
    @Graded(task = 5, points = 1)
    @DisplayName("La misma instancia sirve dos invocaciones seguidas, incluso tras un fallo")
    void reusedInstance() {
        ManualClock clock = ManualClock.at(MarketDataRun.NOW);
        MarketDataHandler handler = MarketDataRun.handler(environment(api), s3, clock);
        Duration timeout = Duration.ofSeconds(MarketDataRun.CONFIG.timeout());

        api.fault(MarketDataApiFake.Fault.SERVER_ERROR);
        call(handler, timeout).expectMarketDataException("Primera llamada con la API en error", "Con un error de "
                + "la API lanza MarketDataException, sin dejar la instancia a medias para la siguiente llamada.");
        api.fault(MarketDataApiFake.Fault.NONE);
        String first = call(handler, timeout).expectSuccess("Segunda llamada");
        clock.advance(Duration.ofSeconds(61));
        String second = call(handler, timeout).expectSuccess("Tercera llamada, 61 s después");

        Expect.equal(List.of(first, second), s3.keys(BUCKET), "Objetos tras dos invocaciones correctas",
                "Cada invocación escribe su propio fichero con la hora del reloj.");
    }

    @Test
    @Graded(task = 1, points = 1)
    @DisplayName("La plantilla no lleva ninguna URL ni clave escrita: todo llega por parámetros")
    void templateUsesParameters() {
        Map<String, EnvironmentValue> variables = MarketDataRun.CONFIG.environment();

        Expect.that(variables.get("API_URL") instanceof EnvironmentValue.ParameterRef,
                () -> "API_URL debe ser '!Ref ApiUrl' y es " + variables.get("API_URL"));
        Expect.that(MarketDataRun.CONFIG.timeout() >= 15, () -> "Timeout de la función: "
                + MarketDataRun.CONFIG.timeout() + " s no deja sitio a una petición de 10 s y a la escritura en S3.");
        Expect.equal(MarketDataHandler.class.getName(), MarketDataRun.CONFIG.handlerClass(), "Clase del handler",
                "Handler en template.yaml.");
    }
}
