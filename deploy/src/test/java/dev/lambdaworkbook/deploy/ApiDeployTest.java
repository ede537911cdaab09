package dev.lambdaworkbook.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaworkbook.deploy.fake.FakeAws;
import dev.lambdaworkbook.deploy.fake.FakeLambda;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Despliegue con disparador API (como el ejercicio 07)")
class ApiDeployTest {

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
    @DisplayName("crea rol, función, API con integración proxy y permiso, e invoca una vez")
    void deploysEverything() {
        fake.lambda().respondWith(event -> "{\"statusCode\":200,\"body\":\"{\\\"resultado\\\":5}\"}", false);

        Workbook.Result result = workbook.deploy("07");

        assertEquals(0, result.exitCode(), "El despliegue debía terminar bien. Salida:\n" + result.all());
        assertTrue(fake.iam().role("ana-suma-rol").attached().contains(ExecutionRole.LOGS_POLICY),
                "El rol debía llevar la política de logs");
        FakeLambda.Function function = fake.lambda().function("ana-suma");
        assertEquals("java21", function.configuration().path("Runtime").asText());
        assertEquals(512, function.configuration().path("MemorySize").asInt());
        assertEquals(10, function.configuration().path("Timeout").asInt());
        assertEquals("dev.lambdaworkbook.sum.SumHandler::handleRequest",
                function.configuration().path("Handler").asText());
        assertEquals("07", function.tags().get(Names.TAG_EXERCISE));
        JsonNode method = fake.apiGateway().api("ana-suma-api").resource("/suma").path("resourceMethods").path("GET");
        assertEquals("AWS_PROXY", method.path("methodIntegration").path("type").asText());
        assertTrue(method.path("methodIntegration").path("uri").asText().contains(":function:ana-suma/invocations"));
        assertEquals(List.of("Prod"), List.copyOf(fake.apiGateway().api("ana-suma-api").stages()));
        String apiId = fake.apiGateway().api("ana-suma-api").id();
        JsonNode permission = function.statement("workbook-Suma");
        assertEquals("apigateway.amazonaws.com", permission.path("Principal").path("Service").asText());
        assertEquals("arn:aws:execute-api:eu-west-1:" + FakeAws.ACCOUNT + ":" + apiId + "/*/GET/suma",
                permission.path("Condition").path("ArnLike").path("AWS:SourceArn").asText());
        assertTrue(result.out().contains("https://" + apiId + ".execute-api.eu-west-1.amazonaws.com/Prod/suma"),
                "Debía mostrar la URL de invocación. Salida:\n" + result.out());
        assertTrue(result.out().contains("\"statusCode\" : 200"),
                "Debía mostrar la respuesta de la invocación. Salida:\n" + result.out());
        assertTrue(result.out().contains("REPORT RequestId:"), "Debía mostrar el log decodificado. Salida:\n"
                + result.out());
    }

    @Test
    @DisplayName("una segunda ejecución no cambia nada")
    void secondRunChangesNothing() {
        workbook.deploy("07");
        fake.clearCalls();

        Workbook.Result second = workbook.deploy("07");

        assertEquals(0, second.exitCode(), second.all());
        assertEquals(List.of(), fake.writes(), "La segunda ejecución no debía llamar a ninguna API de escritura");
        assertTrue(second.out().contains("no había nada que cambiar"), second.out());
    }

    @Test
    @DisplayName("--destruir no deja nada y repetirlo no hace nada")
    void destroyLeavesNothing() {
        workbook.deploy("07");

        Workbook.Result destroyed = workbook.deploy("07", "--destruir");
        fake.clearCalls();
        Workbook.Result again = workbook.deploy("07", "--destruir");

        assertEquals(0, destroyed.exitCode(), destroyed.all());
        assertTrue(fake.empty(), "No debía quedar ningún recurso en la cuenta falsa");
        assertEquals(0, again.exitCode(), again.all());
        assertEquals(List.of(), fake.writes(), "Repetir --destruir no debía borrar nada");
        assertTrue(again.out().contains("No queda nada que borrar"), again.out());
    }
}
