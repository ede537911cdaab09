package dev.lambdaworkbook.kit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.kit.context.OutputCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds the checker report files shaped like those Surefire 3.5 writes with the JUnit 5 XML reporter. */
@DisplayName("StarterMustFail")
class StarterMustFailTest {

    @TempDir
    Path target;

    private static final String PASSED = """
              <testcase name="pasa" classname="Tarea 1: suma" time="0.01"/>
            """;
    private static final String FAILED = """
              <testcase name="falla" classname="Tarea 1: suma" time="0.01">
                <failure message="se esperaba 200" type="org.opentest4j.AssertionFailedError"><![CDATA[traza]]></failure>
                <system-out><![CDATA[salida]]></system-out>
              </testcase>
            """;
    private static final String ERROR = """
              <testcase name="lanza" classname="Tarea 2: errores" time="0.01">
                <error message="Tarea 2 sin hacer" type="java.lang.UnsupportedOperationException"/>
              </testcase>
            """;
    private static final String SKIPPED = """
              <testcase name="omitida" classname="Tarea 3: otra" time="0">
                <skipped message="pendiente"/>
              </testcase>
            """;

    /** Writes a report whose root counts are zero, as Surefire leaves them when the tests sit in @Nested classes. */
    private Path report(String name, String... testCases) throws IOException {
        Path reports = Files.createDirectories(target.resolve("surefire-reports"));
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"Ejercicio 07: API suma\" time=\"0.1\" tests=\"0\" errors=\"0\" skipped=\"0\" "
                + "failures=\"0\">\n  <properties><property name=\"java.version\" value=\"17\"/></properties>\n"
                + String.join("", testCases) + "</testsuite>\n";
        Files.writeString(reports.resolve("TEST-" + name + ".xml"), xml, StandardCharsets.UTF_8);
        return reports;
    }

    private String runMain(Path reports, String packaging) throws IOException {
        try (OutputCapture output = OutputCapture.start()) {
            StarterMustFail.main(new String[] {reports.toString(), "/repo/exercises/07", packaging});
            return output.stdout();
        }
    }

    @Test
    @DisplayName("cuenta los casos y sus fallos y errores, no los totales de la raíz del informe")
    void countsTestCases() throws IOException {
        Path reports = report("dev.lambdaworkbook.sum.SumHandlerTest", PASSED, FAILED, ERROR, SKIPPED);
        report("dev.lambdaworkbook.sum.OtherTest", FAILED);

        StarterMustFail.Counts counts = StarterMustFail.read(reports);

        assertEquals(new StarterMustFail.Counts(5, 3), counts);
    }

    @Test
    @DisplayName("un código inicial que falla alguna prueba se acepta y lo dice")
    void acceptsFailingStarter() throws IOException {
        Path reports = report("dev.lambdaworkbook.sum.SumHandlerTest", PASSED, FAILED);

        String printed = runMain(reports, "jar");

        assertEquals("Ejercicio 07: el código inicial falla 1 de 2 pruebas, como debe.", printed.strip());
    }

    @Test
    @DisplayName("un código inicial que pasa todas las pruebas se rechaza")
    void rejectsPassingStarter() throws IOException {
        Path reports = report("dev.lambdaworkbook.sum.SumHandlerTest", PASSED, PASSED, SKIPPED);

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> runMain(reports, "jar"));

        assertTrue(error.getMessage().startsWith("El código inicial del ejercicio 07 pasa las 3 pruebas"),
                error.getMessage());
    }

    @Test
    @DisplayName("sin informes, o con informes sin casos, se rechaza porque no corrió ninguna prueba")
    void rejectsNoTests() throws IOException {
        Path missing = target.resolve("no-existe");
        Path empty = report("dev.lambdaworkbook.sum.SumHandlerTest");

        IllegalStateException noFolder = assertThrows(IllegalStateException.class, () -> runMain(missing, "jar"));
        IllegalStateException noCases = assertThrows(IllegalStateException.class, () -> runMain(empty, "jar"));

        assertTrue(noFolder.getMessage().startsWith("El ejercicio 07 no ejecutó ninguna prueba"), noFolder.getMessage());
        assertTrue(noCases.getMessage().contains("'" + empty + "'"), noCases.getMessage());
    }

    @Test
    @DisplayName("solo lee los ficheros TEST-*.xml")
    void onlyTestReports() throws IOException {
        Path reports = report("dev.lambdaworkbook.sum.SumHandlerTest", FAILED);
        Files.writeString(reports.resolve("dev.lambdaworkbook.sum.SumHandlerTest.txt"), "no es XML");

        StarterMustFail.Counts counts = StarterMustFail.read(reports);

        assertEquals(new StarterMustFail.Counts(1, 1), counts);
    }

    @Test
    @DisplayName("un módulo pom no tiene suite y se pasa por alto")
    void skipsPom() throws IOException {
        String printed = runMain(target.resolve("no-existe"), "pom");

        assertEquals("", printed);
    }

    @Test
    @DisplayName("un informe que no es XML da un error que lo nombra")
    void unreadableReport() throws IOException {
        Path reports = Files.createDirectories(target.resolve("surefire-reports"));
        Path broken = Files.writeString(reports.resolve("TEST-roto.xml"), "<testsuite><testcase>");

        IOException error = assertThrows(IOException.class, () -> StarterMustFail.read(reports));

        assertEquals("Informe de Surefire ilegible: '" + broken + "'", error.getMessage());
    }

    @Test
    @DisplayName("con otro número de argumentos explica el uso")
    void usage() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> StarterMustFail.main(new String[] {"solo-uno"}));

        assertTrue(error.getMessage().startsWith("Uso: StarterMustFail"), error.getMessage());
    }
}
