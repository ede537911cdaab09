package dev.lambdaworkbook.kit.services.s3;

import com.sun.net.httpserver.HttpServer;
import dev.lambdaworkbook.kit.services.LoopbackTls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server on 127.0.0.1, embedded in this JVM: the S3 REST API over HTTP, path-style
 * ({@code http://127.0.0.1:PORT/BUCKET/KEY}), served by the JDK's {@code com.sun.net.httpserver} from an in-memory
 * store. Objects live only as long as the server.
 *
 * <pre>{@code
 * try (LocalS3Server s3 = LocalS3Server.start()) {
 *     s3.createBucket("master-trading-entrada");
 *     s3.client().putObject(b -> b.bucket("master-trading-entrada").key("a.csv"), RequestBody.fromString("x"));
 * }
 * }</pre>
 *
 * <p>Requests must be signed with AWS Signature V4, in the Authorization header or as a presigned URL, with
 * {@link #ACCESS_KEY} and {@link #SECRET_KEY} for region {@link #REGION}. The server checks what S3 checks: the
 * signature, aws-chunked chunk and trailer signatures, x-amz-content-sha256, Content-MD5 and flexible checksums
 * (CRC32, CRC32C, CRC64NVME, SHA1, SHA256). It serves buckets, objects (ranges, conditions, copies, user metadata),
 * listings (version 1 and 2) and multipart uploads, and rejects other S3 operations with 501 NotImplemented. Errors
 * are S3's XML error documents with S3's codes and English messages, as the AWS SDK shows them.
 *
 * <p>The content of every object and part counts against a budget of half the JVM's maximum heap; an upload past it
 * gets 507 InsufficientStorage. Request threads are daemon threads, so a running server never keeps the JVM alive.
 * Inside JUnit 5 use {@link LocalS3Extension}; from a shell, {@link LocalS3Main}.
 */
public final class LocalS3Server implements AutoCloseable {

    /** Access key id that the server accepts; a test value, not an AWS credential. */
    public static final String ACCESS_KEY = "workbook-local";
    /** Secret access key that the server accepts; a test value, not an AWS credential. */
    public static final String SECRET_KEY = "workbook-local-secret";
    /** Region the clients sign for; the same default as the kit's {@code TestContext}. */
    public static final Region REGION = Region.EU_WEST_1;
    /** Loopback address the server binds to; it never listens on other interfaces. */
    public static final String HOST = "127.0.0.1";

    /** The content type the AWS SDK sends for a PutObject body given as bytes. */
    private static final String OCTET_STREAM = "application/octet-stream";
    /** Requests served at the same time; more wait in the queue. */
    private static final int THREADS = 16;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectStore store;
    private final Clock clock;
    private final URI endpoint;
    private S3Client client;
    private boolean closed;

    private LocalS3Server(HttpServer server, ExecutorService executor, ObjectStore store, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.store = store;
        this.clock = clock;
        this.endpoint = URI.create("http://" + HOST + ":" + server.getAddress().getPort());
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static LocalS3Server start() {
        return start(0);
    }

    /**
     * Starts a server on the given port of 127.0.0.1, or on a free one when {@code port} is 0.
     *
     * @throws IllegalStateException when the port is taken
     */
    public static LocalS3Server start(int port) {
        return start(port, Clock.systemUTC(), Runtime.getRuntime().maxMemory() / 2);
    }

    /** Starts a server with its own clock (for signature times and object dates) and memory budget, for tests. */
    static LocalS3Server start(int port, Clock clock, long maxBytes) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Puerto no válido para el servidor S3 local: '" + port
                    + "'. Usa un número entre 1 y 65535, o 0 para elegir uno libre.");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(HOST, port), 0);
        } catch (IOException failed) {
            throw new IllegalStateException("No se pudo arrancar el servidor S3 local en " + HOST + ":" + port
                    + ". Si indicaste un puerto, comprueba que está libre o usa 0 para elegir uno libre.", failed);
        }
        ObjectStore store = new ObjectStore(maxBytes);
        String endpoint = "http://" + HOST + ":" + server.getAddress().getPort();
        server.createContext("/", new S3Dispatcher(
                new SigV4Verifier(ACCESS_KEY, SECRET_KEY, REGION.id(), clock),
                new BucketOperations(store, clock, REGION.id()),
                new ObjectOperations(store, clock),
                new ListOperations(store),
                new MultipartOperations(store, clock, endpoint)));
        ExecutorService executor = executor();
        server.setExecutor(executor);
        startDaemon(server);
        return new LocalS3Server(server, executor, store, clock);
    }

    private static ExecutorService executor() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "local-s3-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /**
     * Starts the server from a daemon thread: the JDK's dispatcher thread inherits daemon status from the thread
     * that calls {@code start()}, and a daemon dispatcher never keeps the JVM from exiting.
     */
    private static void startDaemon(HttpServer server) {
        Thread starter = new Thread(server::start, "local-s3-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            server.stop(0);
            throw new IllegalStateException("Se interrumpió el arranque del servidor S3 local.", interrupted);
        }
    }

    /** Returns the base URL, {@code http://127.0.0.1:PORT}, to use as the S3 endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    /**
     * Creates a bucket unless it already exists.
     *
     * @throws IllegalArgumentException when S3 would reject the name (3 to 63 lower-case letters, digits, dots and
     *     hyphens, starting and ending with a letter or digit, not an IP address)
     */
    public void createBucket(String bucket) {
        if (!BucketOperations.isValidName(bucket)) {
            throw new IllegalArgumentException("Nombre de bucket no válido para S3: '" + bucket + "'. Usa de 3 a 63 "
                    + "minúsculas, dígitos, puntos y guiones, empezando y terminando por letra o dígito.");
        }
        store.createBucket(bucket, clock.instant());
    }

    /** Returns whether a bucket exists. */
    public boolean bucketExists(String bucket) {
        return store.bucketOrNull(bucket) != null;
    }

    /** Deletes every bucket with all its objects. */
    public void deleteAllBuckets() {
        store.deleteAll();
    }

    /**
     * Writes an object of type {@code application/octet-stream} straight into the store, without HTTP or request
     * signing. S3 clients see it like an object written with PutObject: same key, length and ETag (the content's MD5).
     *
     * @throws NoSuchElementException when the bucket does not exist
     */
    public void put(String bucket, String key, byte[] content) {
        ObjectStore.Bucket target = requireBucket(bucket);
        StoredObject object = StoredObject.single(content.clone(), clock.instant(),
                StoredObject.Metadata.of(OCTET_STREAM), null, null);
        store.putObject(target, key, object);
    }

    /**
     * Reads a whole object straight from the store, without HTTP or request signing.
     *
     * @throws NoSuchElementException when the bucket or the object does not exist
     */
    public byte[] get(String bucket, String key) {
        StoredObject object = requireBucket(bucket).objects().get(key);
        if (object == null) {
            throw new NoSuchElementException("No existe el objeto '" + key + "' en el bucket '" + bucket
                    + "' del servidor S3 local. Comprueba la clave con keys(\"" + bucket + "\").");
        }
        return object.content().clone();
    }

    private ObjectStore.Bucket requireBucket(String bucket) {
        ObjectStore.Bucket found = store.bucketOrNull(bucket);
        if (found == null) {
            throw new NoSuchElementException("No existe el bucket '" + bucket + "' en el servidor S3 local. "
                    + "Créalo antes con createBucket o con LocalS3Extension.withBuckets(...).");
        }
        return found;
    }

    /**
     * Returns the object keys of a bucket, in the order S3 lists them (UTF-8 binary order).
     *
     * @throws NoSuchElementException when the bucket does not exist
     */
    public List<String> keys(String bucket) {
        return new ArrayList<>(requireBucket(bucket).objects().keySet());
    }

    /**
     * Returns a client for this server, created on first use and closed with the server. It signs with the
     * static test credentials and uses path-style addresses ({@code http://127.0.0.1:PORT/bucket/key}).
     */
    public synchronized S3Client client() {
        if (client == null) {
            client = newClient();
        }
        return client;
    }

    /** Creates a new client for this server; the caller closes it. */
    public S3Client newClient() {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .tlsTrustManagersProvider(LoopbackTls::trustNothing))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_SUPPORTED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_SUPPORTED)
                .build();
    }

    public StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    /**
     * Returns the environment variables that make an unconfigured AWS SDK for Java 2.x client use this server:
     * {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_REGION}.
     * A handler that builds its client with {@code S3Client.create()} or a plain builder reads them.
     */
    public Map<String, String> sdkEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_ENDPOINT_URL_S3", endpoint.toString());
        environment.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        environment.put("AWS_REGION", REGION.id());
        return environment;
    }

    /** Stops the server and drops every object it stored; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (client != null) {
            client.close();
            client = null;
        }
        server.stop(0);
        executor.shutdownNow();
        store.deleteAll();
    }
}
