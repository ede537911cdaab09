package dev.lambdaworkbook.deploy.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP-level fake of the AWS APIs that deploy.java calls, on 127.0.0.1: Lambda (REST-JSON), IAM and STS
 * (query/XML), S3 (REST-XML, path style), EventBridge (JSON 1.1) and API Gateway (REST-JSON). The SDK reaches it
 * through an endpoint override. One endpoint serves every service, as LocalStack does, so the service is read from
 * the SigV4 credential scope of each request.
 *
 * <p>Only the operations the script uses exist, with the status codes, headers and error codes of the real APIs.
 * Every call is logged, and faults can be injected per operation.
 */
public final class FakeAws implements AutoCloseable {

    public static final String ACCOUNT = "123456789012";
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    /** One request the fake handled, or failed on purpose. */
    public record Call(String service, String operation, boolean write, int status) {
        @Override
        public String toString() {
            return service + ":" + operation + "→" + status;
        }
    }

    /**
     * A failure returned instead of the real response. A service without such a failure (a 409 in IAM, say)
     * returns throttling instead.
     */
    public enum Fault { THROTTLE, CONFLICT, ROLE_NOT_ASSUMABLE, DROP_CONNECTION, ACCESS_DENIED }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, List<Fault>> faults = new HashMap<>();

    final FakeIam iam = new FakeIam(this);
    final FakeSts sts = new FakeSts(this);
    final FakeS3 s3 = new FakeS3(this);
    final FakeLambda lambda = new FakeLambda(this);
    final FakeEventBridge events = new FakeEventBridge(this);
    final FakeApiGateway apiGateway = new FakeApiGateway(this);

    public FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Fails the next {@code times} calls of {@code operation} (such as {@code lambda:CreateFunction}) with a fault. */
    public synchronized void inject(String operation, Fault fault, int times) {
        List<Fault> queue = faults.computeIfAbsent(operation, key -> new ArrayList<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized void clearCalls() {
        calls.clear();
    }

    /** Calls that changed state and succeeded. */
    public synchronized List<Call> writes() {
        return calls.stream().filter(call -> call.write() && call.status() < 300).toList();
    }

    public FakeIam iam() {
        return iam;
    }

    public FakeS3 s3() {
        return s3;
    }

    public FakeLambda lambda() {
        return lambda;
    }

    public FakeEventBridge events() {
        return events;
    }

    public FakeApiGateway apiGateway() {
        return apiGateway;
    }

    /** Returns whether the fake contains no role, bucket, function, rule or API at all. */
    public synchronized boolean empty() {
        return iam.roleNames().isEmpty() && s3.bucketNames().isEmpty() && lambda.functionNames().isEmpty()
                && events.ruleNames().isEmpty() && apiGateway.apiNames().isEmpty();
    }

    synchronized void record(String service, String operation, int status) {
        calls.add(new Call(service, operation, isWrite(operation), status));
    }

    synchronized Fault nextFault(String service, String operation) {
        List<Fault> queue = faults.get(service + ":" + operation);
        return queue == null || queue.isEmpty() ? null : queue.remove(0);
    }

    private static boolean isWrite(String operation) {
        return !(operation.startsWith("Get") || operation.startsWith("List") || operation.startsWith("Describe")
                || operation.startsWith("Head") || operation.equals("Invoke"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Matcher scope = SCOPE.matcher(authorization == null ? "" : authorization);
            if (!scope.find()) {
                FakeHttp.send(exchange, 403, "application/json",
                        "{\"message\":\"Missing Authentication Token\"}", Map.of());
                return;
            }
            Request request = Request.read(exchange, scope.group(1));
            synchronized (this) {
                dispatch(request, scope.group(2));
            }
        } catch (RuntimeException bug) {
            bug.printStackTrace();
            throw bug;
        }
    }

    private void dispatch(Request request, String service) {
        HttpExchange exchange = request.exchange();
        switch (service) {
            case "lambda" -> lambda.handle(request);
            case "iam" -> iam.handle(request);
            case "sts" -> sts.handle(request);
            case "s3" -> s3.handle(request);
            case "events" -> events.handle(request);
            case "apigateway" -> apiGateway.handle(request);
            default -> FakeHttp.send(exchange, 400, "application/json",
                    "{\"message\":\"Servicio no simulado: " + service + "\"}", Map.of());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Starts the fake until the process is stopped, for trying deploy.java by hand: prints its endpoint. */
    public static void main(String... arguments) throws Exception {
        FakeAws fake = new FakeAws();
        System.out.println(fake.endpoint());
        Thread.currentThread().join();
    }
}
