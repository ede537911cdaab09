package dev.lambdaworkbook.marketdata;

import static dev.lambdaworkbook.marketdata.MarketDataRun.BUCKET;
import static dev.lambdaworkbook.marketdata.MarketDataRun.KEY_AT_NOW;
import static dev.lambdaworkbook.marketdata.MarketDataRun.call;
import static dev.lambdaworkbook.marketdata.MarketDataRun.environment;
import static dev.lambdaworkbook.marketdata.MarketDataRun.expectKeyHidden;
import static dev.lambdaworkbook.marketdata.MarketDataRun.expectNothingWritten;

import dev.lambdaworkbook.kit.config.EnvironmentValue;
import dev.lambdaworkbook.kit.context.ManualClock;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.grading.Graded;
import dev.lambdaworkbook.kit.services.marketdata.MarketData;
import dev.lambdaworkbook.kit.services.marketdata.MarketDataApiExtension;
import dev.lambdaworkbook.kit.services.marketdata.MarketDataApiFake;
import dev.lambdaworkbook.kit.services.marketdata.MarketDataApiFake.Fault;
import dev.lambdaworkbook.kit.services.s3.LocalS3Extension;
import dev.lambdaworkbook.marketdata.MarketDataRun.Outcome;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Ejercicio 05: datos del Santander a S3")
@TestClassOrder(ClassOrderer.DisplayName.class)
class MarketDataHandlerTest {

    @RegisterExtension
    static final LocalS3Extension s3 = LocalS3Extension.withBuckets(BUCKET);

    @RegisterExtension
    static final MarketDataApiExtension api = new MarketDataApiExtension();

    @Nested
    @DisplayName("Tarea 1: configuración desde variables de entorno")
    class Configuration {

        @ParameterizedTest(name = "sin {0}")
        @ValueSource(strings = {"API_KEY", "API_URL", "OUTPUT_BUCKET"})
        @Graded(task = 1, points = 3)
        @DisplayName("Si falta una variable, lanza MarketDataException que la nombra y no llama a la API")
        void missingVariable(String variable) {
            Map<String, String> environment = environment(api);
            environment.remove(variable);

            Outcome outcome = call(environment, s3);

            MarketDataException error = outcome.expectMarketDataException("Sin la variable " + variable,
                    "Lee cada variable del mapa de entorno y, si es null o está en blanco, lanza la excepción.");
            Expect.that(error.getMessage() != null && error.getMessage().contains("'" + variable + "'"),
                    () -> "El mensaje debe nombrar la variable que falta entre comillas simples ('" + variable
                            + "') y dice: " + Expect.show(error.getMessage()));
            Expect.equal(0, api.requests().size(), "Peticiones a la API sin la variable " + variable,
                    "Comprueba la configuración antes de llamar a la API.");
            expectNothingWritten(s3, "faltar " + variable);
        }

        @Test
        @Graded(task = 1, points = 1)
        @DisplayName("Una variable solo con espacios cuenta como ausente")
        void blankVariable() {
            Map<String, String> environment = environment(api);
            environment.put("OUTPUT_BUCKET", "   ");

            Outcome outcome = call(environment, s3);

            MarketDataException error = outcome.expectMarketDataException("Con OUTPUT_BUCKET=\"   \"",
                    "Usa isBlank() además de comprobar null.");
            Expect.that(error.getMessage().contains("'OUTPUT_BUCKET'"), () -> "El mensaje debe nombrar "
                    + "'OUTPUT_BUCKET' y dice: " + Expect.show(error.getMessage()));
        }

        @Test
        @Graded(task = 1, points = 1)
        @DisplayName("La plantilla toma la clave de un parámetro NoEcho y el bucket de un recurso")
        void templateKeepsTheKeyOutOfTheCode() {
            Map<String, EnvironmentValue> variables = MarketDataRun.CONFIG.environment();

            Expect.that(variables.get("API_KEY") instanceof EnvironmentValue.ParameterRef reference
                    && reference.secret(), () -> "En template.yaml, API_KEY debe ser '!Ref' a un parámetro con "
                    + "NoEcho: true, y es " + variables.get("API_KEY") + ".");
            Expect.equal(new EnvironmentValue.Literal(BUCKET), variables.get("OUTPUT_BUCKET"),
                    "OUTPUT_BUCKET en template.yaml", "Usa '!Ref DatosBucket'.");
        }
    }

    @Nested
    @DisplayName("Tarea 2: descarga con la API del curso")
    class Download {

        @Test
        @Graded(task = 2, points = 2)
        @DisplayName("Hace una sola petición GET a /data/time_series con market=IBEX, ticker=SAN y la clave")
        void requestsSantander() {
            Outcome outcome = call(environment(api), s3);

            List<MarketDataApiFake.Request> requests = api.requests();
            if (requests.isEmpty()) {
                outcome.failIfUnfinished("La función no pidió nada a la API", "llama a la API una sola vez.");
            }
            Expect.equal(1, requests.size(), "Número de peticiones a la API",
                    "Llama a la API una sola vez por invocación.");
            MarketDataApiFake.Request request = requests.get(0);
            Expect.equal("GET", request.method(), "Método HTTP", "Usa HttpRequest.newBuilder(uri).GET().");
            Expect.equal("/data/time_series", request.path(), "Ruta de la petición",
                    "Añade /data/time_series a API_URL.");
            Expect.equal("IBEX", request.query().get("market"), "Parámetro market", "Pide el mercado IBEX.");
            Expect.equal("SAN", request.query().get("ticker"), "Parámetro ticker", "El Santander es SAN.");
            Expect.that(api.apiKey().equals(request.query().get("key")), () -> "El parámetro 'key' de la "
                    + "petición no es el valor de API_KEY. Envíalo como key=<valor codificado con URLEncoder>.");
        }

        @Test
        @Graded(task = 2, points = 2)
        @DisplayName("Con una clave incorrecta (400) lanza MarketDataException con el código y no escribe nada")
        void wrongKey() {
            Map<String, String> environment = environment(api);
            String wrongKey = "clave-incorrecta-" + System.nanoTime();
            environment.put("API_KEY", wrongKey);

            Outcome outcome = call(environment, s3);

            MarketDataException error = outcome.expectMarketDataException("Con una clave incorrecta",
                    "Comprueba response.statusCode() y lanza la excepción si no es 200.");
            Expect.that(error.getMessage().contains("400"), () -> "El mensaje debe incluir el código HTTP 400 y "
                    + "dice: " + Expect.show(error.getMessage()));
            expectNothingWritten(s3, "una clave incorrecta");
            expectKeyHidden(outcome, wrongKey, "una clave incorrecta");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Fault.class, names = {"TOO_MANY_REQUESTS", "SERVER_ERROR", "UNAVAILABLE"})
        @Graded(task = 2, points = 2)
        @DisplayName("Con un error HTTP (429, 500, 503) lanza MarketDataException con el código")
        void httpErrors(Fault fault) {
            api.fault(fault);
            int status = switch (fault) {
                case TOO_MANY_REQUESTS -> 429;
                case SERVER_ERROR -> 500;
                default -> 503;
            };

            Outcome outcome = call(environment(api), s3);

            MarketDataException error = outcome.expectMarketDataException("Cuando la API responde " + status,
                    "Todo lo que no sea 200 es un error.");
            Expect.that(error.getMessage().contains(String.valueOf(status)), () -> "El mensaje debe incluir el "
                    + "código HTTP " + status + " y dice: " + Expect.show(error.getMessage()));
            expectNothingWritten(s3, "un " + status);
            expectKeyHidden(outcome, api.apiKey(), "un " + status);
        }

        @Test
        @Graded(task = 2, points = 2)
        @DisplayName("Si la API no responde a tiempo, corta la petición antes de que Lambda pare la función")
        void timeout() {
            api.delay(Duration.ofSeconds(20));
            MarketDataHandler handler = MarketDataRun.handler(environment(api), s3, ManualClock.at(MarketDataRun.NOW));
            long start = System.nanoTime();

            // A 2 s function: the reference gives up after 1 s, so the test waits about 1 s.
            Duration function = Duration.ofSeconds(2);
            Outcome outcome = call(handler, function);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            outcome.expectMarketDataException("Con una API que tarda 20 s y una función de " + function.toSeconds()
                    + " s", "Pon un timeout a la petición (HttpRequest.Builder.timeout) y captura "
                    + "HttpTimeoutException.");
            Expect.that(took.compareTo(function) < 0, () -> "La función tardó " + took.toMillis()
                    + " ms en rendirse y solo tenía " + function.toMillis() + " ms: Lambda la habría parado sin tu "
                    + "mensaje. El timeout de la petición debe ser menor que context.getRemainingTimeInMillis().");
            expectNothingWritten(s3, "un timeout");
            expectKeyHidden(outcome, api.apiKey(), "un timeout");
        }
    }

    @Nested
    @DisplayName("Tarea 3: la serie dentro de la respuesta")
    class Parse {

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Fault.class, names = {"RATE_LIMIT_NOTICE", "EMPTY_SERIES"})
        @Graded(task = 3, points = 2)
        @DisplayName("Un 200 sin datos (aviso de límite o serie vacía) es un error y no escribe nada")
        void okWithoutData(Fault fault) {
            api.fault(fault);

            Outcome outcome = call(environment(api), s3);

            outcome.expectMarketDataException("Con un 200 cuyo cuerpo es " + (fault == Fault.EMPTY_SERIES
                    ? "la serie vacía \"{}\"" : "un aviso de límite de peticiones en texto"),
                    "Un 200 no garantiza datos: comprueba que el texto interior es un objeto JSON con al menos "
                            + "un cierre.");
            expectNothingWritten(s3, "un 200 sin datos");
        }

        @Test
        @Graded(task = 3, points = 3)
        @DisplayName("El CSV tiene un cierre por día de la serie, con la fecha en UTC")
        void everyDay() {
            NavigableMap<LocalDate, MarketData.Bar> expected = MarketData.series("IBEX", "SAN");

            String key = call(environment(api), s3).expectSuccess("Con la API respondiendo bien");

            List<String> rows = CsvFile.dataRows(s3, key);
            Expect.equal(expected.size(), rows.size(), "Filas de datos del CSV",
                    "Escribe una fila por cada entrada del objeto JSON interior.");
            Expect.equal(expected.firstKey().toString(), rows.get(0).split(",")[0], "Fecha de la primera fila",
                    "Las claves son milisegundos desde 1970 en UTC: Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC)"
                            + ".toLocalDate(). Ordena de la más antigua a la más reciente.");
        }
    }

    @Nested
    @DisplayName("Tarea 4: CSV igual en cualquier idioma del sistema")
    class Csv {

        @Test
        @Graded(task = 4, points = 2)
        @DisplayName("La cabecera es date,close y las filas van ordenadas por fecha")
        void headerAndOrder() {
            String key = call(environment(api), s3).expectSuccess("Con la API respondiendo bien");

            List<String> lines = CsvFile.lines(s3, key);
            Expect.equal("date,close", lines.get(0), "Primera línea del CSV", "Escribe la cabecera date,close.");
            for (int i = 2; i < lines.size(); i++) {
                String previous = lines.get(i - 1).split(",")[0];
                String current = lines.get(i).split(",")[0];
                int row = i;
                Expect.that(previous.compareTo(current) < 0, () -> "Las fechas no van en orden en la línea " + row
                        + ": '" + previous + "' y después '" + current + "'. Usa un TreeMap o ordena las filas.");
            }
        }

        @Test
        @Graded(task = 4, points = 3)
        @DisplayName("En un portátil en español (es_ES) los precios llevan punto y son los de la API")
        void spanishLocale() {
            Locale original = Locale.getDefault();
            String key;
            try {
                Locale.setDefault(new Locale("es", "ES"));
                key = call(environment(api), s3).expectSuccess("Con Locale.setDefault(es_ES)");
            } finally {
                Locale.setDefault(original);
            }

            NavigableMap<LocalDate, MarketData.Bar> expected = MarketData.series("IBEX", "SAN");
            for (String row : CsvFile.dataRows(s3, key)) {
                String[] fields = row.split(",", -1);
                Expect.that(fields.length == 2 && fields[1].matches("\\d+(\\.\\d+)?"), () -> "La fila '" + row
                        + "' no es fecha,precio con punto decimal. No uses String.format ni NumberFormat: dependen "
                        + "del idioma del sistema. Usa BigDecimal.toPlainString().");
                BigDecimal close = expected.get(LocalDate.parse(fields[0])).close();
                Expect.that(close.compareTo(new BigDecimal(fields[1])) == 0, () -> "El cierre de " + fields[0]
                        + " es " + close.toPlainString() + " en la API y el CSV dice " + fields[1]
                        + ". Lee el precio como BigDecimal (decimalValue()) para no perder decimales.");
            }
        }
    }

    @Nested
    @DisplayName("Tarea 5: el fichero en S3")
    class Upload {

        @Test
        @Graded(task = 5, points = 2)
        @DisplayName("Devuelve y escribe Santander_HH_MM_SS_DD_MM_YYYY.csv con la hora UTC del reloj")
        void objectKey() {
            String key = call(environment(api), s3).expectSuccess("Con el reloj en " + MarketDataRun.NOW);

            Expect.equal(KEY_AT_NOW, key, "Clave devuelta con el reloj en " + MarketDataRun.NOW,
                    "Formatea clock.instant() en UTC con el patrón HH_mm_ss_dd_MM_yyyy.");
            Expect.equal(List.of(KEY_AT_NOW), s3.keys(BUCKET), "Objetos en el bucket " + BUCKET,
                    "Escribe el CSV con putObject en el bucket de OUTPUT_BUCKET y con la misma clave que devuelves.");
        }

        @Test
        @Graded(task = 5, points = 1)
        @DisplayName("El nombre usa UTC aunque el reloj esté en la zona de Madrid")
        void utcWhateverTheZone() {
            MarketDataHandler handler = MarketDataRun.handler(environment(api), s3,
                    ManualClock.at("2026-07-01T22:30:05Z").withZone(java.time.ZoneId.of("Europe/Madrid")));

            String key = call(handler, Duration.ofSeconds(30)).expectSuccess("Con el reloj en la zona de Madrid");

            Expect.equal("Santander_22_30_05_01_07_2026.csv", key, "Clave a las 22:30:05 UTC del 1 de julio "
                    + "de 2026 (00:30 del 2 de julio en Madrid)", "Convierte el instante a UTC, no a la zona del "
                    + "reloj: DateTimeFormatter.withZone(ZoneOffset.UTC).");
        }

        @Test
        @Graded(task = 5, points = 1)
        @DisplayName("El año del nombre es el del calendario también el 30 de diciembre")
        void calendarYearAtYearEnd() {
            MarketDataHandler handler = MarketDataRun.handler(environment(api), s3,
                    ManualClock.at("2024-12-30T10:00:00Z"));

            String key = call(handler, Duration.ofSeconds(30)).expectSuccess("Con el reloj en el 30 de diciembre");

            Expect.equal("Santander_10_00_00_30_12_2024.csv", key, "Clave a las 10:00:00 UTC del 30 de diciembre "
                    + "de 2024", "En DateTimeFormatter, YYYY es el año de la semana (ese lunes ya es la semana 1 "
                    + "de 2025); el año del calendario es yyyy.");
        }
    }

    @Nested
    @DisplayName("Tarea 6: la clave no sale nunca")
    class Secret {

        @Test
        @Graded(task = 6, points = 2)
        @DisplayName("Ni la salida ni los logs de una ejecución correcta contienen la clave")
        void successDoesNotLeak() {
            Outcome outcome = call(environment(api), s3);

            outcome.expectSuccess("Con la API respondiendo bien");
            expectKeyHidden(outcome, api.apiKey(), "una ejecución correcta");
            String csv = new String(s3.get(BUCKET, KEY_AT_NOW), StandardCharsets.UTF_8);
            Expect.that(!csv.contains(api.apiKey()), () -> "El CSV contiene la clave de la API.");
        }

        @Test
        @Graded(task = 6, points = 2)
        @DisplayName("Si no hay conexión con la API, el error no contiene la clave")
        void connectionRefusedDoesNotLeak() throws Exception {
            Map<String, String> environment = environment(api);
            environment.put("API_URL", "http://127.0.0.1:" + CsvFile.closedPort());

            Outcome outcome = call(environment, s3);

            outcome.expectMarketDataException("Con API_URL en un puerto cerrado",
                    "Captura la IOException de HttpClient.send y lanza tu excepción con un mensaje en español.");
            expectKeyHidden(outcome, api.apiKey(), "un fallo de conexión");
        }
    }
}
