package dev.lambdaworkbook.checker.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lambdaworkbook.checker.grade.ClassResults;
import dev.lambdaworkbook.checker.report.Reports;
import dev.lambdaworkbook.checker.run.RunRequest;
import dev.lambdaworkbook.checker.score.Scale;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Aislamiento del sistema operativo para la JVM de las pruebas")
class SandboxTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("Sin aislamiento, el aviso lo dice y el prefijo está vacío")
    void none() throws IOException {
        Sandbox sandbox = Sandbox.detect(Sandbox.Level.NONE);

        assertEquals(Sandbox.Level.NONE, sandbox.level(), "Nivel");
        assertEquals(List.of(), sandbox.prefix(request(folder)), "Prefijo sin aislamiento");
        assertTrue(sandbox.warnings().get(0).contains("desactivado"), sandbox.warnings().toString());
    }

    @Test
    @DisplayName("Con unshare, el proceso solo ve la interfaz de loopback, activa")
    void networkNamespace() throws Exception {
        Sandbox sandbox = Sandbox.detect(Sandbox.Level.NETWORK);
        assumeTrue(sandbox.level() == Sandbox.Level.NETWORK, "unshare no funciona aquí: " + sandbox.warnings());

        String interfaces = run(sandbox.prefix(request(folder)), "cat /proc/net/dev | tail -n +3");

        assertEquals(1, interfaces.lines().count(), "Interfaces de red visibles: " + interfaces);
        assertTrue(interfaces.strip().startsWith("lo:"), "La única interfaz debe ser lo: " + interfaces);
    }

    @Test
    @DisplayName("La JVM de las pruebas no escribe volcados de memoria")
    void noCoreDumps() throws Exception {
        Sandbox sandbox = Sandbox.detect();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "No hay prlimit (util-linux) en /usr/bin");

        String limit = run(sandbox.prefix(request(folder)), "ulimit -c");

        assertEquals("0", limit.strip(), "Tamaño máximo de un volcado de memoria (ulimit -c)");
    }

    @Test
    @DisplayName("Con bubblewrap, no se ve la carpeta personal y solo HOME y /tmp admiten escritura")
    void bubblewrap() throws Exception {
        Sandbox sandbox = Sandbox.detect(Sandbox.Level.BUBBLEWRAP);
        assumeTrue(sandbox.level() == Sandbox.Level.BUBBLEWRAP, "bubblewrap no funciona aquí: "
                + sandbox.warnings());
        Path secret = Files.writeString(folder.resolve("secreto.txt"), "no debe verse");
        Path work = Files.createDirectories(folder.resolve("trabajo"));

        String output = run(sandbox.prefix(request(work)), "cat " + secret + " 2>&1; "
                + "touch " + work.resolve("fuera.txt") + " 2>&1; touch " + work.resolve("home/dentro.txt")
                + " && echo home-escribible; touch /tmp/x && echo tmp-escribible; cat /proc/net/dev | tail -n +3");

        assertTrue(output.contains("No such file or directory"), "La carpeta del secreto no debe montarse: "
                + output);
        assertTrue(output.contains("Read-only file system"), "La carpeta de trabajo es de solo lectura: " + output);
        assertTrue(output.contains("home-escribible"), "HOME debe admitir escritura: " + output);
        assertTrue(output.contains("tmp-escribible"), "/tmp debe admitir escritura: " + output);
        assertTrue(Files.notExists(work.resolve("home/dentro.txt")), "HOME es un tmpfs privado, no la carpeta real");
        assertEquals(1, output.lines().filter(line -> line.contains(":") && line.contains("lo:")).count(), output);
    }

    @Test
    @DisplayName("Con bubblewrap, la carpeta de datos de una opción -D se lee pero no se escribe")
    void dataFolderReadOnly() throws Exception {
        Sandbox sandbox = Sandbox.detect(Sandbox.Level.BUBBLEWRAP);
        assumeTrue(sandbox.level() == Sandbox.Level.BUBBLEWRAP, "bubblewrap no funciona aquí: "
                + sandbox.warnings());
        Path data = Files.createDirectories(folder.resolve("compartido/datos"));
        Files.writeString(data.resolve("ticks.csv"), "fila compartida");
        Path missing = folder.resolve("otra/no-existe");
        Path work = Files.createDirectories(folder.resolve("trabajo"));
        RunRequest request = new RunRequest(List.of(), List.of("-Dworkbook.ticks.cache=" + data,
                "-Dotra.cosa=" + missing), List.of(), work);
        Files.createDirectories(work.resolve("home"));
        Files.createDirectories(work.resolve("tmp"));

        String output = run(sandbox.prefix(request), "cat " + data.resolve("ticks.csv") + "; echo x > "
                + data.resolve("ticks.csv") + " 2>&1; touch " + data.resolve("nuevo.csv") + " 2>&1; ls "
                + missing.getParent() + " 2>&1");

        assertTrue(output.contains("fila compartida"), "La carpeta de datos debe leerse: " + output);
        assertEquals("fila compartida", Files.readString(data.resolve("ticks.csv")), "No debe poder cambiarse");
        assertTrue(Files.notExists(data.resolve("nuevo.csv")), "No deben crearse ficheros en ella: " + output);
        assertTrue(output.contains("No such file or directory"), "Una ruta -D que no existe no se monta: " + output);
    }

    @Test
    @DisplayName("Los avisos del aislamiento aparecen en el informe de la clase")
    void warningsInClassReport() throws IOException {
        ClassResults empty = new ClassResults(List.of(), List.of(), new Scale(10), 0, 0, Duration.ZERO,
                ZonedDateTime.now());
        String warning = Sandbox.detect(Sandbox.Level.NONE).warnings().get(0);

        Reports.write(empty, folder, "es", List.of(warning));

        String report = Files.readString(folder.resolve("informe.html"), StandardCharsets.UTF_8);
        assertTrue(report.contains("<h2>Avisos</h2>"), "informe.html no tiene la sección de avisos: " + report);
        assertTrue(report.contains("aislamiento del sistema operativo está desactivado"),
                "informe.html no muestra el aviso: " + report);
    }

    private static RunRequest request(Path work) throws IOException {
        Files.createDirectories(work.resolve("home"));
        Files.createDirectories(work.resolve("tmp"));
        return new RunRequest(List.of(), List.of(), List.of(), work);
    }

    private static String run(List<String> prefix, String script) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("/bin/sh", "-c", script));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }
}
