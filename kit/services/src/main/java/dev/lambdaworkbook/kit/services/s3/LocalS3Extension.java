package dev.lambdaworkbook.kit.services.s3;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A JUnit 5 extension that gives each test a real local S3 server ({@link LocalS3Server}) with empty buckets.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalS3Extension s3 = LocalS3Extension.withBuckets("master-trading-entrada", "master-trading-salida");
 *
 * @Test
 * void writesCsv() {
 *     MyHandler handler = new MyHandler(s3.client(), ...);
 *     ...
 *     assertEquals(List.of("salida/a.csv"), s3.keys("master-trading-salida"));
 * }
 * }</pre>
 *
 * <p>One server is started per test JVM, on first use, and stopped when JUnit finishes. Before each test every
 * bucket is deleted and the listed buckets are created again, so no test finds another test's objects.
 */
public final class LocalS3Extension implements BeforeEachCallback {

    private static final String STORE_KEY = LocalS3Server.class.getName();

    private final List<String> buckets;
    private LocalS3Server server;

    private LocalS3Extension(List<String> buckets) {
        this.buckets = List.copyOf(buckets);
    }

    /** Creates the extension; these buckets exist, empty, at the start of every test. */
    public static LocalS3Extension withBuckets(String... buckets) {
        return new LocalS3Extension(List.of(buckets));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server = sharedServer(context);
        server.deleteAllBuckets();
        buckets.forEach(server::createBucket);
    }

    private static LocalS3Server sharedServer(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        // JUnit closes AutoCloseable values of the root store when the whole run ends.
        return store.getOrComputeIfAbsent(STORE_KEY, key -> LocalS3Server.start(), LocalS3Server.class);
    }

    /** Returns the running server; available from {@code @BeforeEach} methods on. */
    public LocalS3Server server() {
        if (server == null) {
            throw new IllegalStateException("El servidor S3 local aún no está arrancado: úsalo dentro de un test o "
                    + "de un método @BeforeEach, y registra la extensión con @RegisterExtension en un campo static.");
        }
        return server;
    }

    /** Returns the shared client of the server: path-style, static test credentials, endpoint override. */
    public S3Client client() {
        return server().client();
    }

    public URI endpoint() {
        return server().endpoint();
    }

    /** Returns the object keys of a bucket, sorted as S3 lists them. */
    public List<String> keys(String bucket) {
        return server().keys(bucket);
    }

    /** Writes an object. */
    public void put(String bucket, String key, byte[] content) {
        client().putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    /** Reads a whole object. */
    public byte[] get(String bucket, String key) {
        ResponseBytes<GetObjectResponse> object = client().getObjectAsBytes(request -> request.bucket(bucket).key(key));
        return object.asByteArray();
    }

    /** Returns the variables that point an unconfigured SDK client at this server; see {@link LocalS3Server}. */
    public Map<String, String> sdkEnvironment() {
        return server().sdkEnvironment();
    }
}
