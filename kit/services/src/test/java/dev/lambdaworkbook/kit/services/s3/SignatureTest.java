package dev.lambdaworkbook.kit.services.s3;

import static dev.lambdaworkbook.kit.services.s3.S3Assertions.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

@DisplayName("Servidor S3 local: firmas AWS Signature V4")
class SignatureTest {

    private static final String BUCKET = "firmas";

    @RegisterExtension
    static final LocalS3Extension s3 = LocalS3Extension.withBuckets(BUCKET);

    private static S3Client client(String accessKey, String secretKey, Region region) {
        return S3Client.builder()
                .endpointOverride(s3.endpoint())
                .forcePathStyle(true)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @Test
    @DisplayName("otra clave secreta da 403 SignatureDoesNotMatch")
    void wrongSecret() {
        try (S3Client intruder = client(LocalS3Server.ACCESS_KEY, "otra", LocalS3Server.REGION)) {

            Runnable call = () -> intruder.getObject(r -> r.bucket(BUCKET).key("a.csv"));

            assertS3Error(403, "SignatureDoesNotMatch", call::run);
        }
    }

    @Test
    @DisplayName("una clave de acceso desconocida da 403 InvalidAccessKeyId")
    void unknownAccessKey() {
        try (S3Client stranger = client("AKIAOTRA", LocalS3Server.SECRET_KEY, LocalS3Server.REGION)) {

            Runnable call = () -> stranger.putObject(r -> r.bucket(BUCKET).key("a.csv"), RequestBody.fromString("x"));

            assertS3Error(403, "InvalidAccessKeyId", call::run);
            assertEquals(List.of(), s3.keys(BUCKET));
        }
    }

    @Test
    @DisplayName("firmar para otra región da 400 AuthorizationHeaderMalformed")
    void wrongRegion() {
        try (S3Client elsewhere = client(LocalS3Server.ACCESS_KEY, LocalS3Server.SECRET_KEY, Region.US_WEST_2)) {

            Runnable call = () -> elsewhere.listObjectsV2(r -> r.bucket(BUCKET));

            assertS3Error(400, "AuthorizationHeaderMalformed", call::run);
        }
    }

    @Test
    @DisplayName("una petición sin firma da 403 AccessDenied")
    void anonymous() throws IOException {
        URI uri = URI.create(s3.endpoint() + "/" + BUCKET + "/a.csv");

        S3Assertions.RawResponse response = S3Assertions.send("GET", uri, Map.of(), null);

        assertEquals(403, response.status());
        assertTrue(response.body().contains("<Code>AccessDenied</Code>"), response.body());
        assertTrue(response.headers().keySet().stream().anyMatch("x-amz-request-id"::equalsIgnoreCase),
                "cabeceras: " + response.headers());
    }

    @Test
    @DisplayName("un cuerpo que no es el firmado en x-amz-content-sha256 da 400 XAmzContentSHA256Mismatch")
    void contentSha256Mismatch() throws IOException {
        SignedRequest signed = AwsV4HttpSigner.create().sign(request -> request
                .identity(AwsBasicCredentials.create(LocalS3Server.ACCESS_KEY, LocalS3Server.SECRET_KEY))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.PUT)
                        .uri(URI.create(s3.endpoint() + "/" + BUCKET + "/a.csv")).build())
                .payload(ContentStreamProvider.fromUtf8String("firmado"))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, LocalS3Server.REGION.id())
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false));
        Map<String, String> headers = new LinkedHashMap<>();
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                headers.put(name, values.get(0));
            }
        });

        S3Assertions.RawResponse response = S3Assertions.send("PUT", signed.request().getUri(), headers,
                "cambiado".getBytes(StandardCharsets.UTF_8));

        assertEquals(400, response.status(), response.body());
        assertTrue(response.body().contains("<Code>XAmzContentSHA256Mismatch</Code>"), response.body());
        assertEquals(List.of(), s3.keys(BUCKET));
    }

    @Test
    @DisplayName("una URL prefirmada sirve el objeto sin cabecera Authorization")
    void presignedGet() throws IOException {
        s3.put(BUCKET, "informe 1+1.csv", "a;b\n".getBytes(StandardCharsets.UTF_8));
        URI url;
        try (S3Presigner presigner = presigner(s3.endpoint())) {
            url = URI.create(presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(BUCKET).key("informe 1+1.csv"))).url().toString());
        }

        S3Assertions.RawResponse response = S3Assertions.send("GET", url, Map.of(), null);

        assertEquals(200, response.status(), response.body());
        assertEquals("a;b\n", response.body());
    }

    @Test
    @DisplayName("una URL prefirmada caducada da 403 Request has expired")
    void expiredPresignedGet() throws IOException {
        try (LocalS3Server later = LocalS3Server.start(0, Clock.offset(Clock.systemUTC(), Duration.ofHours(1)),
                1024 * 1024);
                S3Presigner presigner = presigner(later.endpoint())) {
            later.createBucket(BUCKET);
            later.put(BUCKET, "a.csv", new byte[] {1});
            URI url = URI.create(presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(BUCKET).key("a.csv"))).url().toString());

            S3Assertions.RawResponse response = S3Assertions.send("GET", url, Map.of(), null);

            assertEquals(403, response.status(), response.body());
            assertTrue(response.body().contains("<Message>Request has expired</Message>"), response.body());
        }
    }

    private static S3Presigner presigner(URI endpoint) {
        return S3Presigner.builder()
                .endpointOverride(endpoint)
                .region(LocalS3Server.REGION)
                .credentialsProvider(s3.server().credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }
}
