package dev.lambdaworkbook.kit.services.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

@DisplayName("Servidor S3 local")
class LocalS3ServerTest {

    private static final String BUCKET = "master-trading-entrada";

    @RegisterExtension
    static final LocalS3Extension s3 = LocalS3Extension.withBuckets(BUCKET);

    @Test
    @DisplayName("escucha solo en 127.0.0.1")
    void bindsLoopback() {
        assertEquals("127.0.0.1", s3.endpoint().getHost());
        assertTrue(s3.endpoint().getPort() > 0, "puerto: " + s3.endpoint());
    }

    @Test
    @DisplayName("guarda y devuelve un objeto con espacios, + y ñ en la clave")
    void putAndGet() {
        String key = "bme/RV_TICK 19-03-2018+mañana.csv";
        byte[] content = "FECHA;SECUENCIA\n".getBytes(StandardCharsets.UTF_8);

        s3.put(BUCKET, key, content);

        assertArrayEquals(content, s3.get(BUCKET, key));
        assertEquals(List.of(key), s3.keys(BUCKET));
    }

    @Test
    @DisplayName("un objeto escrito con put se lee con el cliente del SDK")
    void putIsVisibleOverHttp() {
        String key = "bme/RV_TICK 19-03-2018+mañana.csv";
        byte[] content = bytes(3 * 1024 * 1024 + 7);

        s3.put(BUCKET, key, content);

        S3Client client = s3.client();
        assertArrayEquals(content, client.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray());
        HeadObjectResponse head = client.headObject(r -> r.bucket(BUCKET).key(key));
        assertEquals(content.length, head.contentLength());
        assertEquals("application/octet-stream", head.contentType());
        assertEquals(md5ETag(content), head.eTag());
        assertEquals(List.of(key), s3.keys(BUCKET));
    }

    @Test
    @DisplayName("put da el mismo ETag que PutObject por HTTP")
    void putSameETagAsPutObject() {
        byte[] content = bytes(1000);

        s3.put(BUCKET, "directo.csv", content);
        String httpETag = s3.client().putObject(r -> r.bucket(BUCKET).key("http.csv"), RequestBody.fromBytes(content))
                .eTag();

        assertEquals(httpETag, s3.client().headObject(r -> r.bucket(BUCKET).key("directo.csv")).eTag());
    }

    @Test
    @DisplayName("un objeto escrito con el cliente del SDK se lee con get")
    void putObjectIsReadByGet() {
        String key = "salida/SAN+TEF mañana.csv";
        byte[] content = bytes(2 * 1024 * 1024 + 3);

        s3.client().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(content));

        assertArrayEquals(content, s3.get(BUCKET, key));
    }

    @Test
    @DisplayName("put sobrescribe un objeto como PutObject")
    void putOverwrites() {
        s3.put(BUCKET, "a.csv", "antes".getBytes(StandardCharsets.UTF_8));

        s3.put(BUCKET, "a.csv", "después".getBytes(StandardCharsets.UTF_8));

        assertEquals("después", s3.client().getObjectAsBytes(r -> r.bucket(BUCKET).key("a.csv")).asUtf8String());
    }

    @Test
    @DisplayName("put guarda una copia: cambiar el array después no cambia el objeto")
    void putCopiesContent() {
        byte[] content = {1, 2, 3};

        s3.put(BUCKET, "a.bin", content);
        content[0] = 9;

        assertArrayEquals(new byte[] {1, 2, 3}, s3.get(BUCKET, "a.bin"));
    }

    @Test
    @DisplayName("get y put nombran el bucket o la clave que no existe")
    void missingBucketOrKey() {
        NoSuchElementException noKey = assertThrows(NoSuchElementException.class, () -> s3.get(BUCKET, "no.csv"));
        NoSuchElementException noBucket = assertThrows(NoSuchElementException.class,
                () -> s3.get("no-existe", "a.csv"));
        NoSuchElementException putNoBucket = assertThrows(NoSuchElementException.class,
                () -> s3.put("no-existe", "a.csv", new byte[] {1}));

        assertTrue(noKey.getMessage().contains("'no.csv'"), noKey.getMessage());
        assertTrue(noBucket.getMessage().contains("'no-existe'"), noBucket.getMessage());
        assertTrue(putNoBucket.getMessage().contains("'no-existe'"), putNoBucket.getMessage());
        assertFalse(s3.server().bucketExists("no-existe"));
    }

    @Test
    @DisplayName("el servidor es el mismo para todas las extensiones de la JVM")
    void oneServerPerJvm() {
        LocalS3Extension other = LocalS3Extension.withBuckets("otro-bucket");

        LocalS3Server server = other.server();

        assertSame(s3.server(), server);
    }

    @Test
    @DisplayName("cada test empieza con los buckets vacíos (1)")
    void emptyBucketsFirst() {
        assertEquals(List.of(), s3.keys(BUCKET));
        s3.put(BUCKET, "resto.csv", new byte[] {1});
    }

    @Test
    @DisplayName("cada test empieza con los buckets vacíos (2)")
    void emptyBucketsSecond() {
        assertEquals(List.of(), s3.keys(BUCKET));
        s3.put(BUCKET, "resto.csv", new byte[] {1});
    }

    @Test
    @DisplayName("completa una subida multiparte y la aborta sin dejar objeto")
    void multipart() {
        S3Client client = s3.client();
        byte[] part = new byte[5 * 1024 * 1024];
        Arrays.fill(part, (byte) 'a');
        List<CompletedPart> parts = new ArrayList<>();

        String uploadId = client.createMultipartUpload(r -> r.bucket(BUCKET).key("grande.csv")).uploadId();
        for (int number = 1; number <= 2; number++) {
            int partNumber = number;
            String etag = client.uploadPart(r -> r.bucket(BUCKET).key("grande.csv").uploadId(uploadId)
                    .partNumber(partNumber), RequestBody.fromBytes(part)).eTag();
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
        }
        client.completeMultipartUpload(r -> r.bucket(BUCKET).key("grande.csv").uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
        String aborted = client.createMultipartUpload(r -> r.bucket(BUCKET).key("abortada.csv")).uploadId();
        client.uploadPart(r -> r.bucket(BUCKET).key("abortada.csv").uploadId(aborted).partNumber(1),
                RequestBody.fromBytes(part));
        client.abortMultipartUpload(r -> r.bucket(BUCKET).key("abortada.csv").uploadId(aborted));

        assertEquals(2L * part.length, client.headObject(r -> r.bucket(BUCKET).key("grande.csv")).contentLength());
        assertEquals(List.of("grande.csv"), s3.keys(BUCKET));
        assertThrows(NoSuchKeyException.class, () -> client.headObject(r -> r.bucket(BUCKET).key("abortada.csv")));
    }

    @Test
    @DisplayName("un cliente sin path-style explícito también funciona con el endpoint 127.0.0.1")
    void ipEndpointIsPathStyle() {
        try (S3Client plain = S3Client.builder()
                .endpointOverride(s3.endpoint())
                .region(LocalS3Server.REGION)
                .credentialsProvider(s3.server().credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {

            plain.putObject(r -> r.bucket(BUCKET).key("a.csv"), RequestBody.fromString("x"));

            assertEquals("x", plain.getObjectAsBytes(r -> r.bucket(BUCKET).key("a.csv")).asUtf8String());
        }
    }

    @Test
    @DisplayName("rechaza peticiones firmadas con otra clave secreta")
    void rejectsWrongSecret() {
        try (S3Client intruder = S3Client.builder()
                .endpointOverride(s3.endpoint())
                .forcePathStyle(true)
                .region(LocalS3Server.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalS3Server.ACCESS_KEY, "otra")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {

            S3Exception rejected = assertThrows(S3Exception.class,
                    () -> intruder.listObjectsV2(r -> r.bucket(BUCKET)));
            S3Exception rejectedPut = assertThrows(S3Exception.class,
                    () -> intruder.putObject(r -> r.bucket(BUCKET).key("a.csv"), RequestBody.fromString("x")));

            assertEquals(403, rejected.statusCode());
            assertEquals("SignatureDoesNotMatch", rejectedPut.awsErrorDetails().errorCode());
            assertFalse(s3.keys(BUCKET).contains("a.csv"));
        }
    }

    private static byte[] bytes(int length) {
        byte[] content = new byte[length];
        new Random(length).nextBytes(content);
        return content;
    }

    private static String md5ETag(byte[] content) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)) + "\"";
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
