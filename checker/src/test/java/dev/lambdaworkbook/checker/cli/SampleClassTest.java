package dev.lambdaworkbook.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdaworkbook.checker.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job on the shipped sample class, limited to exercise 07: each fictional student pins one
 * scenario (all pass, partial from a Moodle zip, does not compile, hangs, untouched starter).
 */
@DisplayName("Clase de ejemplo corregida con ./corrector calificar")
class SampleClassTest {

    @TempDir
    static Path folder;

    private static Path output;
    private static int exitCode;
    private static String table;

    @BeforeAll
    static void gradeSampleClass() {
        output = folder.resolve("notas");
        Result first = calificar();
        exitCode = first.code();
        table = first.stdout();
    }

    @Test
    @DisplayName("termina con 0 y escribe una fila por alumno")
    void gradesEveryStudent() throws IOException {
        List<String> csv = Files.readAllLines(output.resolve("notas.csv"));

        assertEquals(0, exitCode, table);
        assertEquals(7, csv.size(), "Cabecera y seis alumnos: " + csv);
        assertTrue(Files.isRegularFile(output.resolve("informe.html")));
    }

    @Test
    @DisplayName("todo bien: Lucía saca 10 aunque entregue una prueba propia")
    void allPass() throws IOException {
        JsonNode lucia = results("1001");

        assertEquals(10.0, lucia.path("score").asDouble(), 0.001, lucia.toString());
    }

    @Test
    @DisplayName("parcial desde el zip de Moodle: Marcos pierde la tarea de los mapas null")
    void partialFromMoodleZip() throws IOException {
        JsonNode marcos = results("1002");
        String feedback = Files.readString(output.resolve("alumnos/1002/feedback.md"));
        String csv = Files.readString(output.resolve("notas.csv"));

        assertTrue(csv.contains("\"Participante 1002\",\"Marcos Gil Navarro\""), csv);
        assertTrue(marcos.path("score").asDouble() > 0, "Algo puntúa: " + marcos);
        assertTrue(marcos.path("score").asDouble() < 10, "Algo falla: " + marcos);
        assertTrue(feedback.contains("NullPointerException"), feedback);
        assertTrue(feedback.contains("Lugar probable: `src/main/java/dev/lambdaworkbook/sum/SumHandler.java:"),
                feedback);
    }

    @Test
    @DisplayName("no compila: Nerea ve el error de javac y saca 0")
    void doesNotCompile() throws IOException {
        String feedback = Files.readString(output.resolve("alumnos/nerea.ortiz/feedback.md"));

        assertEquals(0.0, results("nerea.ortiz").path("score").asDouble(), 0.001);
        assertTrue(feedback.contains("Estado: **no compila**"), feedback);
        assertTrue(feedback.contains("SumHandler.java:"), feedback);
    }

    @Test
    @DisplayName("se cuelga: Pablo pierde solo la prueba que no termina")
    void hangs() throws IOException {
        JsonNode pablo = results("pablo.sanz");

        long timedOut = 0;
        for (JsonNode test : pablo.path("tests")) {
            if (test.path("output").asText().startsWith("tiempo agotado")) {
                timedOut++;
            }
        }
        assertEquals(1, timedOut, "Una sola prueba con tiempo agotado: " + pablo);
        assertTrue(pablo.path("score").asDouble() > 5, "El resto de pruebas puntúa: " + pablo.path("score"));
    }

    @Test
    @DisplayName("sin tocar el código inicial: Hugo saca 0")
    void untouchedStarter() throws IOException {
        assertEquals(0.0, results("hugo.vidal").path("score").asDouble(), 0.001);
    }

    @Test
    @DisplayName("una segunda pasada no vuelve a corregir nada y da las mismas notas")
    void secondRunIsIncremental() throws IOException {
        List<String> before = withoutDates(Files.readAllLines(output.resolve("notas.csv")));

        Result second = calificar();

        assertEquals(0, second.code(), second.stdout());
        // hugo.vidal handed in 07 as the starter ships it: never graded, so never reused either.
        assertTrue(second.stdout().contains("0 calificados ahora, 5 reutilizados"), second.stdout());
        assertTrue(second.stdout().contains(", 1 sin cambios."), second.stdout());
        assertEquals(before, withoutDates(Files.readAllLines(output.resolve("notas.csv"))));
    }

    private static JsonNode results(String student) throws IOException {
        return new ObjectMapper().readTree(output.resolve("alumnos").resolve(student).resolve("results.json").toFile());
    }

    private static List<String> withoutDates(List<String> csv) {
        return csv.stream().map(line -> line.replaceAll("\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\"", "")).toList();
    }

    private record Result(int code, String stdout) {
    }

    private static synchronized Result calificar() {
        Path root = Fixtures.realWorkbook().root();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = Corrector.run("calificar", root.resolve("checker/muestras/clase").toString(), "--ejercicios",
                    "07", "--limite-prueba", "5", "--salida", output.toString(), "--cuaderno", root.toString());
            return new Result(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
