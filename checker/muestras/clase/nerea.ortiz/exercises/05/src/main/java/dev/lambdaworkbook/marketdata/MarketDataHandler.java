package dev.lambdaworkbook.marketdata;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Downloads Banco Santander's daily closes (ticker SAN, market IBEX) from the course's market-data API and writes
 * them to S3 as {@code Santander_HH_MM_SS_DD_MM_YYYY.csv} (UTC), returning the object key.
 *
 * <p>Configuration comes from environment variables: {@code API_KEY}, {@code API_URL} and {@code OUTPUT_BUCKET}.
 * Any failure raises a {@link MarketDataException} before anything is written, and no message contains the key.
 */
public class MarketDataHandler implements RequestHandler<Map<String, Object>, String> {

    static final String MARKET = "IBEX";
    static final String TICKER = "SAN";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration MAX_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Time kept back from the function's remaining time to report a slow API before Lambda stops the function. */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(1);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final DateTimeFormatter OBJECT_KEY = DateTimeFormatter
            .ofPattern("'Santander_'HH_mm_ss_dd_MM_yyyy'.csv'")
            .withZone(ZoneOffset.UTC);

    private final Map<String, String> environment;
    private final HttpClient http;
    private final S3Client s3;
    private final Clock clock;

    /** Used by the Lambda runtime: builds the clients once per execution environment, not once per call. */
    public MarketDataHandler() {
        this(System.getenv(),
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build(),
                S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                Clock.systemUTC());
    }

    /** Used by tests: every collaborator injected. */
    public MarketDataHandler(Map<String, String> environment, HttpClient http, S3Client s3, Clock clock) {
        this.environment = environment;
        this.http = http;
        this.s3 = s3;
        this.clock = clock;
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        Settings settings = readSettings();
        String body = download(settings, context);
        NavigableMap<LocalDate, BigDecimal> closes = parseSeries(body);
        String csv = toCsv(closes);
        String key = objectKey(clock.instant());
        upload(settings.bucket(), key, csv);
        context.getLogger().log("Escritos " + closes.size() + " cierres de " + TICKER + " en s3://"
                + settings.bucket() + "/" + key + "\n");
        return key;
    }

    /** The function's configuration, read from the environment. */
    record Settings(String apiKey, URI apiUrl, String bucket) {

        /** Hides the key, so that printing the settings by mistake never shows it. */
        @Override
        public String toString() {
            return "Settings[apiKey=****, apiUrl=" + apiUrl + ", bucket=" + bucket + "]";
        }
    }

    /** Task 1: reads {@code API_KEY}, {@code API_URL} and {@code OUTPUT_BUCKET}. */
    Settings readSettings() {
        String apiKey = required("API_KEY", "la clave de la API de datos de mercado");
        String apiUrl = required("API_URL", "la URL base de la API, por ejemplo https://api.ejemplo.com");
        String bucket = required("OUTPUT_BUCKET", "el bucket donde se escribe el CSV");
        return new Settings(apiKey, baseUrl(apiUrl), bucket);
    }

    private String required(String name, String meaning) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new MarketDataException("Falta la variable de entorno '" + name + "' (" + meaning + "). "
                    + "Defínela en la configuración de la función (Environment en template.yaml).");
        }
        return value.strip();
    }

    private static URI baseUrl(String apiUrl) {
        URI uri;
        try {
            uri = new URI(apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl);
        } catch (URISyntaxException invalid) {
            throw new MarketDataException("La variable de entorno 'API_URL' vale '" + apiUrl + "', que no es una "
                    + "URL válida. Escríbela como https://servidor[:puerto], sin espacios.");
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new MarketDataException("La variable de entorno 'API_URL' vale '" + apiUrl + "', que no es una "
                    + "URL http ni https. Escríbela como https://servidor[:puerto].");
        }
        return uri;
    }

    /** Task 2: one GET to {@code /data/time_series} with a timeout; returns the body of a 200. */
    String download(Settings settings, Context context) {
        String path = settings.apiUrl() + "/data/time_series";
        URI uri = URI.create(path + "?market=" + MARKET + "&ticker=" + TICKER + "&key="
                + URLEncoder.encode(settings.apiKey(), StandardCharsets.UTF_8));
        Duration timeout = requestTimeout(context);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException slow) {
            throw new MarketDataException("La API de datos de mercado (" + path + ") no respondió en "
                    + timeout.toMillis() + " ms. Vuelve a intentarlo más tarde o sube el Timeout de la función.",
                    slow);
        } catch (IOException unreachable) {
            throw new MarketDataException("No se pudo conectar con la API de datos de mercado en " + path + ": "
                    + unreachable.getClass().getSimpleName() + ". Comprueba API_URL y la red.", unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MarketDataException("Se interrumpió la descarga de " + path + ".", interrupted);
        }
        checkStatus(response.statusCode(), path);
        return response.body();
    }

    /** Returns the smaller of 10 s and the function's remaining time less a safety margin, at least 1 ms. */
    static Duration requestTimeout(Context context) {
        Duration remaining = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(SAFETY_MARGIN);
        Duration timeout = remaining.compareTo(MAX_REQUEST_TIMEOUT) < 0 ? remaining : MAX_REQUEST_TIMEOUT;
        return timeout.toMillis() < 1 ? Duration.ofMillis(1) : timeout;
    }

    private static void checkStatus(int status, String path) {
        if (status == 200) {
            return;
        }
        String problem = switch (status) {
            case 400 -> "rechazó la petición: la clave API_KEY no es válida o falta un parámetro";
            case 401, 403 -> "no acepta la petición sin una clave válida: revisa API_KEY";
            case 429 -> "ha limitado las peticiones (demasiadas por minuto): espera antes de volver a llamarla";
            default -> status >= 500 ? "tiene un error interno: vuelve a intentarlo más tarde"
                    : "no acepta la petición";
        };
        throw new MarketDataException("La API de datos de mercado (" + path + ") respondió " + status + ": "
                + problem + ".");
    }

    /** Task 3: the body is a JSON string whose text is a JSON object from epoch milliseconds to close. */
    static NavigableMap<LocalDate, BigDecimal> parseSeries(String body) {
        JsonNode series = innerJson(body);
        if (!series.isObject() || series.isEmpty()) {
            throw noData(body);
        }
        NavigableMap<LocalDate, BigDecimal> closes = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = series.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().isNumber()) {
                throw noData(body);
            }
            closes.put(date(entry.getKey(), body), entry.getValue().decimalValue());
        }
        return closes;
    }

    private static JsonNode innerJson(String body) {
        try {
            JsonNode outer = JSON.readTree(body);
            return outer != null && outer.isTextual() ? JSON.readTree(outer.asText()) : outer;
        } catch (JsonProcessingException notJson) {
            throw noData(body);
        }
    }

    private static LocalDate date(String epochMillis, String body) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(epochMillis)).atZone(ZoneOffset.UTC).toLocalDate();
        } catch (NumberFormatException notMillis) {
            throw noData(body);
        }
    }

    private static MarketDataException noData(String body) {
        String start = body == null ? "" : body.length() > 120 ? body.substring(0, 120) + "…" : body;
        return new MarketDataException("La API respondió 200 pero sin la serie de cierres que se esperaba (un JSON "
                + "de milisegundos a precio). Empieza así: '" + start + "'. Si es un aviso de límite de peticiones, "
                + "espera y vuelve a intentarlo.");
    }

    /** Task 4: {@code date,close} lines, oldest first, written the same in every locale. */
    static String toCsv(NavigableMap<LocalDate, BigDecimal> closes) {
        StringBuilder csv = new StringBuilder("date,close\n");
        closes.forEach((date, close) -> csv.append(date).append(',').append(close.toPlainString()).append('\n'));
        return csv.toString();
    }

    /** Task 5: {@code Santander_HH_MM_SS_DD_MM_YYYY.csv} at the given instant, in UTC. */
    static String objectKey(Instant now) {
        return OBJECT_KEY.format(now);
    }

    private void upload(String bucket, String key, String csv) {
        try {
            s3.putObject(request -> request.bucket(bucket).key(key).contentType("text/csv; charset=utf-8"),
                    RequestBody.fromString(csv, StandardCharsets.UTF_8));
        } catch (SdkException refused) {
            throw new MarketDataException("No se pudo escribir s3://" + bucket + "/" + key + ": "
                    + refused.getMessage() + ". Comprueba que OUTPUT_BUCKET existe y que la función puede escribir "
                    + "en él.", refused);
        }
    }
}
