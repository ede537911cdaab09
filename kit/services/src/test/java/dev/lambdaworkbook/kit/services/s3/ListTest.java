package dev.lambdaworkbook.kit.services.s3;

import static dev.lambdaworkbook.kit.services.s3.S3Assertions.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

@DisplayName("Servidor S3 local: listados")
class ListTest {

    private static final String BUCKET = "listados";

    @RegisterExtension
    static final LocalS3Extension s3 = LocalS3Extension.withBuckets(BUCKET);

    private static void seed(String... keys) {
        for (String key : keys) {
            s3.put(BUCKET, key, new byte[] {1});
        }
    }

    private static S3Client client() {
        return s3.client();
    }

    private static List<String> keys(List<S3Object> contents) {
        return contents.stream().map(S3Object::key).toList();
    }

    private static List<String> prefixes(List<CommonPrefix> prefixes) {
        return prefixes.stream().map(CommonPrefix::prefix).toList();
    }

    @Test
    @DisplayName("ListObjectsV2 con prefijo y delimitador agrupa en CommonPrefixes")
    void prefixAndDelimiter() {
        seed("bme/2018/a.csv", "bme/2018/b.csv", "bme/2019/c.csv", "bme/léeme.txt", "otros/x.csv", "bme");

        ListObjectsV2Response listed = client().listObjectsV2(r -> r.bucket(BUCKET).prefix("bme/").delimiter("/"));

        assertEquals(List.of("bme/léeme.txt"), keys(listed.contents()));
        assertEquals(List.of("bme/2018/", "bme/2019/"), prefixes(listed.commonPrefixes()));
        assertEquals(3, listed.keyCount());
        assertEquals("bme/", listed.prefix());
        assertEquals("/", listed.delimiter());
        assertFalse(listed.isTruncated());
    }

    @Test
    @DisplayName("ListObjectsV2 pagina con max-keys y continuation-token sin repetir ni saltar entradas")
    void pagination() {
        seed("a/1", "a/2", "b", "c/1", "c/2", "d", "e");
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();

        for (ListObjectsV2Response page : client().listObjectsV2Paginator(r -> r.bucket(BUCKET).delimiter("/")
                .maxKeys(2))) {
            seen.addAll(prefixes(page.commonPrefixes()));
            seen.addAll(keys(page.contents()));
            pageSizes.add(page.keyCount());
        }

        assertEquals(List.of("a/", "b", "c/", "d", "e"), seen.stream().sorted().toList());
        assertEquals(List.of(2, 2, 1), pageSizes);
    }

    @Test
    @DisplayName("ListObjectsV2 empieza tras start-after y trunca con NextContinuationToken")
    void startAfter() {
        seed("a", "b", "c", "d");

        ListObjectsV2Response listed = client().listObjectsV2(r -> r.bucket(BUCKET).startAfter("b").maxKeys(1));

        assertEquals(List.of("c"), keys(listed.contents()));
        assertTrue(listed.isTruncated());
        assertEquals("b", listed.startAfter());
        assertNotNull(listed.nextContinuationToken());
        assertFalse(listed.nextContinuationToken().isEmpty());
    }

    @Test
    @DisplayName("con encoding-type=url (el SDK lo pide) claves con espacios, + y % vuelven intactas")
    void urlEncodedListing() {
        seed("dir uno/a+b c%20.csv", "dir uno/x=y&z.csv");

        ListObjectsV2Response listed = client().listObjectsV2(r -> r.bucket(BUCKET).prefix("dir uno/")
                .delimiter("&"));

        assertEquals(List.of("dir uno/a+b c%20.csv"), keys(listed.contents()));
        assertEquals(List.of("dir uno/x=y&"), prefixes(listed.commonPrefixes()));
        assertEquals("dir uno/", listed.prefix());
    }

    @Test
    @DisplayName("lista en orden binario UTF-8, no en el orden de String de Java")
    void utf8Order() {
        String privateUse = "\uE000.txt";
        String emoji = "\uD83D\uDE00.txt";
        seed(emoji, privateUse, "z.txt", "é.txt");

        List<String> listed = keys(client().listObjectsV2(r -> r.bucket(BUCKET)).contents());

        assertEquals(List.of("z.txt", "é.txt", privateUse, emoji), listed);
        assertEquals(listed, s3.keys(BUCKET));
    }

    @Test
    @DisplayName("ListObjects (v1) usa marker y da NextMarker cuando hay delimitador")
    void listV1Markers() {
        seed("a/1", "a/2", "b", "c");

        ListObjectsResponse first = client().listObjects(r -> r.bucket(BUCKET).delimiter("/").maxKeys(2));
        ListObjectsResponse second = client().listObjects(r -> r.bucket(BUCKET).delimiter("/").maxKeys(2)
                .marker(first.nextMarker()));
        ListObjectsResponse noDelimiter = client().listObjects(r -> r.bucket(BUCKET).maxKeys(1));

        assertEquals(List.of("a/"), prefixes(first.commonPrefixes()));
        assertEquals(List.of("b"), keys(first.contents()));
        assertTrue(first.isTruncated());
        assertEquals("b", first.nextMarker());
        assertEquals(List.of("c"), keys(second.contents()));
        assertFalse(second.isTruncated());
        assertTrue(noDelimiter.isTruncated());
        assertNull(noDelimiter.nextMarker());
    }

    @Test
    @DisplayName("un max-keys negativo da 400 InvalidArgument y un bucket que no existe 404 NoSuchBucket")
    void listErrors() {
        Runnable negative = () -> client().listObjectsV2(r -> r.bucket(BUCKET).maxKeys(-1));
        Runnable missing = () -> client().listObjectsV2(r -> r.bucket("no-existe"));

        assertS3Error(400, "InvalidArgument", negative::run);
        assertS3Error(404, "NoSuchBucket", missing::run);
    }
}
