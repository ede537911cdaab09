package dev.lambdaworkbook.kit.services.s3;

import static dev.lambdaworkbook.kit.services.s3.S3Assertions.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

@DisplayName("Servidor S3 local: subidas multiparte")
class MultipartTest {

    private static final String BUCKET = "multiparte";
    private static final int FIVE_MIB = 5 * 1024 * 1024;

    @RegisterExtension
    static final LocalS3Extension s3 = LocalS3Extension.withBuckets(BUCKET);

    private static S3Client client() {
        return s3.client();
    }

    private static String start(String key) {
        return client().createMultipartUpload(r -> r.bucket(BUCKET).key(key)).uploadId();
    }

    private static CompletedPart upload(String key, String uploadId, int number, byte[] content) {
        String eTag = client().uploadPart(r -> r.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(number),
                RequestBody.fromBytes(content)).eTag();
        return CompletedPart.builder().partNumber(number).eTag(eTag).build();
    }

    private static void complete(String key, String uploadId, CompletedPart... parts) {
        client().completeMultipartUpload(r -> r.bucket(BUCKET).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
    }

    private static byte[] filled(int length, char value) {
        byte[] content = new byte[length];
        Arrays.fill(content, (byte) value);
        return content;
    }

    @Test
    @DisplayName("una parte de 5 MiB y una final pequeña dan el objeto unido y el ETag MD5-de-MD5s-2")
    void happyPath() throws Exception {
        byte[] first = filled(FIVE_MIB, 'a');
        byte[] last = filled(10, 'z');
        String uploadId = start("grande.csv");
        CompletedPart one = upload("grande.csv", uploadId, 1, first);
        CompletedPart two = upload("grande.csv", uploadId, 2, last);

        ListPartsResponse parts = client().listParts(r -> r.bucket(BUCKET).key("grande.csv").uploadId(uploadId));
        complete("grande.csv", uploadId, one, two);

        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.write(first);
        whole.write(last);
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        md5s.write(StoredObject.md5(first));
        md5s.write(StoredObject.md5(last));
        String expectedETag = "\"" + HexFormat.of().formatHex(StoredObject.md5(md5s.toByteArray())) + "-2\"";
        assertEquals(List.of(1, 2), parts.parts().stream().map(part -> part.partNumber()).toList());
        assertArrayEquals(whole.toByteArray(), s3.get(BUCKET, "grande.csv"));
        assertEquals(expectedETag, client().headObject(r -> r.bucket(BUCKET).key("grande.csv")).eTag());
    }

    @Test
    @DisplayName("una parte que no es la última con menos de 5 MiB da 400 EntityTooSmall")
    void entityTooSmall() {
        String uploadId = start("a.csv");
        CompletedPart one = upload("a.csv", uploadId, 1, filled(100, 'a'));
        CompletedPart two = upload("a.csv", uploadId, 2, filled(100, 'b'));

        Runnable call = () -> complete("a.csv", uploadId, one, two);

        assertS3Error(400, "EntityTooSmall", call::run);
        assertEquals(List.of(), s3.keys(BUCKET));
    }

    @Test
    @DisplayName("un ETag que no es el de la parte da 400 InvalidPart y el orden descendente InvalidPartOrder")
    void invalidParts() {
        String uploadId = start("a.csv");
        CompletedPart one = upload("a.csv", uploadId, 1, filled(FIVE_MIB, 'a'));
        CompletedPart two = upload("a.csv", uploadId, 2, filled(1, 'b'));
        CompletedPart wrongETag = two.toBuilder().eTag("\"0123456789abcdef0123456789abcdef\"").build();

        Runnable badETag = () -> complete("a.csv", uploadId, one, wrongETag);
        Runnable badOrder = () -> complete("a.csv", uploadId, two, one);

        assertS3Error(400, "InvalidPart", badETag::run);
        assertS3Error(400, "InvalidPartOrder", badOrder::run);
    }

    @Test
    @DisplayName("abortar borra la subida: después sus partes dan 404 NoSuchUpload")
    void abort() {
        String uploadId = start("a.csv");
        upload("a.csv", uploadId, 1, filled(10, 'a'));
        List<MultipartUpload> before = client().listMultipartUploads(r -> r.bucket(BUCKET)).uploads();

        client().abortMultipartUpload(r -> r.bucket(BUCKET).key("a.csv").uploadId(uploadId));

        assertEquals(List.of(uploadId), before.stream().map(MultipartUpload::uploadId).toList());
        assertEquals(List.of(), client().listMultipartUploads(r -> r.bucket(BUCKET)).uploads());
        assertS3Error(404, "NoSuchUpload", () -> upload("a.csv", uploadId, 2, filled(10, 'b')));
        assertS3Error(404, "NoSuchUpload",
                () -> client().abortMultipartUpload(r -> r.bucket(BUCKET).key("a.csv").uploadId(uploadId)));
        assertEquals(List.of(), s3.keys(BUCKET));
    }

    @Test
    @DisplayName("un número de parte fuera de 1..10000 da 400 InvalidArgument")
    void partNumberRange() {
        String uploadId = start("a.csv");

        Runnable call = () -> upload("a.csv", uploadId, 10_001, filled(1, 'a'));

        assertS3Error(400, "InvalidArgument", call::run);
    }
}
