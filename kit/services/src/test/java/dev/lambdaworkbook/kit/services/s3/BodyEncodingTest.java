package dev.lambdaworkbook.kit.services.s3;

import static dev.lambdaworkbook.kit.services.s3.S3Assertions.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

@DisplayName("Servidor S3 local: cuerpos aws-chunked, Content-MD5 y checksums")
class BodyEncodingTest {

    private static final String BUCKET = "cuerpos";
    /** Larger than the SDK's 128 KiB chunks, so the body travels in several signed chunks. */
    private static final int SEVERAL_CHUNKS = 300 * 1024 + 17;

    @RegisterExtension
    static final LocalS3Extension s3 = LocalS3Extension.withBuckets(BUCKET);

    /** Records the x-amz-content-sha256 header of every request the client sends. */
    private static final class PayloadModes implements ExecutionInterceptor {
        final List<String> seen = new ArrayList<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            seen.add(context.httpRequest().firstMatchingHeader("x-amz-content-sha256").orElse("(ninguna)"));
        }
    }

    private static S3ClientBuilder builder(PayloadModes modes) {
        return S3Client.builder()
                .endpointOverride(s3.endpoint())
                .forcePathStyle(true)
                .region(LocalS3Server.REGION)
                .credentialsProvider(s3.server().credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(modes));
    }

    @Test
    @DisplayName("el modo por defecto del SDK (firmado por trozos con CRC32 al final) guarda el objeto y su CRC32")
    void sdkDefaultSignedChunksWithTrailer() {
        PayloadModes modes = new PayloadModes();
        byte[] content = bytes(SEVERAL_CHUNKS);
        try (S3Client client = builder(modes).build()) {

            PutObjectResponse put = client.putObject(r -> r.bucket(BUCKET).key("a.bin"), RequestBody.fromBytes(content));
            GetObjectResponse got = client.getObject(r -> r.bucket(BUCKET).key("a.bin")
                    .checksumMode(ChecksumMode.ENABLED)).response();

            assertEquals(List.of("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", "UNSIGNED-PAYLOAD"), modes.seen);
            assertArrayEquals(content, s3.get(BUCKET, "a.bin"));
            assertEquals(ChecksumAlgorithm.CRC32.compute(content), put.checksumCRC32());
            assertEquals(ChecksumAlgorithm.CRC32.compute(content), got.checksumCRC32());
        }
    }

    @Test
    @DisplayName("los trozos firmados sin trailer (checksums solo cuando hacen falta) llegan enteros")
    void signedChunksWithoutTrailer() {
        PayloadModes modes = new PayloadModes();
        byte[] content = bytes(SEVERAL_CHUNKS);
        try (S3Client client = builder(modes)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED).build()) {

            client.putObject(r -> r.bucket(BUCKET).key("b.bin"), RequestBody.fromBytes(content));

            assertEquals(List.of("STREAMING-AWS4-HMAC-SHA256-PAYLOAD"), modes.seen);
            assertArrayEquals(content, s3.get(BUCKET, "b.bin"));
        }
    }

    @Test
    @DisplayName("los trozos sin firmar con CRC32 al final (como el SDK por HTTPS) llegan enteros")
    void unsignedChunksWithCrc32Trailer() {
        PayloadModes modes = new PayloadModes();
        byte[] content = bytes(SEVERAL_CHUNKS);
        try (S3Client client = builder(modes).putAuthScheme(signedAsIfHttps()).build()) {

            PutObjectResponse put = client.putObject(r -> r.bucket(BUCKET).key("c.bin"), RequestBody.fromBytes(content));

            assertEquals(List.of("STREAMING-UNSIGNED-PAYLOAD-TRAILER"), modes.seen);
            assertArrayEquals(content, s3.get(BUCKET, "c.bin"));
            assertEquals(ChecksumAlgorithm.CRC32.compute(content), put.checksumCRC32());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.class,
            names = {"CRC32", "CRC32_C", "SHA1", "SHA256"})
    @DisplayName("guarda y devuelve el checksum pedido con checksumAlgorithm")
    void flexibleChecksums(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm algorithm) {
        byte[] content = bytes(1000);
        ChecksumAlgorithm expected = ChecksumAlgorithm.ofName(algorithm.toString().replace("_", ""));

        s3.client().putObject(r -> r.bucket(BUCKET).key("d.bin").checksumAlgorithm(algorithm),
                RequestBody.fromBytes(content));
        GetObjectResponse got = s3.client().getObject(r -> r.bucket(BUCKET).key("d.bin")
                .checksumMode(ChecksumMode.ENABLED)).response();

        String returned = switch (expected) {
            case CRC32 -> got.checksumCRC32();
            case CRC32C -> got.checksumCRC32C();
            case SHA1 -> got.checksumSHA1();
            case SHA256 -> got.checksumSHA256();
            case CRC64NVME -> got.checksumCRC64NVME();
        };
        assertEquals(expected.compute(content), returned);
    }

    @Test
    @DisplayName("un checksum CRC32 que no cuadra da 400 BadDigest y no guarda nada")
    void wrongChecksum() {
        Runnable call = () -> s3.client().putObject(r -> r.bucket(BUCKET).key("e.bin").checksumCRC32("AAAAAA=="),
                RequestBody.fromString("hola"));

        S3Assertions.assertS3Error(400, "BadDigest", call::run);
        assertEquals(List.of(), s3.keys(BUCKET));
    }

    @Test
    @DisplayName("un Content-MD5 que no cuadra da 400 BadDigest y uno mal formado 400 InvalidDigest")
    void contentMd5() {
        String md5OfOther = java.util.Base64.getEncoder()
                .encodeToString(StoredObject.md5("otro".getBytes(StandardCharsets.UTF_8)));

        Runnable wrong = () -> s3.client().putObject(r -> r.bucket(BUCKET).key("f.bin").contentMD5(md5OfOther),
                RequestBody.fromString("hola"));
        Runnable malformed = () -> s3.client().putObject(r -> r.bucket(BUCKET).key("f.bin").contentMD5("abc"),
                RequestBody.fromString("hola"));

        assertS3Error(400, "BadDigest", wrong::run);
        assertS3Error(400, "InvalidDigest", malformed::run);
        assertEquals(List.of(), s3.keys(BUCKET));
    }

    @Test
    @DisplayName("un Content-MD5 correcto se acepta")
    void rightContentMd5() {
        byte[] content = "hola".getBytes(StandardCharsets.UTF_8);
        String md5 = java.util.Base64.getEncoder().encodeToString(StoredObject.md5(content));

        s3.client().putObject(r -> r.bucket(BUCKET).key("g.bin").contentMD5(md5), RequestBody.fromBytes(content));

        assertArrayEquals(content, s3.get(BUCKET, "g.bin"));
    }

    @Test
    @DisplayName("CRC64NVME da el valor de control de la norma para \"123456789\"")
    void crc64NvmeCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);

        long crc = ChecksumAlgorithm.crc64Nvme(check, 0, check.length);

        assertEquals(0xAE8B14860A799888L, crc);
    }

    /**
     * An auth scheme whose signer signs as for HTTPS and sends over HTTP. Over HTTP the SDK always signs the
     * payload; over HTTPS it sends STREAMING-UNSIGNED-PAYLOAD-TRAILER, and the scheme is not part of the signature.
     */
    private static AwsV4AuthScheme signedAsIfHttps() {
        AwsV4HttpSigner standard = AwsV4HttpSigner.create();
        AwsV4HttpSigner signer = new AwsV4HttpSigner() {
            @Override
            public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
                SignedRequest signed = standard.sign(request.toBuilder()
                        .request(request.request().toBuilder().protocol("https").build())
                        .build());
                return signed.toBuilder().request(signed.request().toBuilder().protocol("http").build()).build();
            }

            @Override
            public CompletableFuture<AsyncSignedRequest> signAsync(
                    AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
                return standard.signAsync(request);
            }
        };
        return new AwsV4AuthScheme() {
            @Override
            public String schemeId() {
                return AwsV4AuthScheme.SCHEME_ID;
            }

            @Override
            public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
                return providers.identityProvider(AwsCredentialsIdentity.class);
            }

            @Override
            public AwsV4HttpSigner signer() {
                return signer;
            }
        };
    }

    private static byte[] bytes(int length) {
        byte[] content = new byte[length];
        new Random(length).nextBytes(content);
        return content;
    }
}
