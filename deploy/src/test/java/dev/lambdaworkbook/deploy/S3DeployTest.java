package dev.lambdaworkbook.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaworkbook.deploy.fake.FakeAws;
import dev.lambdaworkbook.deploy.fake.FakeS3;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Despliegue con disparador S3 (como el ejercicio 06)")
class S3DeployTest {

    private FakeAws fake;
    private Workbook workbook;

    @BeforeEach
    void start(@TempDir Path folder) throws Exception {
        fake = new FakeAws();
        workbook = new Workbook(folder, fake).exercise("06", Templates.S3, Templates.S3_HANDLER);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    @DisplayName("crea los buckets con prefijo, el permiso y la notificación con prefijo y sufijo")
    void createsBucketsPermissionAndNotification() {
        fake.lambda().respondWith(event -> event, false);

        Workbook.Result result = workbook.deploy("06");

        assertEquals(0, result.exitCode(), result.all());
        assertEquals(Set.of("ana-master-trading-entrada", "ana-master-trading-salida"), fake.s3().bucketNames());
        assertEquals(Workbook.REGION, fake.s3().bucket("ana-master-trading-entrada").region());
        String functionArn = fake.lambda().function("ana-filtro-ticks").configuration().path("FunctionArn").asText();
        FakeS3.Notification notification = fake.s3().bucket("ana-master-trading-entrada").notifications().get(0);
        assertEquals(functionArn, notification.functionArn());
        assertEquals(List.of("s3:ObjectCreated:*"), notification.events());
        assertEquals(Map.of("prefix", "bme/", "suffix", ".csv"), notification.rules());
        JsonNode permission = fake.lambda().function("ana-filtro-ticks").statement("workbook-FicherosBme");
        assertEquals("s3.amazonaws.com", permission.path("Principal").path("Service").asText());
        assertEquals("arn:aws:s3:::ana-master-trading-entrada",
                permission.path("Condition").path("ArnLike").path("AWS:SourceArn").asText());
        assertEquals(FakeAws.ACCOUNT, permission.path("Condition").path("StringEquals").path("AWS:SourceAccount")
                .asText());
        assertEquals("ana-master-trading-salida", fake.lambda().function("ana-filtro-ticks").environment()
                .get("OUTPUT_BUCKET"), "La variable que apunta a un bucket de la plantilla debía llevar el prefijo");
        assertTrue(result.out().contains("\"name\" : \"ana-master-trading-entrada\""), "El evento de prueba debía "
                + "nombrar el bucket desplegado. Salida:\n" + result.out());
    }

    @Test
    @DisplayName("el rol solo puede leer y escribir en los buckets de la plantilla")
    void roleLimitedToTemplateBuckets() {
        workbook.deploy("06");

        String policy = fake.iam().role("ana-filtro-ticks-rol").inline().get(ExecutionRole.S3_POLICY_NAME);

        assertEquals(ExecutionRole.bucketPolicy(List.of("ana-master-trading-entrada", "ana-master-trading-salida")),
                policy);
        assertTrue(policy.contains("arn:aws:s3:::ana-master-trading-entrada/*"), policy);
        assertFalse(policy.contains("\"s3:*\""), "La política no debía permitir todas las acciones: " + policy);
        assertFalse(policy.contains("arn:aws:s3:::*"), "La política no debía abrir todos los buckets: " + policy);
    }

    @Test
    @DisplayName("conserva las notificaciones ajenas del bucket")
    void keepsOtherNotifications() {
        workbook.deploy("06");
        fake.s3().bucket("ana-master-trading-entrada").notifications()
                .add(new FakeS3.Notification("de-otro", "arn:aws:lambda:eu-west-1:1:function:otra",
                        List.of("s3:ObjectCreated:Put"), Map.of()));
        workbook.exercise("06", Templates.S3.replace("Value: .csv", "Value: .txt"), Templates.S3_HANDLER);

        Workbook.Result result = workbook.deploy("06");

        assertEquals(0, result.exitCode(), result.all());
        List<FakeS3.Notification> notifications = fake.s3().bucket("ana-master-trading-entrada").notifications();
        assertEquals(List.of("de-otro", "workbook-FicherosBme"), notifications.stream()
                .map(FakeS3.Notification::id).sorted().toList());
    }

    @Test
    @DisplayName("rechaza una salida que volvería a disparar la función, sin llamar a AWS")
    void rejectsOutputThatRetriggers() {
        workbook.exercise("06", Templates.S3.replace("OUTPUT_BUCKET: !Ref SalidaBucket",
                "OUTPUT_BUCKET: !Ref EntradaBucket").replace("OUTPUT_PREFIX: filtrado/", "OUTPUT_PREFIX: bme/filtrado/"),
                Templates.S3_HANDLER);

        Workbook.Result result = workbook.deploy("06");

        assertEquals(DeployException.USAGE, result.exitCode(), result.all());
        assertTrue(result.err().contains("s3://ana-master-trading-entrada/bme/filtrado/"), result.err());
        assertTrue(result.err().contains("OUTPUT_PREFIX"), result.err());
        assertEquals(List.of(), fake.calls(), "No debía llamar a ninguna API");
    }

    @Test
    @DisplayName("segunda ejecución sin cambios y --destruir vacía y borra los buckets")
    void idempotentAndDestroyable() {
        workbook.deploy("06");
        fake.clearCalls();

        Workbook.Result second = workbook.deploy("06");
        List<FakeAws.Call> secondWrites = fake.writes();
        Workbook.Result destroyed = workbook.deploy("06", "--destruir");

        assertEquals(0, second.exitCode(), second.all());
        assertEquals(List.of(), secondWrites, "La segunda ejecución no debía escribir nada");
        assertEquals(0, destroyed.exitCode(), destroyed.all());
        assertTrue(fake.empty(), "No debía quedar nada; quedan buckets " + fake.s3().bucketNames());
    }

    @Test
    @DisplayName("--destruir no toca un bucket que no creó el script")
    void destroyKeepsForeignBucket() {
        fake.s3().putBucket("ana-master-trading-entrada", Workbook.REGION);
        workbook.deploy("06");

        Workbook.Result destroyed = workbook.deploy("06", "--destruir");

        assertEquals(0, destroyed.exitCode(), destroyed.all());
        assertEquals(Set.of("ana-master-trading-entrada"), fake.s3().bucketNames());
        assertEquals(List.of(), fake.s3().bucket("ana-master-trading-entrada").notifications(),
                "Debía quitar su notificación del bucket ajeno");
    }
}
