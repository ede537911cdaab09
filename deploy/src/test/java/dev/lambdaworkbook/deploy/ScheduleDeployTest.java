package dev.lambdaworkbook.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaworkbook.deploy.fake.FakeAws;
import dev.lambdaworkbook.deploy.fake.FakeEventBridge;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Despliegue con disparador programado (como el ejercicio 03)")
class ScheduleDeployTest {

    private FakeAws fake;
    private Workbook workbook;

    @BeforeEach
    void start(@TempDir Path folder) throws Exception {
        fake = new FakeAws();
        workbook = new Workbook(folder, fake).exercise("03", Templates.SCHEDULE, Templates.SCHEDULE_HANDLER);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    @DisplayName("crea la regla con su expresión, la función como destino y el permiso con la regla como origen")
    void createsRuleTargetAndPermission() {
        Workbook.Result result = workbook.deploy("03");

        assertEquals(0, result.exitCode(), result.all());
        FakeEventBridge.Rule rule = fake.events().rule("ana-programada-CadaMinuto");
        assertEquals("rate(1 minute)", rule.expression());
        assertEquals("ENABLED", rule.state());
        String functionArn = fake.lambda().function("ana-programada").configuration().path("FunctionArn").asText();
        assertEquals(Map.of(ScheduleTrigger.TARGET_ID, functionArn), rule.targets());
        JsonNode permission = fake.lambda().function("ana-programada").statement("workbook-CadaMinuto");
        assertEquals("events.amazonaws.com", permission.path("Principal").path("Service").asText());
        assertEquals(rule.arn(), permission.path("Condition").path("ArnLike").path("AWS:SourceArn").asText());
        assertTrue(result.out().contains("eventbridge-scheduled.json"), "Debía invocar con el evento programado de "
                + "ejemplo. Salida:\n" + result.out());
        assertTrue(result.out().contains("--destruir"), "Debía recordar cómo borrarlo. Salida:\n" + result.out());
    }

    @Test
    @DisplayName("un cambio de expresión en la plantilla actualiza solo la regla")
    void changedExpressionUpdatesRule() {
        workbook.deploy("03");
        workbook.exercise("03", Templates.SCHEDULE.replace("rate(1 minute)", "cron(0/5 * * * ? *)"),
                Templates.SCHEDULE_HANDLER);
        fake.clearCalls();

        Workbook.Result result = workbook.deploy("03");

        assertEquals(0, result.exitCode(), result.all());
        assertEquals("cron(0/5 * * * ? *)", fake.events().rule("ana-programada-CadaMinuto").expression());
        assertEquals(List.of("events:PutRule"), fake.writes().stream()
                .map(call -> call.service() + ":" + call.operation()).toList());
    }

    @Test
    @DisplayName("una expresión que EventBridge rechaza falla antes de llamar a AWS")
    void invalidExpressionFailsBeforeAnyCall() {
        workbook.exercise("03", Templates.SCHEDULE.replace("rate(1 minute)", "rate(1 minutes)"),
                Templates.SCHEDULE_HANDLER);

        Workbook.Result result = workbook.deploy("03");

        assertEquals(DeployException.USAGE, result.exitCode(), result.all());
        assertTrue(result.err().contains("'rate(1 minutes)'"), "El error debía citar la expresión. Salida:\n"
                + result.err());
        assertEquals(List.of(), fake.calls(), "No debía llamar a ninguna API");
    }

    @Test
    @DisplayName("segunda ejecución sin cambios y --destruir sin restos")
    void idempotentAndDestroyable() {
        workbook.deploy("03");
        fake.clearCalls();

        Workbook.Result second = workbook.deploy("03");
        List<FakeAws.Call> secondWrites = fake.writes();
        Workbook.Result destroyed = workbook.deploy("03", "--destruir");

        assertEquals(0, second.exitCode(), second.all());
        assertEquals(List.of(), secondWrites, "La segunda ejecución no debía escribir nada");
        assertEquals(0, destroyed.exitCode(), destroyed.all());
        assertTrue(fake.empty(), "No debía quedar ni la regla ni la función ni el rol");
    }
}
