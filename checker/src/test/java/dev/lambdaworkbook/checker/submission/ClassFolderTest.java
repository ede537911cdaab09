package dev.lambdaworkbook.checker.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.checker.CheckerException;
import dev.lambdaworkbook.checker.Fixtures;
import dev.lambdaworkbook.checker.workbook.Exercise;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Carpeta de entregas de una clase")
class ClassFolderTest {

    private static final String SOURCE = "exercises/90/src/main/java/dev/lambdaworkbook/fixture/Calculator.java";

    @TempDir
    Path folder;

    @Test
    @DisplayName("la descarga de Moodle da nombre e identificador de participante")
    void readsMoodleDownload() throws IOException {
        write(folder.resolve("Ana María López Díaz_4521_assignsubmission_file_/repo").resolve(SOURCE), "class A {}");

        List<Submission> submissions = ClassFolder.read(folder, folder.resolve("extraidas"));

        Submission ana = submissions.get(0);
        assertEquals("4521", ana.id());
        assertEquals("Ana María López Díaz", ana.name());
        assertTrue(ana.moodle());
        assertEquals(folder.resolve("Ana María López Díaz_4521_assignsubmission_file_/repo"), ana.root());
    }

    @Test
    @DisplayName("un .zip dentro de la carpeta de Moodle se descomprime y se busca el cuaderno")
    void extractsZipInsideMoodleFolder() throws IOException {
        Path moodle = Files.createDirectories(folder.resolve("Luis Gil_77_assignsubmission_file_"));
        zip(moodle.resolve("entrega.zip"), Map.of("cuaderno/" + SOURCE, "class B {}", "cuaderno/target/x.class", "x"));

        Submission luis = ClassFolder.read(folder, folder.resolve("extraidas")).get(0);

        assertEquals("77", luis.id());
        assertNull(luis.problem(), "Se encuentra exercises/ dentro del zip.");
        assertTrue(Files.isRegularFile(luis.root().resolve(SOURCE)));
        assertFalse(Files.exists(luis.root().resolve("target")), "target/ no se descomprime.");
    }

    @Test
    @DisplayName("cada entrada tiene su fila aunque no se pueda calificar")
    void everyEntryGetsARow() throws IOException {
        zip(folder.resolve("malo.zip"), Map.of("../../fuera.txt", "fuera"));
        write(folder.resolve("notas.pdf"), "%PDF");
        write(folder.resolve("vacio/LEEME.txt"), "sin código");

        List<Submission> submissions = ClassFolder.read(folder, folder.resolve("extraidas"));

        assertEquals(List.of("malo", "notas.pdf", "vacio"), submissions.stream().map(Submission::id).toList());
        assertTrue(submissions.get(0).problem().contains("sale de su carpeta"), submissions.get(0).problem());
        assertFalse(Files.exists(folder.resolve("fuera.txt")), "Una ruta con .. no se escribe fuera.");
        assertTrue(submissions.get(1).problem().contains("no es una carpeta ni un .zip"));
        assertTrue(submissions.get(2).problem().contains("no se encontró la carpeta exercises/"));
    }

    @Test
    @DisplayName("la descarga de Moodle sin descomprimir se lee como la carpeta")
    void readsMoodleZipOfTheClass() throws IOException {
        Path download = folder.resolve("descarga.zip");
        zip(download, Map.of("Ana Ruiz_12_assignsubmission_file_/repo/" + SOURCE, "class A {}",
                "Luis Gil_77_assignsubmission_file_/repo/" + SOURCE, "class B {}"));

        List<Submission> submissions = ClassFolder.read(download, folder.resolve("extraidas"));

        assertEquals(List.of("12", "77"), submissions.stream().map(Submission::id).toList());
        assertNull(submissions.get(0).problem());
        assertTrue(Files.isRegularFile(submissions.get(1).root().resolve(SOURCE)));
    }

    @Test
    @DisplayName("un .zip de alumno que no es un zip lo dice")
    void corruptZipIsNamed() throws IOException {
        write(folder.resolve("ana.zip"), "esto no es un zip");

        Submission ana = ClassFolder.read(folder, folder.resolve("extraidas")).get(0);

        assertTrue(ana.problem().contains("'ana.zip' no es un .zip válido"), ana.problem());
    }

    @Test
    @DisplayName("una carpeta inexistente da un error que la nombra")
    void missingFolderIsNamed() {
        Path missing = folder.resolve("no-existe");

        CheckerException error = assertThrows(CheckerException.class, () -> ClassFolder.read(missing, folder));

        assertTrue(error.getMessage().contains("'" + missing + "'"), error.getMessage());
    }

    @Test
    @DisplayName("del alumno solo se toman los ficheros que declara el ejercicio")
    void takesOnlyDeclaredFiles() throws IOException {
        Path repo = folder.resolve("alumno");
        write(repo.resolve(SOURCE), "class C {}");
        write(repo.resolve("exercises/90/src/main/java/notas.txt"), "no es Java");
        write(repo.resolve("exercises/90/src/test/java/dev/lambdaworkbook/fixture/CalculatorTest.java"), "trampa");
        write(repo.resolve("exercises/90/src/main/resources/junit-platform.properties"), "trampa");
        write(repo.resolve("exercises/90/pom.xml"), "<project/>");
        Files.createSymbolicLink(repo.resolve("exercises/90/src/main/java/Enlace.java"), Path.of("/etc/hostname"));
        Exercise exercise = Fixtures.workbook().exercises().get(0);

        StudentFiles files = StudentFiles.take(new Submission("a", "a", repo, false, repo, null), exercise)
                .orElseThrow();

        assertEquals(List.of("src/main/java/dev/lambdaworkbook/fixture/Calculator.java"),
                List.copyOf(files.files().keySet()));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void zip(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }
}
