package dev.lambdaworkbook.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lambdaworkbook.deploy.fake.FakeAws;
import dev.lambdaworkbook.deploy.fake.FakeAws.Fault;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Errores claros en español")
class ErrorsTest {

    private FakeAws fake;
    private Workbook workbook;

    @BeforeEach
    void start(@TempDir Path folder) throws Exception {
        fake = new FakeAws();
        workbook = new Workbook(folder, fake).exercise("07", Templates.API, Templates.API_HANDLER);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    @DisplayName("sin credenciales explica cómo configurarlas, también con SSO")
    void noCredentials() {
        Workbook.Result result = workbook.deploy("07", "--perfil", "curso-inexistente");

        assertEquals(DeployException.CREDENTIALS, result.exitCode(), result.all());
        assertTrue(result.err().contains("'curso-inexistente'"), result.err());
        assertTrue(result.err().contains("aws configure sso --profile curso-inexistente"), result.err());
        assertTrue(result.err().contains("aws sso login --profile curso-inexistente"), result.err());
        assertEquals(List.of(), fake.calls(), "Sin credenciales no debía llegar ninguna petición");
    }

    @Test
    @DisplayName("sin región dice las tres formas de indicarla")
    void noRegion() {
        assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null,
                "La máquina define AWS_REGION: no se puede probar la falta de región");

        Workbook.Result result = workbook.run("07", "--endpoint-url", fake.endpoint().toString(), "--sin-compilar");

        assertEquals(DeployException.CREDENTIALS, result.exitCode(), result.all());
        assertTrue(result.err().contains("--region eu-west-1"), result.err());
        assertTrue(result.err().contains("export AWS_REGION"), result.err());
    }

    @Test
    @DisplayName("AccessDenied nombra el permiso que dice AWS")
    void accessDeniedNamesPermission() {
        fake.inject("iam:CreateRole", Fault.ACCESS_DENIED, 1);

        Workbook.Result result = workbook.deploy("07");

        assertEquals(DeployException.FAILED, result.exitCode(), result.all());
        assertTrue(result.err().contains("permiso 'iam:CreateRole'"), result.err());
    }

    @Test
    @DisplayName("AccessDenied sin permiso en el mensaje lo deduce de la operación")
    void accessDeniedDerivesPermission() {
        fake.inject("apigateway:CreateRestApi", Fault.ACCESS_DENIED, 1);

        Workbook.Result result = workbook.deploy("07");

        assertEquals(DeployException.FAILED, result.exitCode(), result.all());
        assertTrue(result.err().contains("permiso 'apigateway:POST'"), result.err());
    }

    @Test
    @DisplayName("un paquete de más de 250 MB descomprimido falla antes de llamar a AWS")
    void packageTooLarge() throws IOException {
        Path zip = workbook.root().resolve("exercises/07/target/suma.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry(Templates.API_HANDLER.replace('.', '/') + ".class"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("lib/enorme.jar"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 251; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }

        Workbook.Result result = workbook.deploy("07");

        assertEquals(DeployException.USAGE, result.exitCode(), result.all());
        assertTrue(result.err().contains("Lambda admite hasta 250,0 MB"), result.err());
        assertTrue(result.err().contains("251,0 MB"), result.err());
        assertEquals(List.of(), fake.calls());
    }

    @Test
    @DisplayName("un paquete sin la clase del handler falla nombrándola")
    void handlerMissing() {
        Workbook.writeZip(workbook.root().resolve("exercises/07/target/suma.zip"), "otra.Clase", "x");

        Workbook.Result result = workbook.deploy("07");

        assertEquals(DeployException.USAGE, result.exitCode(), result.all());
        assertTrue(result.err().contains("dev/lambdaworkbook/sum/SumHandler.class"), result.err());
        assertEquals(List.of(), fake.calls());
    }

    @Test
    @DisplayName("un paquete que no existe dice cómo generarlo")
    void packageMissing() throws IOException {
        Files.delete(workbook.root().resolve("exercises/07/target/suma.zip"));

        Workbook.Result result = workbook.deploy("07");

        assertEquals(DeployException.FAILED, result.exitCode(), result.all());
        assertTrue(result.err().contains("./mvnw package -pl exercises/07"), result.err());
    }

    @Test
    @DisplayName("un ejercicio que no existe se nombra entre comillas")
    void unknownExercise() {
        Workbook.Result result = workbook.deploy("42");

        assertEquals(DeployException.USAGE, result.exitCode(), result.all());
        assertTrue(result.err().contains("'exercises/42'"), result.err());
    }

    @Test
    @DisplayName("un nombre de bucket de otra cuenta pide otro prefijo")
    void bucketOfAnotherAccount() {
        workbook.exercise("06", Templates.S3, Templates.S3_HANDLER);
        fake.s3().takenByAnotherAccount("ana-master-trading-entrada");

        Workbook.Result result = workbook.deploy("06");

        assertEquals(DeployException.FAILED, result.exitCode(), result.all());
        assertTrue(result.err().contains("'ana-master-trading-entrada'"), result.err());
        assertTrue(result.err().contains("--prefijo"), result.err());
    }
}
