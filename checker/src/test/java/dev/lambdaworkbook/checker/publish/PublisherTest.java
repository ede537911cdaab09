package dev.lambdaworkbook.checker.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    @DisplayName("en la copia del cuaderno real ./mvnw test -pl exercises/07 compila y ejecuta la suite")
    void realCopyBuilds() throws Exception {
        Workbook real = Fixtures.realWorkbook();
        Path copy = folder.resolve("alumnos");
        Files.createDirectories(copy);
        Publisher.copy(real.root(), copy);

        Process maven = new ProcessBuilder(copy.resolve("mvnw").toString(), "-o", "-B", "test", "-pl",
                "exercises/07", "-am", "-Dtest=SumHandlerTest", "-Dsurefire.failIfNoSpecifiedTests=false")
                .directory(copy.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("maven.log").toFile()).start();
        assertTrue(maven.waitFor(10, TimeUnit.MINUTES), "Maven no terminó en 10 minutos.");

        String log = Files.readString(folder.resolve("maven.log"));
        assertTrue(log.contains("Tests run:"), "La suite se ejecuta en la copia:\n" + tail(log));
        assertFalse(log.contains("COMPILATION ERROR") || log.contains("Could not resolve"), tail(log));
        assertTrue(Files.isDirectory(copy.resolve("exercises/07/target/surefire-reports")), tail(log));
        List<Publisher.Reference> buildReferences = Publisher.references(copy, Publisher.removedNames(real)).stream()
                .filter(reference -> reference.file().getFileName().toString().equals("pom.xml")
                        || reference.file().startsWith("exercises"))
                .toList();
        assertEquals(List.of(), buildReferences, "Ni los pom.xml ni los ejercicios nombran lo quitado.");
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
