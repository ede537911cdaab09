package dev.lambdaworkbook.runner.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lambdaworkbook.kit.config.Trigger;
import dev.lambdaworkbook.runner.SpanishNumbers;
import dev.lambdaworkbook.runner.events.EventFactory;
import dev.lambdaworkbook.runner.events.Json;
import dev.lambdaworkbook.runner.invoke.FunctionRuntime;
import dev.lambdaworkbook.runner.invoke.Invocation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local API Gateway (REST API, Lambda proxy integration) on 127.0.0.1. Each HTTP request that matches an Api event
 * of the template becomes a proxy event. The function's result becomes the HTTP response, or a 502 whose reason goes
 * to the terminal. Requests are served one at a time by the same warm function.
 */
public final class LocalApi implements AutoCloseable {

    static final byte[] MISSING_TOKEN = "{\"message\":\"Missing Authentication Token\"}".getBytes(StandardCharsets.UTF_8);

    private final FunctionRuntime runtime;
    private final List<Route> routes;
    private final PrintWriter terminal;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    public LocalApi(FunctionRuntime runtime, List<Trigger.Api> triggers, int port, PrintWriter terminal)
            throws IOException {
        this.runtime = runtime;
        this.routes = triggers.stream().map(Route::of).toList();
        this.terminal = terminal;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            String shown = method + " " + path + (rawQuery == null ? "" : "?" + rawQuery);
            Optional<Map.Entry<Route, Map<String, String>>> match = match(method, path);
            if (match.isEmpty()) {
                say(shown + " → 403: ninguna ruta de template.yaml casa con el método y la ruta; API Gateway "
                        + "responde 'Missing Authentication Token'. Rutas: " + describeRoutes());
                send(exchange, 403, Map.of("Content-Type", List.of("application/json")), MISSING_TOKEN);
                return;
            }
            byte[] event = Json.bytes(event(exchange, match.get().getKey(), match.get().getValue(), rawQuery));
            Invocation invocation = runtime.invoke(event, false);
            ProxyResponse response = ProxyResponse.from(invocation);
            if (response.valid()) {
                say(shown + " → " + response.statusCode() + " (" + SpanishNumbers.decimal(invocation.durationMillis(), 2)
                        + " ms)");
            } else {
                say(shown + " → 502 {\"message\":\"Internal server error\"}. Motivo: " + response.problem());
            }
            Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
            headers.put("x-amzn-RequestId", List.of(invocation.requestId()));
            send(exchange, response.statusCode(), headers, response.body());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            say("Error al atender la petición: " + unexpected);
            send(exchange, 500, Map.of("Content-Type", List.of("application/json")), ProxyResponse.INTERNAL_ERROR);
        }
    }

    private ObjectNode event(HttpExchange exchange, Route route, Map<String, String> pathParameters, String rawQuery)
            throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        headers.put("X-Forwarded-For", List.of("127.0.0.1"));
        headers.put("X-Forwarded-Port", List.of(Integer.toString(port())));
        headers.put("X-Forwarded-Proto", List.of("http"));
        byte[] body = exchange.getRequestBody().readAllBytes();
        String host = exchange.getRequestHeaders().getFirst("Host");
        return EventFactory.api(exchange.getRequestMethod().toUpperCase(Locale.ROOT), exchange.getRequestURI().getPath(),
                route.trigger().path(), QueryString.parse(rawQuery), headers, pathParameters,
                body.length == 0 ? null : new String(body, StandardCharsets.UTF_8), false,
                host == null ? "127.0.0.1:" + port() : host, Instant.now());
    }

    private Optional<Map.Entry<Route, Map<String, String>>> match(String method, String path) {
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(method, path);
            if (parameters.isPresent()) {
                return Optional.of(Map.entry(route, parameters.get()));
            }
        }
        return Optional.empty();
    }

    private String describeRoutes() {
        return String.join(", ", routes.stream()
                .map(route -> route.trigger().method().toUpperCase(Locale.ROOT) + " " + route.trigger().path())
                .toList());
    }

    private static void send(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach((name, values) -> exchange.getResponseHeaders().put(name, new ArrayList<>(values)));
        if (headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private synchronized void say(String line) {
        terminal.println(line);
        terminal.flush();
    }
}
