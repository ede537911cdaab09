package dev.lambdaworkbook.checker.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.checker.CheckerException;
import dev.lambdaworkbook.checker.Fixtures;
import dev.lambdaworkbook.checker.workbook.Workbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Copia del cuaderno para los alumnos")
class PublisherTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("quita soluciones, corrector y bloques del profesorado, y reescribe los módulos")
    void publishesStudentCopy() throws IOException {
        Workbook workbook = workbookWith("Para alumnos.\n<!-- solo-profesorado -->\n./corrector calificar clase\n"
                + "<!-- /solo-profesorado -->\nFin.\n");
        Path destination = folder.resolve("alumnos");

        List<Publisher.Reference> references = Publisher.publish(workbook, destination);

        assertEquals(List.of(), references);
        assertFalse(Files.exists(destination.resolve("solutions")));
        assertFalse(Files.exists(destination.resolve("checker")));
        assertFalse(Files.exists(destination.resolve("bench")));
        assertFalse(Files.exists(destination.resolve("corrector")));
        assertTrue(Files.isRegularFile(destination.resolve("exercises/90/template.yaml")));
        assertEquals("Para alumnos.\nFin.\n", Files.readString(destination.resolve("README.md")));
        String pom = Files.readString(destination.resolve("pom.xml"));
        assertTrue(pom.contains("<module>exercises</module>"), pom);
        assertFalse(pom.contains("solutions"), pom);
        assertFalse(pom.contains("checker"), pom);
    }

    @Test
    @DisplayName("si algo nombra lo quitado, no escribe nada y dice dónde")
    void refusesReferencesToRemovedMaterial() throws IOException {
        Workbook workbook = workbookWith("Mira solutions/90 y CalculatorHiddenTest.\n");
        Path destination = folder.resolve("alumnos");

        List<Publisher.Reference> references = Publisher.publish(workbook, destination);

        assertEquals(List.of("README.md:1: nombra 'solutions/': Mira solutions/90 y CalculatorHiddenTest.",
                "README.md:1: nombra 'CalculatorHiddenTest': Mira solutions/90 y CalculatorHiddenTest."),
                references.stream().map(Publisher.Reference::describe).toList());
        assertFalse(Files.exists(destination), "No queda una copia a medias.");
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of("cuaderno"), left.map(path -> path.getFileName().toString()).toList());
        }
    }

    @Test
    @DisplayName("quita las filas de tabla y los bloques Java marcados")
    void stripsMarkedRowsAndJavaBlocks() throws IOException {
        Workbook workbook = workbookWith("| carpeta | quién |\n| --- | --- |\n| `exercises/` | alumnos |\n"
                + "| `solutions/` | profesorado | <!-- solo-profesorado -->\n");
        Path test = workbook.root().resolve("exercises/90/src/test/java/ExtraTest.java");
        Files.createDirectories(test.getParent());
        Files.writeString(test, "class ExtraTest {\n    // solo-profesorado\n    void hidden() {\n"
                + "        solutions(\"solutions/90\");\n    }\n    // /solo-profesorado\n    void visible() {\n"
                + "    }\n}\n");
        Path destination = folder.resolve("alumnos");

        List<Publisher.Reference> references = Publisher.publish(workbook, destination);

        assertEquals(List.of(), references);
        assertEquals("| carpeta | quién |\n| --- | --- |\n| `exercises/` | alumnos |\n",
                Files.readString(destination.resolve("README.md")));
        assertEquals("class ExtraTest {\n    void visible() {\n    }\n}\n",
                Files.readString(destination.resolve("exercises/90/src/test/java/ExtraTest.java")));
    }

    @Test
    @DisplayName("un bloque sin cerrar es un error que dice fichero y línea, y no deja nada")
    void rejectsUnclosedBlock() throws IOException {
        Workbook workbook = workbookWith("Para alumnos.\n<!-- solo-profesorado -->\n./corrector verificar\n");
        Path destination = folder.resolve("alumnos");

        CheckerException error = assertThrows(CheckerException.class, () -> Publisher.publish(workbook, destination));

        assertEquals("'README.md', línea 2: abre un bloque <!-- solo-profesorado --> que no se cierra con "
                + "<!-- /solo-profesorado -->. Corrige los marcadores del profesorado; publicar no escribe nada "
                + "hasta entonces.", error.getMessage());
        assertFalse(Files.exists(destination), "No queda una copia a medias.");
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of("cuaderno"), left.map(path -> path.getFileName().toString()).toList());
        }
    }

    @Test
    @DisplayName("un cierre sin apertura es un error")
    void rejectsEndWithoutStart() {
        CheckerException error = assertThrows(CheckerException.class,
                () -> InstructorBlocks.JAVA.strip("class A {\n    // /solo-profesorado\n}\n", Path.of("A.java")));

        assertEquals("'A.java', línea 2: cierra con // /solo-profesorado un bloque que no se abrió. Corrige los "
                + "marcadores del profesorado; publicar no escribe nada hasta entonces.", error.getMessage());
    }

    /**
     * Publishes the real workbook, so a file that starts naming the solutions or the checker fails here. Then builds
     * the copy offline: exercise 07's suite runs against the starter, and the stripped runner and deck tests compile.
     * The root pom lists the checker after every other module, so a clean build has downloaded their libraries.
     */
    @Test
    @DisplayName("la copia del cuaderno real no tiene material del profesorado y compila con ./mvnw")
    void realCopyBuilds() throws Exception {
        Workbook real = Fixtures.realWorkbook();
        Path copy = folder.resolve("alumnos");

        List<Publisher.Reference> references = Publisher.publish(real, copy);

        assertEquals(List.of(), references.stream().map(Publisher.Reference::describe).toList(),
                "El cuaderno real se publica sin referencias a lo quitado.");
        for (String removed : List.of("solutions", "checker", "bench", ".ci", "corrector", "notas")) {
            assertFalse(Files.exists(copy.resolve(removed)), "La copia no debe tener '" + removed + "'.");
        }
        for (String kept : List.of("mvnw", "lambda-local", "exercises/07/template.yaml", "runner/pom.xml",
                "slides/pom.xml", "deploy.java")) {
            assertTrue(Files.exists(copy.resolve(kept)), "La copia debe tener '" + kept + "'.");
        }
        String readme = Files.readString(copy.resolve("README.es.md"));
        assertFalse(readme.contains("solo-profesorado") || readme.contains("--solucion"), readme);
        assertTrue(readme.contains("./mvnw test -pl exercises/07"), readme);
        String runnerTest = Files.readString(copy.resolve(
                "runner/src/test/java/dev/lambdaworkbook/runner/LambdaLocalCliTest.java"));
        assertFalse(runnerTest.contains("run(\"invocar\", \"07\", \"--solucion\")"),
                "Sin las pruebas que ejecutan la solución.");

        Process maven = new ProcessBuilder(copy.resolve("mvnw").toString(), "-o", "-B", "test", "-pl",
                "exercises/07,runner,slides", "-am", "-Dtest=SumHandlerTest", "-Dsurefire.failIfNoSpecifiedTests=false",
                "-Dmaven.test.failure.ignore=true")
                .directory(copy.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("maven.log").toFile()).start();
        assertTrue(maven.waitFor(10, TimeUnit.MINUTES), "Maven no terminó en 10 minutos.");

        String log = Files.readString(folder.resolve("maven.log"));
        assertEquals(0, maven.exitValue(), "La copia compila, con las pruebas de runner y slides:\n" + tail(log));
        assertTrue(log.contains("Tests run:"), "La suite se ejecuta en la copia:\n" + tail(log));
        assertTrue(Files.isDirectory(copy.resolve("exercises/07/target/surefire-reports")), tail(log));
        assertTrue(Files.isDirectory(copy.resolve("runner/target/test-classes")), tail(log));
    }

    private Workbook workbookWith(String readme) throws IOException {
        Path root = folder.resolve("cuaderno");
        copyTree(Fixtures.resource("cuaderno-prueba"), root);
        Files.writeString(root.resolve("pom.xml"), """
                <project>
                  <modules>
                    <module>exercises</module>
                    <module>solutions</module>
                    <module>checker</module>
                  </modules>
                </project>
                """);
        Files.writeString(root.resolve("README.md"), readme);
        Files.createDirectories(root.resolve("checker"));
        Files.writeString(root.resolve("checker/pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("bench"));
        Files.writeString(root.resolve("bench/checker.sh"), "./corrector calificar clase");
        Files.writeString(root.resolve("corrector"), "#!/bin/sh");
        return Workbook.at(root);
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

    private static String tail(String log) {
        return log.length() < 4000 ? log : log.substring(log.length() - 4000);
    }
}
