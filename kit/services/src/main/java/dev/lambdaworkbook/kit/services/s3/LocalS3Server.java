package dev.lambdaworkbook.kit.services.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.StorageMetadata;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server on 127.0.0.1, embedded in this JVM: s3proxy in front of jclouds' in-memory
 * ({@code transient}) blob store. Objects live only as long as the server.
 *
 * <pre>{@code
 * try (LocalS3Server s3 = LocalS3Server.start()) {
 *     s3.createBucket("master-trading-entrada");
 *     s3.client().putObject(b -> b.bucket("master-trading-entrada").key("a.csv"), RequestBody.fromString("x"));
 * }
 * }</pre>
 *
 * <p>Requests must be signed (AWS Signature V2 or V4) with {@link #ACCESS_KEY} and {@link #SECRET_KEY}. Inside
 * JUnit 5 use {@link LocalS3Extension}; from a shell, {@link LocalS3Main}.
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

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** The content type the AWS SDK sends for a PutObject body given as bytes. */
    private static final String OCTET_STREAM = "application/octet-stream";

    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final URI endpoint;
    private S3Client client;

    private LocalS3Server(BlobStoreContext context, S3Proxy proxy, URI endpoint) {
        this.context = context;
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static LocalS3Server start() {
        return start(0);
    }

    /**
     * Starts a server on the given port of 127.0.0.1, or on a free one when {@code port} is 0.
     *
     * @throws IllegalStateException when the port is taken or the server does not start within 30 seconds
     */
    public static LocalS3Server start(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Puerto no válido para el servidor S3 local: '" + port
                    + "'. Usa un número entre 1 y 65535, o 0 para elegir uno libre.");
        }
        BlobStoreContext context = ContextBuilder.newBuilder(new TransientApiMetadata())
                .credentials(ACCESS_KEY, SECRET_KEY)
                .overrides(new Properties())
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://" + HOST + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            awaitStarted(proxy);
        } catch (Exception failed) {
            stopQuietly(proxy, failed);
            context.close();
            throw new IllegalStateException("No se pudo arrancar el servidor S3 local en " + HOST + ":" + port
                    + ". Si indicaste un puerto, comprueba que está libre o usa 0 para elegir uno libre.", failed);
        }
        return new LocalS3Server(context, proxy, URI.create("http://" + HOST + ":" + proxy.getPort()));
    }

    private static void awaitStarted(S3Proxy proxy) throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!"STARTED".equals(proxy.getState())) {
            if ("FAILED".equals(proxy.getState()) || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("El servidor S3 quedó en estado '" + proxy.getState() + "'.");
            }
            Thread.sleep(10);
        }
    }

    private static void stopQuietly(S3Proxy proxy, Exception primary) {
        try {
            proxy.stop();
        } catch (Exception stopFailed) {
            primary.addSuppressed(stopFailed);
        }
    }

    /** Returns the base URL, {@code http://127.0.0.1:PORT}, to use as the S3 endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    /** Creates a bucket unless it already exists. */
    public void createBucket(String bucket) {
        blobStore().createContainerInLocation(null, bucket);
    }

    /** Returns whether a bucket exists. */
    public boolean bucketExists(String bucket) {
        return blobStore().containerExists(bucket);
    }

    /** Deletes every bucket with all its objects. */
    public void deleteAllBuckets() {
        List<String> names = new ArrayList<>();
        for (StorageMetadata bucket : blobStore().list()) {
            names.add(bucket.getName());
        }
        names.forEach(blobStore()::deleteContainer);
    }

    /**
     * Writes an object of type {@code application/octet-stream} straight into the blob store, without HTTP or request
     * signing. S3 clients see it like an object written with PutObject: same key, length and ETag (the content's MD5).
     *
     * @throws NoSuchElementException when the bucket does not exist
     */
    public void put(String bucket, String key, byte[] content) {
        requireBucket(bucket);
        Blob blob = blobStore().blobBuilder(key)
                .payload(content)
                .contentLength(content.length)
                .contentType(OCTET_STREAM)
                .build();
        blobStore().putBlob(bucket, blob);
    }

    /**
     * Reads a whole object straight from the blob store, without HTTP or request signing.
     *
     * @throws NoSuchElementException when the bucket or the object does not exist
     */
    public byte[] get(String bucket, String key) {
        requireBucket(bucket);
        Blob blob = blobStore().getBlob(bucket, key);
        if (blob == null) {
            throw new NoSuchElementException("No existe el objeto '" + key + "' en el bucket '" + bucket
                    + "' del servidor S3 local. Comprueba la clave con keys(\"" + bucket + "\").");
        }
        try (InputStream content = blob.getPayload().openStream()) {
            return content.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("No se pudo leer el objeto '" + key + "' del bucket '" + bucket
                    + "' del servidor S3 local.", unreadable);
        }
    }

    private void requireBucket(String bucket) {
        if (!bucketExists(bucket)) {
            throw new NoSuchElementException("No existe el bucket '" + bucket + "' en el servidor S3 local. "
                    + "Créalo antes con createBucket o con LocalS3Extension.withBuckets(...).");
        }
    }

    /** Returns the object keys of a bucket, in the order S3 lists them (UTF-8 binary order). */
    public List<String> keys(String bucket) {
        List<String> keys = new ArrayList<>();
        client().listObjectsV2Paginator(request -> request.bucket(bucket))
                .contents()
                .forEach(object -> keys.add(object.key()));
        return keys;
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
                .httpClientBuilder(UrlConnectionHttpClient.builder())
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

    /** Stops the server and drops every object it stored. */
    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        try {
            proxy.stop();
        } catch (Exception stopFailed) {
            throw new IllegalStateException("No se pudo parar el servidor S3 local en " + endpoint, stopFailed);
        } finally {
            context.close();
        }
    }

    private BlobStore blobStore() {
        return context.getBlobStore();
    }
}
