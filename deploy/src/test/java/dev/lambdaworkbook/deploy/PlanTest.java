package dev.lambdaworkbook.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.deploy.fake.FakeAws;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("--plan muestra los cambios sin hacerlos")
class PlanTest {

    private FakeAws fake;
    private Workbook workbook;

    @BeforeEach
    void start(@TempDir Path folder) throws Exception {
        fake = new FakeAws();
        workbook = new Workbook(folder, fake).exercise("07", Templates.API, Templates.API_HANDLER)
                .exercise("06", Templates.S3, Templates.S3_HANDLER)
                .exercise("03", Templates.SCHEDULE, Templates.SCHEDULE_HANDLER);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    @DisplayName("en una cuenta vacía lista lo que crearía y no escribe ni invoca")
    void planOnEmptyAccount() {
        for (String exercise : List.of("07", "06", "03")) {
            Workbook.Result result = workbook.deploy(exercise, "--plan", "--subir-por-s3");

            assertEquals(0, result.exitCode(), result.all());
            assertTrue(result.out().contains("+ crear      función 'ana-"), result.out());
            assertTrue(result.out().contains("No se llama a ninguna API de escritura"), result.out());
        }

        assertEquals(List.of(), fake.writes(), "--plan no debía llamar a ninguna API de escritura");
        assertFalse(fake.calls().stream().anyMatch(call -> call.operation().equals("Invoke")),
                "--plan no debía invocar la función");
        assertTrue(fake.empty());
    }

    @Test
    @DisplayName("tras desplegar, el plan dice que no cambiaría nada")
    void planAfterDeploy() {
        workbook.deploy("07");
        fake.clearCalls();

        Workbook.Result result = workbook.deploy("07", "--plan");

        assertEquals(0, result.exitCode(), result.all());
        assertTrue(result.out().contains("no cambiaría nada"), result.out());
        assertEquals(List.of(), fake.writes());
    }

    @Test
    @DisplayName("con --destruir lista lo que borraría y no borra nada")
    void planDestroy() {
        workbook.deploy("06");

        Workbook.Result result = workbook.deploy("06", "--plan", "--destruir");

        assertEquals(0, result.exitCode(), result.all());
        assertTrue(result.out().contains("- borrar     función 'ana-filtro-ticks'"), result.out());
        assertTrue(result.out().contains("- borrar     bucket 'ana-master-trading-entrada'"), result.out());
        assertTrue(fake.lambda().functionNames().contains("ana-filtro-ticks"), "No debía borrar la función");
        assertEquals(2, fake.s3().bucketNames().size(), "No debía borrar los buckets");
    }
}
