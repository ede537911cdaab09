package dev.lambdaworkbook.marketdata;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Descarga los cierres diarios del Banco Santander (valor SAN, mercado IBEX) de la API de datos de mercado del curso
 * y los escribe en S3 como {@code Santander_HH_MM_SS_DD_MM_YYYY.csv} (hora UTC). Devuelve la clave escrita.
 *
 * <p>Lee el README.md del ejercicio: explica cada tarea y el contrato que comprueban las pruebas.
 */
public class MarketDataHandler implements RequestHandler<Map<String, Object>, String> {

    static final String MARKET = "IBEX";
    static final String TICKER = "SAN";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, String> environment;
    private final HttpClient http;
    private final S3Client s3;
    private final Clock clock;

    /**
     * Lo usa Lambda. Crea los clientes una sola vez por entorno de ejecución: las invocaciones siguientes los
     * reutilizan y no pagan otra vez su arranque.
     */
    public MarketDataHandler() {
        this(System.getenv(),
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build(),
                S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                Clock.systemUTC());
    }

    /** Lo usan las pruebas: el entorno, los clientes y el reloj llegan desde fuera. */
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

    /** La configuración de la función, leída del entorno. */
    record Settings(String apiKey, URI apiUrl, String bucket) {

        /** Oculta la clave: si alguien imprime la configuración por error, no la verá. */
        @Override
        public String toString() {
            return "Settings[apiKey=****, apiUrl=" + apiUrl + ", bucket=" + bucket + "]";
        }
    }

    /** Tarea 1: lee API_KEY, API_URL y OUTPUT_BUCKET del mapa environment. */
    Settings readSettings() {
        // TODO Tarea 1: lee cada variable de 'environment'. Si falta o está en blanco, lanza
        //  new MarketDataException("Falta la variable de entorno 'NOMBRE' ...") con el nombre entre comillas simples.
        // TODO Tarea 1: convierte API_URL en URI, quita la barra final si la tiene y comprueba que es http o https.
        throw new UnsupportedOperationException("Tarea 1 sin hacer: readSettings() todavía no lee las variables de entorno.");
    }

    /** Tarea 2: una petición GET a API_URL + /data/time_series; devuelve el cuerpo de la respuesta 200. */
    String download(Settings settings, Context context) {
        // TODO Tarea 2: construye la URL con market=IBEX, ticker=SAN y key=<la clave codificada con URLEncoder>.
        // TODO Tarea 2: pon a la petición un timeout: el menor de 10 s y lo que le queda a la función
        //  (context.getRemainingTimeInMillis()) menos 1 s.
        // TODO Tarea 2: si la respuesta no es 200, o salta HttpTimeoutException o IOException, lanza
        //  MarketDataException con el código HTTP o la causa. Tarea 6: nunca pongas la URL (lleva la clave) en un
        //  mensaje ni en un log.
        throw new UnsupportedOperationException("Tarea 2 sin hacer: download(...) todavía no descarga la serie del Santander.");
    }

    /** Tarea 3: el cuerpo es un texto JSON que contiene otro JSON: milisegundos desde 1970 → cierre. */
    static NavigableMap<LocalDate, BigDecimal> parseSeries(String body) {
        // TODO Tarea 3: lee el cuerpo con Jackson (ObjectMapper.readTree); si es un texto, lee otra vez su contenido.
        // TODO Tarea 3: convierte cada clave en fecha UTC y cada valor en BigDecimal (decimalValue()).
        // TODO Tarea 3: si no hay un objeto con al menos un cierre, lanza MarketDataException: no hay datos.
        throw new UnsupportedOperationException("Tarea 3 sin hacer: parseSeries(...) todavía no extrae la serie de la respuesta.");
    }

    /** Tarea 4: el CSV, con la cabecera date,close y una fila por día, de la más antigua a la más reciente. */
    static String toCsv(NavigableMap<LocalDate, BigDecimal> closes) {
        // TODO Tarea 4: escribe cada fila como 2015-01-02,5.41 con LocalDate.toString() y BigDecimal.toPlainString(),
        //  que no dependen del idioma del sistema (String.format sí: en español escribe 5,41).
        throw new UnsupportedOperationException("Tarea 4 sin hacer: toCsv(...) todavía no escribe el CSV.");
    }

    /** Tarea 5: el nombre del fichero en ese instante, en UTC: Santander_HH_MM_SS_DD_MM_YYYY.csv. */
    static String objectKey(Instant now) {
        // TODO Tarea 5: usa un DateTimeFormatter con el patrón adecuado y withZone(ZoneOffset.UTC).
        throw new UnsupportedOperationException("Tarea 5 sin hacer: objectKey(...) todavía no calcula el nombre del fichero.");
    }

    /** Tarea 5: escribe el CSV en el bucket con esa clave. */
    private void upload(String bucket, String key, String csv) {
        // TODO Tarea 5: s3.putObject con bucket, clave y contentType("text/csv"), y RequestBody.fromString(csv).
        //  Si el SDK lanza una excepción, lanza MarketDataException que nombre el bucket.
        throw new UnsupportedOperationException("Tarea 5 sin hacer: upload(...) todavía no escribe el CSV en S3.");
    }
}
