package dev.lambdaworkbook.kit.services.s3;

import static dev.lambdaworkbook.kit.services.s3.S3Assertions.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

@DisplayName("Servidor S3 local: buckets y límites")
class BucketTest {

    private static final String BUCKET = "buckets";

    @RegisterExtension
    static final LocalS3Extension s3 = LocalS3Extension.withBuckets(BUCKET);

    private static S3Client client() {
        return s3.client();
    }

    @Test
    @DisplayName("CreateBucket crea, ListBuckets lo lista y GetBucketLocation da la región")
    void createListLocate() {
        client().createBucket(r -> r.bucket("nuevo.bucket-1"));

        List<String> names = client().listBuckets().buckets().stream().map(Bucket::name).toList();
        String location = client().getBucketLocation(r -> r.bucket("nuevo.bucket-1")).locationConstraintAsString();

        assertEquals(List.of(BUCKET, "nuevo.bucket-1"), names);
        assertEquals(LocalS3Server.REGION.id(), location);
        assertTrue(s3.server().bucketExists("nuevo.bucket-1"));
    }

    @Test
    @DisplayName("crear un bucket que ya es tuyo da 409 BucketAlreadyOwnedByYou")
    void alreadyOwned() {
        Runnable call = () -> client().createBucket(r -> r.bucket(BUCKET));

        assertS3Error(409, "BucketAlreadyOwnedByYou", call::run);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"xn--prefijo", "sthree-datos", "datos-s3alias", "datos--ol-s3", "amzn-s3-demo-datos"})
    @DisplayName("un nombre de bucket que el SDK deja pasar y S3 no admite da 400 InvalidBucketName")
    void invalidName(String name) {
        Runnable call = () -> client().createBucket(r -> r.bucket(name));

        assertS3Error(400, "InvalidBucketName", call::run);
        assertFalse(s3.server().bucketExists(name));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"ab", "Mayusculas", "con_guion_bajo", "-empieza", "termina-", "192.168.1.1", "dos..puntos",
            "xn--prefijo", "a234567890123456789012345678901234567890123456789012345678901234"})
    @DisplayName("createBucket rechaza con un mensaje que nombra el bucket lo que S3 no admite")
    void invalidNameDirect(String name) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> s3.server().createBucket(name));

        assertTrue(failure.getMessage().contains("'" + name + "'"), failure.getMessage());
        assertFalse(s3.server().bucketExists(name));
    }

    @Test
    @DisplayName("borrar un bucket con objetos da 409 BucketNotEmpty y vacío lo borra")
    void deleteBucket() {
        s3.put(BUCKET, "a.csv", new byte[] {1});

        Runnable notEmpty = () -> client().deleteBucket(r -> r.bucket(BUCKET));
        assertS3Error(409, "BucketNotEmpty", notEmpty::run);
        client().deleteObject(r -> r.bucket(BUCKET).key("a.csv"));
        client().deleteBucket(r -> r.bucket(BUCKET));

        assertFalse(s3.server().bucketExists(BUCKET));
    }

    @Test
    @DisplayName("un bucket que no existe da 404 NoSuchBucket, también en HeadBucket")
    void noSuchBucket() {
        Runnable put = () -> client().putObject(r -> r.bucket("no-existe").key("a"), RequestBody.fromString("x"));

        assertS3Error(404, "NoSuchBucket", put::run);
        assertThrows(NoSuchBucketException.class, () -> client().headBucket(r -> r.bucket("no-existe")));
    }

    @Test
    @DisplayName("pasar del límite de memoria da 507 InsufficientStorage, no OutOfMemoryError")
    void memoryBudget() {
        try (LocalS3Server small = LocalS3Server.start(0, Clock.systemUTC(), 1000);
                S3Client client = small.newClient()) {
            small.createBucket(BUCKET);
            client.putObject(r -> r.bucket(BUCKET).key("cabe"), RequestBody.fromBytes(new byte[600]));

            Runnable tooMuch = () -> client.putObject(r -> r.bucket(BUCKET).key("no-cabe"),
                    RequestBody.fromBytes(new byte[600]));

            assertS3Error(507, "InsufficientStorage", tooMuch::run);
            assertEquals(List.of("cabe"), small.keys(BUCKET));
        }
    }

    @Test
    @DisplayName("arrancar dos servidores en el mismo puerto falla con un mensaje que nombra el puerto")
    void portTaken() {
        int port = s3.server().port();

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> LocalS3Server.start(port));

        assertTrue(failure.getMessage().contains("127.0.0.1:" + port), failure.getMessage());
    }

    @Test
    @DisplayName("close para el servidor: después no acepta conexiones")
    void closeStops() {
        LocalS3Server server = LocalS3Server.start();
        S3Client client = server.newClient();
        server.createBucket(BUCKET);

        server.close();

        assertThrows(software.amazon.awssdk.core.exception.SdkClientException.class,
                () -> client.listBuckets());
        client.close();
    }
}
