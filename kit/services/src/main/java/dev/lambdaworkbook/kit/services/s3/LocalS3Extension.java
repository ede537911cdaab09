package dev.lambdaworkbook.kit.services.s3;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;

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
 * <p>One server serves every test in the JVM that reaches this class through the same class loader. It starts on
 * first use and stays up across test classes and JUnit runs, so a grader that runs several exercises in one JVM, with
 * the kit on a shared class loader, starts the server once. JUnit never stops it: a shutdown hook does when the JVM
 * exits normally, and nothing does when the JVM is halted. The server's threads are daemon threads, so it never keeps
 * the JVM alive. Before each test every bucket is deleted and the listed buckets are created again, so no test finds
 * another test's objects.
 *
 * <p>{@link #put}, {@link #get} and {@link #keys} go straight to the server's in-memory store, skipping HTTP and
 * request signing, to seed and read objects cheaply. The code under test still talks to the server over HTTP through
 * {@link #client()}.
 */
public final class LocalS3Extension implements BeforeEachCallback {

    private static LocalS3Server shared;

    private final List<String> buckets;

    private LocalS3Extension(List<String> buckets) {
        this.buckets = List.copyOf(buckets);
    }

    /** Creates the extension; these buckets exist, empty, at the start of every test. */
    public static LocalS3Extension withBuckets(String... buckets) {
        return new LocalS3Extension(List.of(buckets));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        LocalS3Server server = server();
        server.deleteAllBuckets();
        buckets.forEach(server::createBucket);
    }

    /** Returns the JVM's server, starting it on the first call. */
    public LocalS3Server server() {
        return sharedServer();
    }

    private static synchronized LocalS3Server sharedServer() {
        if (shared == null) {
            LocalS3Server started = LocalS3Server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-s3-server-shutdown"));
            shared = started;
        }
        return shared;
    }

    /** Returns the shared client of the server: path-style, static test credentials, endpoint override. */
    public S3Client client() {
        return server().client();
    }

    public URI endpoint() {
        return server().endpoint();
    }

    /**
     * Returns the object keys of a bucket, sorted as S3 lists them.
     *
     * @throws java.util.NoSuchElementException when the bucket does not exist
     */
    public List<String> keys(String bucket) {
        return server().keys(bucket);
    }

    /**
     * Writes an object straight into the store, for seeding a test: S3 clients then read it, list it and see its
     * length and ETag as if PutObject had written it.
     *
     * @throws java.util.NoSuchElementException when the bucket does not exist
     */
    public void put(String bucket, String key, byte[] content) {
        server().put(bucket, key, content);
    }

    /**
     * Reads a whole object straight from the store.
     *
     * @throws java.util.NoSuchElementException when the bucket or the object does not exist
     */
    public byte[] get(String bucket, String key) {
        return server().get(bucket, key);
    }

    /** Returns the variables that point an unconfigured SDK client at this server; see {@link LocalS3Server}. */
    public Map<String, String> sdkEnvironment() {
        return server().sdkEnvironment();
    }
}
