package dev.lambdaworkbook.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Línea de órdenes del corrector")
class CorrectorCliTest {

    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @TempDir
    Path folder;

    @BeforeEach
    void captureStreams() {
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStreams() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    @Test
    @DisplayName("--help muestra la ayuda general en español")
    void topLevelHelp() {
        int code = Corrector.run("--help");

        assertEquals(0, code, stderr());
        assertEquals("", stderr(), "La ayuda no debe escribir avisos en la salida de errores.");
        assertTrue(stdout().startsWith("Uso: corrector [-hV] [ORDEN]"), stdout());
        assertTrue(stdout().contains("Órdenes:"), stdout());
        assertTrue(stdout().contains("-h, --help      Muestra esta ayuda y termina."), stdout());
        assertTrue(stdout().contains("-V, --version   Muestra la versión y termina."), stdout());
        assertTrue(stdout().contains("la referencia obtiene el 100 %, el"), stdout());
        for (String english : new String[] {"Usage", "Commands", "Options", "Show this", "Display help"}) {
            assertFalse(stdout().contains(english), "Texto en inglés '" + english + "' en la ayuda: " + stdout());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"calificar, -h", "calificar, --help", "verificar, -h", "verificar, --help", "publicar, -h",
        "publicar, --help", "ayuda, --help"})
    @DisplayName("cada orden muestra su ayuda con -h y --help")
    void subcommandHelp(String command, String option) {
        int code = Corrector.run(command, option);

        assertEquals(0, code, stderr());
        assertEquals("", stderr());
        assertTrue(stdout().startsWith("Uso: corrector " + command + " "), stdout());
        assertTrue(stdout().contains("Opciones:"), stdout());
        assertTrue(stdout().contains("-h, --help"), stdout());
        assertFalse(stdout().contains("Usage"), stdout());
    }

    @Test
    @DisplayName("la ayuda de una orden nombra sus parámetros")
    void subcommandHelpListsParameters() {
        int code = Corrector.run("ayuda", "calificar");

        assertEquals(0, code, stderr());
        assertTrue(stdout().startsWith("Uso: corrector calificar "), stdout());
        assertTrue(stdout().contains("Parámetros:"), stdout());
        assertTrue(stdout().contains("CARPETA"), stdout());
    }

    @Test
    @DisplayName("sin orden sale con 2, dice cuáles hay y cómo ver la ayuda")
    void missingSubcommand() {
        int code = Corrector.run();

        assertEquals(2, code, stderr());
        assertTrue(stderr().contains("corrector: error: Falta la orden: indica calificar, verificar o publicar."),
                stderr());
        assertTrue(stderr().contains("Usa './corrector --help'"), stderr());
        assertFalse(stderr().contains("corrector corrector"), stderr());
        assertFalse(stderr().contains("Missing"), stderr());
    }

    @Test
    @DisplayName("una orden mal escrita sale con 2, la nombra y propone la correcta")
    void unknownSubcommand() {
        int code = Corrector.run("calificr", "clase");

        assertEquals(2, code, stderr());
        assertTrue(stderr().contains("La orden 'calificr' no existe: indica calificar, verificar o publicar. "
                + "¿Querías decir 'calificar'?"), stderr());
        assertTrue(stderr().contains("Usa './corrector --help'"), stderr());
        assertFalse(stderr().contains("corrector corrector"), stderr());
    }

    @Test
    @DisplayName("falta la carpeta de entregas: sale con 2 y nombra el parámetro")
    void missingParameter() {
        int code = Corrector.run("calificar");

        assertEquals(2, code, stderr());
        assertTrue(stderr().contains("corrector: error: Falta el parámetro CARPETA: carpeta con una entrega"),
                stderr());
        assertTrue(stderr().contains("Usa './corrector calificar --help'"), stderr());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--paralelo | dos | indica un número entero",
        "--escala | 7,5 | indica un número, con punto decimal si lo necesitas",
        "--limite-prueba | diez | indica un número entero"})
    @DisplayName("un valor del tipo equivocado sale con 2 y nombra la opción")
    void wrongValueType(String option, String value, String expected) {
        int code = Corrector.run("calificar", folder.toString(), option, value);

        assertEquals(2, code, stderr());
        assertTrue(stderr().contains("corrector: error: El valor '" + value + "' de " + option + " no es válido: "
                + expected), stderr());
        assertFalse(stderr().contains("--verbose"), "Un error de uso no es un fallo interno: " + stderr());
    }

    @Test
    @DisplayName("una opción repetida sale con 2 y la nombra")
    void repeatedOption() {
        int code = Corrector.run("calificar", folder.toString(), "--escala", "5", "--escala", "10");

        assertEquals(2, code, stderr());
        assertTrue(stderr().contains("La opción --escala aparece más de una vez"), stderr());
    }

    @Test
    @DisplayName("una opción desconocida sale con 2 y un mensaje en español")
    void unknownOption() {
        int code = Corrector.run("calificar", "--nada", "clase");

        assertEquals(2, code);
        assertTrue(stderr().contains("corrector: error: La opción '--nada' no existe."), stderr());
        assertTrue(stderr().contains("Usa './corrector calificar --help'"), stderr());
    }

    @Test
    @DisplayName("una carpeta de entregas que no existe sale con 3 y la nombra")
    void missingClassFolder() {
        Path missing = folder.resolve("no-existe");

        int code = Corrector.run("calificar", missing.toString(), "--cuaderno", Fixtures.workbook().root().toString(),
                "--salida", folder.resolve("notas").toString());

        assertEquals(3, code, stderr());
        assertTrue(stderr().contains("No existe la carpeta de entregas '" + missing + "'"), stderr());
        assertFalse(stderr().contains("--verbose"), "Un error de la entrada no es un fallo interno: " + stderr());
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

    private String stdout() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return errors.toString(StandardCharsets.UTF_8);
    }
}
