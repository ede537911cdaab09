package dev.lambdaworkbook.checker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaworkbook.checker.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the checker with SIGKILL while it grades a class, runs it again, and compares the outcome with a run that
 * was never interrupted: same marks, same per-student results, and no output file left half-written.
 */
@DisplayName("Un corrector matado con kill -9 retoma la corrección sin perder ni corromper nada")
class CrashSafetyTest {

    /** Attacks whose results do not depend on how fast the machine is, and two slow ones to kill the run in. */
    private static final List<String> STUDENTS = List.of("bucle-infinito", "espera-10-minutos", "falsifica-canal",
            "desbordamiento-pila", "inicializador-que-lanza", "equals-siempre-true-disimulado", "salida-y-exit");
    private static final Duration KILL_WHEN_SAVED_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CHILDREN_END_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path folder;

    @Test
    @DisplayName("La corrección retomada da el mismo resultado que una sin interrumpir")
    void resumedRunMatchesUninterruptedRun() throws Exception {
        Path classFolder = classFolder();
        Path interrupted = folder.resolve("interrumpida");
        Path uninterrupted = folder.resolve("sin-interrumpir");

        int savedWhenKilled = killHalfway(classFolder, interrupted);
        String resumed = grade(classFolder, interrupted, "trabajo-2");
        grade(classFolder, uninterrupted, "trabajo-3");

        assertTrue(savedWhenKilled > 0, "Resultados guardados al matar el corrector: " + savedWhenKilled);
        assertTrue(savedWhenKilled < STUDENTS.size() + 1, "El corrector ya había guardado los " + savedWhenKilled
                + " resultados al matarlo: no quedó nada por retomar");
        assertEquals("reutilizados=" + savedWhenKilled, resumed.strip(), "La segunda ejecución debe reutilizar lo "
                + "que la primera guardó");
        assertEquals(grades(uninterrupted), grades(interrupted), "notas.csv tras retomar, sin la hora de cada nota");
        assertEquals(results(uninterrupted), results(interrupted), "results.json de cada alumno tras retomar");
        assertNoHalfWrittenFile(interrupted);
    }

    /** Starts grading, kills the JVM with SIGKILL once some results are saved, and returns how many were. */
    private int killHalfway(Path classFolder, Path output) throws Exception {
        Process checker = start(classFolder, output, "trabajo-1");
        Path saved = output.resolve(".resultados/07");
        Instant deadline = Instant.now().plus(KILL_WHEN_SAVED_TIMEOUT);
        while (countJson(saved) < 2 && checker.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertTrue(checker.isAlive(), "El corrector terminó antes de poder matarlo: " + log("trabajo-1"));
        checker.toHandle().destroyForcibly();
        checker.waitFor(30, TimeUnit.SECONDS);
        assertFalse(Files.exists(output.resolve("notas.csv")), "Al matarlo a medias aún no debía haber notas");
        assertNoChildLeft(folder.resolve("trabajo-1"));
        return countJson(saved);
    }

    /** Waits briefly for the child JVMs of the killed checker to end, and fails if one is still running. */
    private static void assertNoChildLeft(Path work) throws InterruptedException {
        Instant deadline = Instant.now().plus(CHILDREN_END_TIMEOUT);
        List<ProcessHandle> left = orphans(work);
        while (!left.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            left = orphans(work);
        }
        left.forEach(ProcessHandle::destroyForcibly);
        assertEquals(List.of(), left.stream().map(orphan -> orphan.info().commandLine().orElse("?")).toList(),
                "JVM de pruebas que siguieron vivas tras matar el corrector");
    }

    private static List<ProcessHandle> orphans(Path work) {
        return ProcessHandle.allProcesses().filter(process -> process.info().commandLine().orElse("")
                .contains(work.toString())).toList();
    }

    private String grade(Path classFolder, Path output, String work) throws Exception {
        Process checker = start(classFolder, output, work);
        assertTrue(checker.waitFor(3, TimeUnit.MINUTES), "El corrector no terminó en 3 minutos");
        String printed = log(work);
        assertEquals(0, checker.exitValue(), "Código de salida del corrector: " + printed);
        return printed.lines().filter(line -> line.startsWith("reutilizados=")).findFirst().orElse(printed);
    }

    private Process start(Path classFolder, Path output, String work) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                "-Dchecker.workbook=" + System.getProperty("checker.workbook", ".."),
                GradeClass.class.getName(), classFolder.toString(), output.toString(),
                folder.resolve(work).toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve(work + ".log").toFile()).start();
    }

    private String log(String work) throws IOException {
        return Files.readString(folder.resolve(work + ".log"));
    }

    /** Returns notas.csv without the time each mark was written, which Moodle's import requires. */
    private static String grades(Path output) throws IOException {
        return Files.readString(output.resolve("notas.csv")).replaceAll("\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\"",
                "\"\"");
    }

    /**
     * Returns every student's results.json by student, without each test's output: a test cut by the time limit
     * names the limit it hit, per test or per submission, and that depends on the machine's load.
     */
    private static Map<String, JsonNode> results(Path output) throws IOException {
        Map<String, JsonNode> results = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> students = Files.list(output.resolve("alumnos"))) {
            for (Path student : students.toList()) {
                JsonNode result = json.readTree(student.resolve("results.json").toFile());
                result.path("tests").forEach(test -> ((ObjectNode) test).remove("output"));
                results.put(student.getFileName().toString(), result);
            }
        }
        return results;
    }

    /** Checks that every JSON file parses and that no temporary file of an atomic write was left behind. */
    private static void assertNoHalfWrittenFile(Path output) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json")) {
                    json.readTree(file.toFile());
                }
                if (name.endsWith(".html")) {
                    assertTrue(Files.readString(file, StandardCharsets.UTF_8).strip().endsWith("</html>"),
                            "HTML incompleto: " + file);
                }
            }
        }
    }

    private static int countJson(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.filter(path -> path.getFileName().toString().endsWith(".json")).count();
        }
    }

    private Path classFolder() throws IOException {
        Path classFolder = Files.createDirectories(folder.resolve("clase"));
        for (String student : STUDENTS) {
            copyTree(Fixtures.resource("hostil").resolve(student), classFolder.resolve(student));
        }
        Path reference = Fixtures.realWorkbook().root().resolve("solutions/07/src/main/java");
        copyTree(reference, classFolder.resolve("control/exercises/07/src/main/java"));
        return classFolder;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
