package dev.lambdaworkbook.kit.services.s3;

import static dev.lambdaworkbook.kit.services.s3.S3Assertions.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

@DisplayName("Servidor S3 local: objetos")
class ObjectTest {

    private static final String BUCKET = "objetos";
    private static final byte[] DIGITS = "0123456789".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    static final LocalS3Extension s3 = LocalS3Extension.withBuckets(BUCKET);

    private static S3Client client() {
        return s3.client();
    }

    @ParameterizedTest(name = "{0} da {1}")
    @CsvSource({"bytes=2-4, 234, bytes 2-4/10", "bytes=7-, 789, bytes 7-9/10", "bytes=-3, 789, bytes 7-9/10",
            "bytes=8-50, 89, bytes 8-9/10"})
    @DisplayName("un Range válido responde 206 con ese trozo y Content-Range")
    void range(String range, String expected, String contentRange) {
        s3.put(BUCKET, "cifras.txt", DIGITS);

        ResponseBytes<GetObjectResponse> got = client().getObjectAsBytes(r -> r.bucket(BUCKET).key("cifras.txt")
                .range(range));

        assertEquals(expected, got.asUtf8String());
        assertEquals(contentRange, got.response().contentRange());
        assertEquals(expected.length(), got.response().contentLength());
    }

    @Test
    @DisplayName("un Range que empieza tras el final da 416 InvalidRange")
    void unsatisfiableRange() {
        s3.put(BUCKET, "cifras.txt", DIGITS);

        Runnable call = () -> client().getObjectAsBytes(r -> r.bucket(BUCKET).key("cifras.txt").range("bytes=10-"));

        assertS3Error(416, "InvalidRange", call::run);
    }

    @Test
    @DisplayName("If-None-Match con el ETag da 304 e If-Match con otro ETag da 412")
    void eTagConditions() {
        s3.put(BUCKET, "a.txt", DIGITS);
        String eTag = client().headObject(r -> r.bucket(BUCKET).key("a.txt")).eTag();

        S3Exception notModified = assertThrows(S3Exception.class,
                () -> client().getObjectAsBytes(r -> r.bucket(BUCKET).key("a.txt").ifNoneMatch(eTag)));
        Runnable otherETag = () -> client().getObjectAsBytes(r -> r.bucket(BUCKET).key("a.txt").ifMatch("\"otro\""));
        String matched = client().getObjectAsBytes(r -> r.bucket(BUCKET).key("a.txt").ifMatch(eTag)).asUtf8String();

        assertEquals(304, notModified.statusCode());
        assertS3Error(412, "PreconditionFailed", otherETag::run);
        assertEquals("0123456789", matched);
    }

    @Test
    @DisplayName("If-Modified-Since posterior da 304 e If-Unmodified-Since anterior da 412")
    void dateConditions() {
        s3.put(BUCKET, "a.txt", DIGITS);
        Instant future = Instant.now().plusSeconds(3600);
        Instant past = Instant.now().minusSeconds(3600);

        S3Exception notModified = assertThrows(S3Exception.class,
                () -> client().getObjectAsBytes(r -> r.bucket(BUCKET).key("a.txt").ifModifiedSince(future)));
        Runnable modified = () -> client().getObjectAsBytes(r -> r.bucket(BUCKET).key("a.txt")
                .ifUnmodifiedSince(past));
        String fresh = client().getObjectAsBytes(r -> r.bucket(BUCKET).key("a.txt").ifModifiedSince(past))
                .asUtf8String();

        assertEquals(304, notModified.statusCode());
        assertS3Error(412, "PreconditionFailed", modified::run);
        assertEquals("0123456789", fresh);
    }

    @Test
    @DisplayName("devuelve las cabeceras y metadatos guardados con PutObject")
    void storedHeaders() {
        client().putObject(r -> r.bucket(BUCKET).key("informe.csv").contentType("text/csv; charset=utf-8")
                .contentDisposition("attachment; filename=\"informe.csv\"").cacheControl("no-cache")
                .contentEncoding("identity").metadata(Map.of("autor", "Lucia", "version", "2")),
                RequestBody.fromString("a;b\n"));

        HeadObjectResponse head = client().headObject(r -> r.bucket(BUCKET).key("informe.csv"));

        assertEquals("text/csv; charset=utf-8", head.contentType());
        assertEquals("attachment; filename=\"informe.csv\"", head.contentDisposition());
        assertEquals("no-cache", head.cacheControl());
        assertEquals("identity", head.contentEncoding());
        assertEquals(Map.of("autor", "Lucia", "version", "2"), head.metadata());
        assertEquals(4L, head.contentLength());
        assertTrue(head.lastModified().isAfter(Instant.now().minusSeconds(60)), "LastModified: " + head.lastModified());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"con espacios y ñ.csv", "a+b=c&d.csv", "carpeta//doble", "termina/", "/empieza",
            "日本語/データ.csv", "emoji 😀.txt", "signos !'()*~@$,;:?#[].txt", "por%ciento%20.txt"})
    @DisplayName("claves raras van y vuelven por el SDK")
    void oddKeys(String key) {
        byte[] content = key.getBytes(StandardCharsets.UTF_8);

        client().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
        byte[] read = client().getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray();
        List<String> listed = client().listObjectsV2(r -> r.bucket(BUCKET)).contents().stream()
                .map(object -> object.key()).toList();

        assertArrayEquals(content, read);
        assertEquals(List.of(key), listed);
        assertEquals(List.of(key), s3.keys(BUCKET));
    }

    @Test
    @DisplayName("una clave que no existe da 404 NoSuchKey con la clave")
    void noSuchKey() {
        NoSuchKeyException missing = assertThrows(NoSuchKeyException.class,
                () -> client().getObjectAsBytes(r -> r.bucket(BUCKET).key("no/está.csv")));

        assertEquals(404, missing.statusCode());
        assertEquals("NoSuchKey", missing.awsErrorDetails().errorCode());
        assertThrows(NoSuchKeyException.class, () -> client().headObject(r -> r.bucket(BUCKET).key("no/está.csv")));
    }

    @Test
    @DisplayName("DeleteObject de una clave que no existe responde 204 y borra la que existe")
    void deleteObject() {
        s3.put(BUCKET, "a.txt", DIGITS);

        int missing = client().deleteObject(r -> r.bucket(BUCKET).key("no.txt")).sdkHttpResponse().statusCode();
        int existing = client().deleteObject(r -> r.bucket(BUCKET).key("a.txt")).sdkHttpResponse().statusCode();

        assertEquals(204, missing);
        assertEquals(204, existing);
        assertEquals(List.of(), s3.keys(BUCKET));
    }

    @Test
    @DisplayName("DeleteObjects borra varias claves y en modo Quiet no las lista")
    void deleteObjects() {
        for (String key : List.of("a", "b", "c", "d")) {
            s3.put(BUCKET, key, DIGITS);
        }

        DeleteObjectsResponse verbose = client().deleteObjects(r -> r.bucket(BUCKET).delete(d -> d.objects(
                ObjectIdentifier.builder().key("a").build(), ObjectIdentifier.builder().key("no-existe").build())));
        DeleteObjectsResponse quiet = client().deleteObjects(r -> r.bucket(BUCKET).delete(d -> d.quiet(true)
                .objects(ObjectIdentifier.builder().key("b").build(), ObjectIdentifier.builder().key("c").build())));

        assertEquals(List.of("a", "no-existe"), verbose.deleted().stream().map(deleted -> deleted.key()).toList());
        assertEquals(List.of(), quiet.deleted());
        assertEquals(List.of(), quiet.errors());
        assertEquals(List.of("d"), s3.keys(BUCKET));
    }

    @Test
    @DisplayName("CopyObject copia contenido y metadatos (COPY) o los sustituye (REPLACE)")
    void copyObject() {
        client().putObject(r -> r.bucket(BUCKET).key("origen con espacio+más.csv").contentType("text/csv")
                .metadata(Map.of("autor", "ana")), RequestBody.fromBytes(DIGITS));

        client().copyObject(r -> r.sourceBucket(BUCKET).sourceKey("origen con espacio+más.csv")
                .destinationBucket(BUCKET).destinationKey("copia.csv"));
        client().copyObject(r -> r.sourceBucket(BUCKET).sourceKey("origen con espacio+más.csv")
                .destinationBucket(BUCKET).destinationKey("nueva.csv").metadataDirective(MetadataDirective.REPLACE)
                .contentType("text/plain").metadata(Map.of("autor", "eva")));

        HeadObjectResponse copied = client().headObject(r -> r.bucket(BUCKET).key("copia.csv"));
        HeadObjectResponse replaced = client().headObject(r -> r.bucket(BUCKET).key("nueva.csv"));
        assertArrayEquals(DIGITS, s3.get(BUCKET, "copia.csv"));
        assertEquals("text/csv", copied.contentType());
        assertEquals(Map.of("autor", "ana"), copied.metadata());
        assertEquals("text/plain", replaced.contentType());
        assertEquals(Map.of("autor", "eva"), replaced.metadata());
    }

    @Test
    @DisplayName("CopyObject de un origen que no existe da 404 NoSuchKey y copiar sobre sí mismo da 400")
    void copyErrors() {
        s3.put(BUCKET, "a.txt", DIGITS);

        Runnable missing = () -> client().copyObject(r -> r.sourceBucket(BUCKET).sourceKey("no.txt")
                .destinationBucket(BUCKET).destinationKey("b.txt"));
        Runnable itself = () -> client().copyObject(r -> r.sourceBucket(BUCKET).sourceKey("a.txt")
                .destinationBucket(BUCKET).destinationKey("a.txt"));

        assertS3Error(404, "NoSuchKey", missing::run);
        assertS3Error(400, "InvalidRequest", itself::run);
    }

    @Test
    @DisplayName("una operación que el servidor no tiene da 501 NotImplemented con su nombre")
    void notImplemented() {
        s3.put(BUCKET, "a.txt", DIGITS);

        S3Exception error = assertS3Error(501, "NotImplemented",
                () -> client().getObjectTagging(r -> r.bucket(BUCKET).key("a.txt")));

        assertTrue(error.awsErrorDetails().errorMessage().contains("GetObjectTagging"), error.getMessage());
    }
}
