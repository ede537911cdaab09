package dev.lambdaworkbook.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdaworkbook.checker.Fixtures;
import dev.lambdaworkbook.checker.compile.SuiteBuilder;
import dev.lambdaworkbook.checker.grade.ClassResults;
import dev.lambdaworkbook.checker.grade.ExerciseResult;
import dev.lambdaworkbook.checker.grade.Grader;
import dev.lambdaworkbook.checker.grade.PreparedSuite;
import dev.lambdaworkbook.checker.grade.Progress;
import dev.lambdaworkbook.checker.grade.ResultStore;
import dev.lambdaworkbook.checker.grade.SubmissionGrader;
import dev.lambdaworkbook.checker.grade.SuitePreparation;
import dev.lambdaworkbook.checker.run.SandboxLimits;
import dev.lambdaworkbook.checker.run.TestRunner;
import dev.lambdaworkbook.checker.scan.SubmissionScanner;
import dev.lambdaworkbook.checker.score.Scale;
import dev.lambdaworkbook.checker.score.Scorer;
import dev.lambdaworkbook.checker.score.StudentGrade;
import dev.lambdaworkbook.checker.submission.ClassFolder;
import dev.lambdaworkbook.checker.submission.Submission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Informes de una clase corregida")
class ClassReportsTest {

    @TempDir
    static Path folder;

    private static Path output;
    private static List<Submission> submissions;
    private static List<PreparedSuite> suites;
    private static Grader grader;
    private static ClassResults results;

    @BeforeAll
    static void gradeScenarios() throws Exception {
        SuiteBuilder builder = new SuiteBuilder(Fixtures.classpath(), folder.resolve("cache"));
        SandboxLimits limits = SandboxLimits.defaults().withTimes(Duration.ofSeconds(4), Duration.ofSeconds(30));
        SubmissionGrader submissionGrader = new SubmissionGrader(builder.harnessJar(), SubmissionScanner.NONE,
                new TestRunner(limits, List.of()), folder.resolve("trabajo"));
        suites = List.of(new SuitePreparation(builder, submissionGrader)
                .prepare(Fixtures.workbook().exercises().get(0)));
        submissions = ClassFolder.read(Fixtures.resource("escenarios"), folder.resolve("extraidas"));
        output = folder.resolve("notas");
        grader = new Grader(submissionGrader, new ResultStore(output.resolve(".resultados")), new Scorer(new Scale(10)),
                2);
        results = grader.grade(submissions, suites, Progress.NONE);
        Reports.write(results, output, "es");
    }

    @Test
    @DisplayName("notas.csv sigue la hoja de calificaciones de Moodle en español")
    void gradesCsv() throws Exception {
        List<String> lines = Files.readAllLines(output.resolve("notas.csv"));

        assertEquals("\"Identificador\",\"Nombre completo\",\"Calificación\",\"Última modificación (calificación)\","
                + "\"Ejercicio 90\",\"Observaciones\"", lines.get(0));
        assertEquals(7, lines.size(), "Cabecera y una fila por escenario: " + lines);
        assertTrue(lines.contains(row("parcial", "3,33")), "2 de 6 puntos: " + lines);
        assertTrue(lines.contains(row("todo-bien", "10,00")), lines.toString());
        assertTrue(lines.contains(row("no-compila", "0,00", "Ejercicio 90: no compila")), lines.toString());
    }

    @Test
    @DisplayName("results.json sigue el formato de Gradescope")
    void resultsJson() throws Exception {
        JsonNode json = new ObjectMapper().readTree(output.resolve("alumnos/parcial/results.json").toFile());

        assertEquals(3.33, json.path("score").asDouble(), 0.001);
        assertEquals(10.0, json.path("max_score").asDouble(), 0.001);
        assertEquals(3, json.path("tests").size());
        JsonNode hidden = json.path("tests").get(2);
        assertEquals("after_published", hidden.path("visibility").asText(), "La prueba oculta: " + hidden);
        assertEquals("failed", hidden.path("status").asText());
        assertEquals(10.0 / 6, hidden.path("max_score").asDouble(), 0.001, "1 de los 6 puntos de la nota.");
        assertEquals("visible", json.path("tests").get(0).path("visibility").asText());
    }

    @Test
    @DisplayName("el feedback nombra la prueba fallida, su mensaje y el lugar probable")
    void feedback() throws Exception {
        String markdown = Files.readString(output.resolve("alumnos/parcial/feedback.md"));
        String starter = Feedback.markdown(results.grades().get(0), results.scale());

        assertTrue(markdown.contains("### ✘ Calculadora › multiplica enteros"), markdown);
        assertTrue(markdown.contains("Se esperaba 6 al multiplicar 2 × 3."), markdown);
        assertTrue(Files.readString(output.resolve("alumnos/se-cuelga/feedback.html")).contains("tiempo agotado"));
        assertTrue(starter.contains("Corrección de imprime-mucho"), starter);
    }

    @Test
    @DisplayName("una segunda pasada reutiliza todo y da las mismas notas")
    void secondRunReusesEverything() throws Exception {
        ClassResults again = grader.grade(submissions, suites, Progress.NONE);

        assertEquals(6, again.reused(), "Se reutilizan los seis resultados, también el que no compila.");
        assertEquals(results.grades().stream().map(grade -> grade.total()).toList(),
                again.grades().stream().map(grade -> grade.total()).toList());
    }

    @Test
    @DisplayName("avisa de las filas de notas.csv que Moodle no asociará a nadie al importarlas")
    void warnsAboutRowsMoodleCannotMatch() {
        List<String> warnings = GradesCsv.warnings(results);

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("6 entregas no vienen de una descarga de Moodle ("), warnings.get(0));
        assertTrue(warnings.get(0).contains(" y 3 más): "), warnings.get(0));
    }

    @Test
    @DisplayName("las tasas de acierto no cuentan a quien no entregó el ejercicio")
    void passRatesIgnoreMissingExercises() {
        PreparedSuite suite = suites.get(0);
        StudentGrade absent = new Scorer(new Scale(10)).grade(submissions.get(0), List.of(ExerciseResult.notRun(
                suite.id(), ExerciseResult.State.NOT_SUBMITTED, "sin carpeta", suite.plan())), List.of(suite.plan()));
        List<StudentGrade> grades = new ArrayList<>(results.grades());
        grades.add(absent);
        ClassResults withAbsent = new ClassResults(results.suites(), grades, results.scale(), 0, 0,
                results.elapsed(), results.finishedAt());

        assertEquals(ClassReport.passRates(results), ClassReport.passRates(withAbsent));
    }

    @Test
    @DisplayName("el informe de clase se dibuja en Chromium con histograma y tasas de acierto")
    void classReportInBrowser() throws Exception {
        Chromium.require();
        Path page = output.resolve("informe.html");

        String dom = Chromium.dumpDom(page, folder.resolve("perfil"));
        Chromium.screenshot(page, folder.resolve("perfil"), output.resolve("informe.png"));

        assertEquals(10, count(dom, "<rect class=\"barra\""), "Diez barras en el histograma.");
        assertEquals(3, count(dom, "<rect class=\"tasa\""), "Una barra por prueba puntuada.");
        Matcher first = Pattern.compile("<svg id=\"pruebas\".*?<text[^>]*>([^<]*)<title>", Pattern.DOTALL)
                .matcher(dom);
        assertTrue(first.find(), "Falta el gráfico de pruebas");
        assertTrue(first.group(1).startsWith("90 · T2 · multiplica"), "Primero la más fallada: " + first.group(1));
        assertTrue(Files.size(output.resolve("informe.png")) > 10_000, "La captura no está vacía.");
    }

    private static String row(String id, String mark) {
        return row(id, mark, "");
    }

    private static String row(String id, String mark, String observations) {
        return "\"" + id + "\",\"" + id + "\",\"" + mark + "\",\"" + results.finishedAt().format(
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "\",\"" + mark + "\",\""
                + observations + "\"";
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
