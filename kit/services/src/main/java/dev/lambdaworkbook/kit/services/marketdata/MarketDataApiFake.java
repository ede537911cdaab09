package dev.lambdaworkbook.kit.services.marketdata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP fake of the course's market-data API, on 127.0.0.1, with the real API's shape and deterministic data
 * ({@link MarketData}).
 *
 * <ul>
 *   <li>{@code GET /data/time_series?market=IBEX&ticker=SAN&key=K}: 200 with a JSON <em>string</em> whose text is a
 *       JSON object from epoch milliseconds (midnight UTC) to close price. With {@code close=False} the text is an
 *       object with the maps {@code open}, {@code high}, {@code low}, {@code close} and {@code vol}. A ticker the
 *       market does not list gives the text {@code {}}.</li>
 *   <li>{@code GET /data/ticker_master?competi=C&market=IBEX&key=K}: 200 with
 *       {@code {"master":[{"ticker":..,"start_date":"YYYY-MM-DD","end_date":..,"n_days":..}]}}.</li>
 *   <li>No {@code key}: 401 {@code UNAUTHENTICATED}; a wrong key: 400 {@code INVALID_ARGUMENT:API key not valid};
 *       a missing or unknown {@code market}, or a missing {@code ticker} or {@code competi}: 400
 *       {@code INVALID_ARGUMENT}. Error bodies are {@code {"code":N,"message":"..."}}.</li>
 * </ul>
 *
 * <p>Tests switch on a {@link Fault}, a delay or a fixed response, and read the {@link #requests()} it received.
 * Checks run in the order path, method, key, fixed response, fault, parameters, so faults and fixed responses
 * apply only to requests with the right key.
 */
public final class MarketDataApiFake implements AutoCloseable {

    /** What the data endpoints return instead of data, for requests with a valid key. */
    public enum Fault {
        /** Normal answers. */
        NONE,
        /** 429 {@code RESOURCE_EXHAUSTED} with a {@code Retry-After} header. */
        TOO_MANY_REQUESTS,
        /** 200 whose body is a JSON string holding a plain-text rate-limit notice instead of data. */
        RATE_LIMIT_NOTICE,
        /** 200 whose body is the JSON string {@code "{}"}: a series with no data. */
        EMPTY_SERIES,
        /** 500 {@code INTERNAL}. */
        SERVER_ERROR,
        /** 503 {@code UNAVAILABLE}. */
        UNAVAILABLE
    }

    /**
     * One request the fake received.
     *
     * @param query the decoded query parameters, in order; a repeated name keeps its last value
     */
    public record Request(String method, String path, Map<String, String> query) {
    }

    /** Maximum delay a test may set, so that a forgotten delay cannot hang a build. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(60);

    static final String TIME_SERIES = "/data/time_series";
    static final String TICKER_MASTER = "/data/ticker_master";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String apiKey;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Fault fault = Fault.NONE;
    private volatile Duration delay = Duration.ZERO;
    private volatile Response fixed;

    private MarketDataApiFake(HttpServer server, ExecutorService executor, String apiKey) {
        this.server = server;
        this.executor = executor;
        this.apiKey = apiKey;
    }

    /** Starts the fake on a free port of 127.0.0.1 with a new random API key. */
    public static MarketDataApiFake start() {
        return start(0, randomKey());
    }

    /**
     * Starts the fake on the given port of 127.0.0.1 (0: a free one) accepting only {@code apiKey}.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static MarketDataApiFake start(int port, String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("La clave de la API falsa no puede estar vacía.");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Puerto no válido para la API de datos de mercado: '" + port
                    + "'. Usa un número entre 1 y 65535, o 0 para elegir uno libre.");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException bindFailed) {
            throw new IllegalStateException("No se pudo arrancar la API de datos de mercado en 127.0.0.1:" + port
                    + ". Comprueba que el puerto está libre o usa 0 para elegir uno libre.", bindFailed);
        }
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "market-data-api-fake");
            thread.setDaemon(true);
            return thread;
        });
        MarketDataApiFake fake = new MarketDataApiFake(server, executor, apiKey);
        server.createContext("/", fake::handle);
        server.setExecutor(executor);
        server.start();
        return fake;
    }

    /** Returns a new random key in the style of the course's keys; a test value, not a real credential. */
    public static String randomKey() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return "wb-local-" + HexFormat.of().formatHex(bytes);
    }

    /** Returns the base URL, {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Returns the only key the fake accepts. */
    public String apiKey() {
        return apiKey;
    }

    /** Sets how the data endpoints respond from now on. */
    public void fault(Fault fault) {
        this.fault = Objects.requireNonNull(fault, "fault");
    }

    /**
     * Responds to every following request that has the right key with this status and JSON body, whatever its path
     * and parameters, until {@link #reset()}. It serves bodies that no {@link Fault} covers.
     */
    public void respondWith(int status, String jsonBody) {
        this.fixed = Response.json(status, Objects.requireNonNull(jsonBody, "jsonBody"));
    }

    /** Delays every following response by this long before its headers; at most {@link #MAX_DELAY}. */
    public void delay(Duration delay) {
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("Retardo no válido: '" + delay + "'. Debe estar entre 0 y "
                    + MAX_DELAY.toSeconds() + " s.");
        }
        this.delay = delay;
    }

    /** Returns the requests received so far, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Clears the fault, the delay, the fixed response and the recorded requests. */
    public void reset() {
        fault = Fault.NONE;
        delay = Duration.ZERO;
        fixed = null;
        requests.clear();
    }

    /** Stops the server at once, interrupting responses that are still waiting out a delay. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path, query));
            if (!pause()) {
                return;
            }
            Response response = respond(exchange.getRequestMethod(), path, query);
            send(exchange, response);
        }
    }

    private boolean pause() {
        Duration wait = delay;
        if (wait.isZero()) {
            return true;
        }
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Response respond(String method, String path, Map<String, String> query) {
        if (!TIME_SERIES.equals(path) && !TICKER_MASTER.equals(path)) {
            return Response.error(404, "NOT_FOUND", "Method not found: " + path);
        }
        if (!"GET".equals(method)) {
            return Response.error(405, "METHOD_NOT_ALLOWED", "Only GET is allowed on " + path);
        }
        String key = query.get("key");
        if (key == null || key.isEmpty()) {
            return Response.error(401, "UNAUTHENTICATED",
                    "Method doesn't allow unregistered callers. Send an API key in the 'key' parameter.");
        }
        if (!apiKey.equals(key)) {
            return Response.error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.");
        }
        Response override = fixed;
        if (override != null) {
            return override;
        }
        Response faulty = faultResponse();
        if (faulty != null) {
            return faulty;
        }
        return TIME_SERIES.equals(path) ? MarketDataJson.timeSeries(query) : MarketDataJson.tickerMaster(query);
    }

    private Response faultResponse() {
        return switch (fault) {
            case NONE -> null;
            case TOO_MANY_REQUESTS -> Response.error(429, "RESOURCE_EXHAUSTED",
                    "Quota exceeded: too many requests per minute for this API key.").withHeader("Retry-After", "60");
            case RATE_LIMIT_NOTICE -> Response.json(200, MarketDataJson.quote(
                    "Rate limit exceeded: at most 60 requests per minute. Try again later."));
            case EMPTY_SERIES -> Response.json(200, MarketDataJson.quote("{}"));
            case SERVER_ERROR -> Response.error(500, "INTERNAL", "Internal error. Please retry.");
            case UNAVAILABLE -> Response.error(503, "UNAVAILABLE", "The service is currently unavailable.");
        };
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    /** A response: status, extra headers and a JSON body. */
    record Response(int status, Map<String, String> headers, String body) {

        static Response json(int status, String body) {
            return new Response(status, Map.of(), body);
        }

        static Response error(int status, String reason, String message) {
            return json(status, "{\"code\":" + status + ",\"message\":" + MarketDataJson.quote(reason + ":" + message)
                    + "}");
        }

        Response withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Response(status, more, body);
        }
    }

    /** Returns the names of the markets and tickers served, one line per market, for the command line. */
    static List<String> catalogue() {
        List<String> lines = new ArrayList<>();
        for (String market : MarketData.MARKETS) {
            lines.add("  " + market + ": " + MarketData.master(market).stream().map(MarketData.Listing::ticker).toList());
        }
        return lines;
    }
}
