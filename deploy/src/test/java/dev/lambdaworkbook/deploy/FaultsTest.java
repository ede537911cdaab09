package dev.lambdaworkbook.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.deploy.fake.FakeAws;
import dev.lambdaworkbook.deploy.fake.FakeAws.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Fallos de AWS que se reintentan hasta converger")
class FaultsTest {

    private FakeAws fake;
    private Workbook workbook;

    @BeforeEach
    void start(@TempDir Path folder) throws Exception {
        fake = new FakeAws();
        workbook = new Workbook(folder, fake).exercise("07", Templates.API, Templates.API_HANDLER)
                .exercise("03", Templates.SCHEDULE, Templates.SCHEDULE_HANDLER);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    @DisplayName("429 de Lambda, API Gateway e IAM: el SDK reintenta y el despliegue termina")
    void throttlingIsRetried() {
        fake.inject("lambda:CreateFunction", Fault.THROTTLE, 2);
        fake.inject("apigateway:CreateRestApi", Fault.THROTTLE, 1);
        fake.inject("iam:CreateRole", Fault.THROTTLE, 1);

        Workbook.Result result = workbook.deploy("07");

        assertEquals(0, result.exitCode(), result.all());
        assertEquals(3, fake.calls().stream().filter(call -> call.operation().equals("CreateFunction")).count(),
                "Debía haber dos intentos rechazados con 429 y uno bueno");
        assertEquals(List.of(), secondRunWrites("07"));
    }

    @Test
    @DisplayName("conexión cortada sin respuesta: el SDK reintenta y el despliegue termina")
    void droppedConnectionIsRetried() {
        fake.inject("lambda:AddPermission", Fault.DROP_CONNECTION, 1);
        fake.inject("events:PutTargets", Fault.DROP_CONNECTION, 1);
        fake.inject("s3:HeadBucket", Fault.DROP_CONNECTION, 1);

        Workbook.Result result = workbook.deploy("03");

        assertEquals(0, result.exitCode(), result.all());
        assertEquals(1, fake.events().rule("ana-programada-CadaMinuto").targets().size());
        assertEquals(List.of(), secondRunWrites("03"));
    }

    @Test
    @DisplayName("409 por actualización en curso: espera a que termine y reintenta")
    void conflictWaitsAndRetries() {
        workbook.deploy("07");
        workbook.exercise("07", Templates.API.replace("MemorySize: 512", "MemorySize: 1024"), Templates.API_HANDLER);
        fake.inject("lambda:UpdateFunctionConfiguration", Fault.CONFLICT, 2);

        Workbook.Result result = workbook.deploy("07");

        assertEquals(0, result.exitCode(), result.all());
        assertEquals(1024, fake.lambda().function("ana-suma").configuration().path("MemorySize").asInt());
        assertTrue(result.out().contains("otra actualización en curso"), result.out());
    }

    @Test
    @DisplayName("rol recién creado que Lambda aún no puede asumir: reintenta con espera creciente")
    void rolePropagationIsRetried() {
        fake.inject("lambda:CreateFunction", Fault.ROLE_NOT_ASSUMABLE, 3);

        Workbook.Result result = workbook.deploy("07");

        assertEquals(0, result.exitCode(), result.all());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), workbook.pauses,
                "Debía esperar 1, 2 y 4 s entre los reintentos");
        assertTrue(fake.lambda().functionNames().contains("ana-suma"));
    }

    @Test
    @DisplayName("rol que Lambda no puede asumir tras unos 90 s: falla con una explicación")
    void rolePropagationGivesUp() {
        fake.inject("lambda:CreateFunction", Fault.ROLE_NOT_ASSUMABLE, 100);

        Workbook.Result result = workbook.deploy("07");

        assertEquals(DeployException.FAILED, result.exitCode(), result.all());
        assertTrue(result.err().contains("sigue sin poder asumir el rol"), result.err());
        Duration waited = workbook.totalPause();
        assertTrue(waited.compareTo(Duration.ofSeconds(90)) >= 0, "Debía reintentar unos 90 s y esperó " + waited);
        assertTrue(waited.compareTo(Duration.ofSeconds(110)) <= 0, "Debía rendirse hacia los 90 s y esperó " + waited);
    }

    @Test
    @DisplayName("rol existente sin confianza en Lambda: falla al momento con una pista")
    void roleWithoutLambdaTrustFailsAtOnce() {
        fake.iam().putRole("ana-suma-rol", ExecutionRole.TRUST_POLICY.replace("lambda.amazonaws.com",
                "ec2.amazonaws.com"));

        Workbook.Result result = workbook.deploy("07");

        assertEquals(DeployException.FAILED, result.exitCode(), result.all());
        assertTrue(result.err().contains("'ana-suma-rol'"), "El error debía nombrar el rol:\n" + result.err());
        assertTrue(result.err().contains("lambda.amazonaws.com"), "El error debía nombrar el principal que falta:\n"
                + result.err());
        assertEquals(List.of(), workbook.pauses, "Un rol sin confianza en Lambda no debía reintentarse");
        assertFalse(fake.calls().stream().anyMatch(call -> call.operation().equals("CreateFunction")),
                "No debía intentar crear la función con ese rol");
    }

    private List<FakeAws.Call> secondRunWrites(String exercise) {
        fake.clearCalls();
        Workbook.Result second = workbook.deploy(exercise);
        assertEquals(0, second.exitCode(), second.all());
        return fake.writes();
    }
}
