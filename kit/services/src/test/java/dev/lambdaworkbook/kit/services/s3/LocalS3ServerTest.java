package dev.lambdaworkbook.kit.services.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
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
                    () -> intruder.putObject(r -> r.bucket(BUCKET).key("a.csv"), RequestBody.fromString("x")));

            assertEquals(403, rejected.statusCode());
            assertFalse(s3.keys(BUCKET).contains("a.csv"));
        }
    }
}
