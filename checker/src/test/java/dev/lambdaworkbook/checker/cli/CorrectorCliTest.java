package dev.lambdaworkbook.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.checker.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Línea de órdenes del corrector")
class CorrectorCliTest {

    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @TempDir
    Path folder;

    @BeforeEach
    void captureErrors() {
        originalErr = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErrors() {
        System.setErr(originalErr);
    }

    @Test
    @DisplayName("una opción desconocida sale con 2 y un mensaje en español")
    void unknownOption() {
        int code = Corrector.run("calificar", "--nada", "clase");

        assertEquals(2, code);
        assertTrue(stderr().contains("corrector: error: argumento desconocido '--nada'"), stderr());
        assertTrue(stderr().contains("corrector calificar --help"), stderr());
    }

    @Test
    @DisplayName("una carpeta de entregas que no existe sale con 3 y la nombra")
    void missingClassFolder() {
        Path missing = folder.resolve("no-existe");

        int code = Corrector.run("calificar", missing.toString(), "--cuaderno", Fixtures.workbook().root().toString(),
                "--salida", folder.resolve("notas").toString());

        assertEquals(3, code, stderr());
        assertTrue(stderr().contains("No existe la carpeta de entregas '" + missing + "'"), stderr());
        assertTrue(stderr().contains("--verbose"), "Sugiere cómo ver la traza: " + stderr());
    }

    @Test
    @DisplayName("un ejercicio que no existe sale con 3 y lista los que hay")
    void unknownExercise() {
        int code = Corrector.run("calificar", folder.toString(), "--ejercicios", "42", "--cuaderno",
                Fixtures.workbook().root().toString());

        assertEquals(3, code, stderr());
        assertTrue(stderr().contains("No existe el ejercicio '42'. Ejercicios del cuaderno: [90]"), stderr());
    }

    @Test
    @DisplayName("una escala no positiva sale con 3 y propone un valor")
    void invalidScale() {
        int code = Corrector.run("calificar", folder.toString(), "--escala", "0", "--cuaderno",
                Fixtures.workbook().root().toString());

        assertEquals(3, code, stderr());
        assertTrue(stderr().contains("La escala '0.0' no es válida"), stderr());
    }

    private String stderr() {
        return errors.toString(StandardCharsets.UTF_8);
    }
}
