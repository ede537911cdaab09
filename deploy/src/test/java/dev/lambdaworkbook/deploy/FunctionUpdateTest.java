package dev.lambdaworkbook.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaworkbook.deploy.fake.FakeAws;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Actualizar la función: código, entorno, secretos y subida por S3")
class FunctionUpdateTest {

    private static final String SECRET = "clave-super-secreta-123";

    private FakeAws fake;
    private Workbook workbook;

    @BeforeEach
    void start(@TempDir Path folder) throws Exception {
        fake = new FakeAws();
        workbook = new Workbook(folder, fake).exercise("07", Templates.API, Templates.API_HANDLER)
                .exercise("05", Templates.SECRET, Templates.SECRET_HANDLER)
                .exercise("01", Templates.NO_TRIGGER, Templates.NO_TRIGGER_HANDLER);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    @DisplayName("un paquete nuevo actualiza solo el código y espera a que termine")
    void newPackageUpdatesCode() {
        workbook.deploy("07");
        workbook.rebuild("07", "suma.zip", Templates.API_HANDLER, "version 2");
        fake.clearCalls();

        Workbook.Result result = workbook.deploy("07");

        assertEquals(0, result.exitCode(), result.all());
        assertEquals(List.of("lambda:UpdateFunctionCode"), fake.writes().stream()
                .map(call -> call.service() + ":" + call.operation()).toList());
        assertTrue(fake.calls().stream().filter(call -> call.operation().equals("GetFunction")).count() >= 2,
                "Debía esperar con el waiter a que terminase la actualización");
    }

    @Test
    @DisplayName("el secreto viene del entorno local, llega a la función y nunca se imprime")
    void secretNeverPrinted() {
        workbook.environment.put("ApiKey", SECRET);

        Workbook.Result first = workbook.deploy("05");
        workbook.environment.put("ApiKey", SECRET + "-nueva");
        Workbook.Result second = workbook.deploy("05");

        assertEquals(0, first.exitCode(), first.all());
        assertEquals(0, second.exitCode(), second.all());
        assertEquals(SECRET + "-nueva", fake.lambda().function("ana-datos-mercado").environment().get("API_KEY"));
        assertFalse(first.all().contains(SECRET), "La salida no debía contener el secreto:\n" + first.all());
        assertFalse(second.all().contains(SECRET), "La salida no debía contener el secreto:\n" + second.all());
        assertTrue(second.out().contains("API_KEY (secreta, valor oculto)"), second.out());
    }

    @Test
    @DisplayName("sin el secreto en el entorno falla nombrando el parámetro, sin llamar a AWS")
    void missingSecret() {
        Workbook.Result result = workbook.deploy("05");

        assertEquals(DeployException.USAGE, result.exitCode(), result.all());
        assertTrue(result.err().contains("'ApiKey'"), result.err());
        assertTrue(result.err().contains("export ApiKey="), result.err());
        assertEquals(List.of(), fake.calls());
    }

    @Test
    @DisplayName("las variables que la función ya tenía se conservan y se avisa")
    void existingVariablesAreKept() {
        workbook.deploy("01");
        ObjectNode variables = (ObjectNode) fake.lambda().function("ana-hola-mundo").configuration()
                .path("Environment");
        variables.putObject("Variables").put("PUESTA_A_MANO", "si");
        workbook.exercise("01", Templates.NO_TRIGGER.replace("Timeout: 10", """
                Timeout: 10
                      Environment:
                        Variables:
                          SALUDO: hola"""), Templates.NO_TRIGGER_HANDLER);

        Workbook.Result result = workbook.deploy("01");

        assertEquals(0, result.exitCode(), result.all());
        assertEquals(Map.of("PUESTA_A_MANO", "si", "SALUDO", "hola"),
                fake.lambda().function("ana-hola-mundo").environment());
        assertTrue(result.out().contains("Se conservan variables de entorno"), result.out());
        assertTrue(result.out().contains("PUESTA_A_MANO"), result.out());
    }

    @Test
    @DisplayName("--subir-por-s3 sube el paquete al bucket de artefactos de la región y Lambda lo toma de allí")
    void uploadViaS3() {
        Workbook.Result result = workbook.deploy("07", "--subir-por-s3");
        fake.clearCalls();
        Workbook.Result second = workbook.deploy("07", "--subir-por-s3");

        assertEquals(0, result.exitCode(), result.all());
        String bucket = "ana-artefactos-" + FakeAws.ACCOUNT + "-" + Workbook.REGION;
        assertEquals(Workbook.REGION, fake.s3().bucket(bucket).region());
        assertEquals(1, fake.s3().bucket(bucket).keys().size());
        assertTrue(fake.s3().bucket(bucket).keys().iterator().next().startsWith("ana-suma/"));
        assertEquals(0, second.exitCode(), second.all());
        assertEquals(List.of(), fake.writes(), "Un paquete igual no debía volver a subirse");
    }

    @Test
    @DisplayName("un bucket de artefactos en otra región falla nombrando las dos regiones")
    void artifactsBucketInOtherRegion() {
        fake.s3().putBucket("ana-artefactos-" + FakeAws.ACCOUNT + "-" + Workbook.REGION, "us-east-1");

        Workbook.Result result = workbook.deploy("07", "--subir-por-s3");

        assertEquals(DeployException.USAGE, result.exitCode(), result.all());
        assertTrue(result.err().contains("'us-east-1'"), result.err());
        assertTrue(result.err().contains("'eu-west-1'"), result.err());
        assertFalse(fake.lambda().functionNames().contains("ana-suma"));
    }

    @Test
    @DisplayName("una función con el mismo nombre que no creó el script no se toca")
    void foreignFunctionIsNotTouched() {
        fake.lambda().putFunction("ana-suma", Map.of());

        Workbook.Result result = workbook.deploy("07");

        assertEquals(DeployException.FAILED, result.exitCode(), result.all());
        assertTrue(result.err().contains("--prefijo"), result.err());
        assertFalse(fake.writes().stream().anyMatch(call -> call.service().equals("lambda")));
    }

    @Test
    @DisplayName("la invocación que devuelve un error de la función sale con código 4 y lo muestra")
    void functionErrorExitCode() {
        fake.lambda().respondWith(event -> "{\"errorMessage\":\"falta a\",\"errorType\":\"java.lang.RuntimeException\"}",
                true);

        Workbook.Result result = workbook.deploy("07");

        assertEquals(DeployException.FUNCTION_ERROR, result.exitCode(), result.all());
        assertTrue(result.out().contains("error de la función (Unhandled)"), result.out());
        assertTrue(result.out().contains("falta a"), result.out());
    }
}
