package dev.lambdaworkbook.checker.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.checker.Fixtures;
import dev.lambdaworkbook.checker.compile.SuiteBuilder;
import dev.lambdaworkbook.checker.run.SandboxLimits;
import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.run.TestRunner;
import dev.lambdaworkbook.checker.run.TestStatus;
import dev.lambdaworkbook.checker.scan.SubmissionScanner;
import dev.lambdaworkbook.checker.score.ExerciseScore;
import dev.lambdaworkbook.checker.score.Scale;
import dev.lambdaworkbook.checker.score.Scorer;
import dev.lambdaworkbook.checker.submission.StudentFiles;
import dev.lambdaworkbook.checker.submission.Submission;
import dev.lambdaworkbook.checker.workbook.Exercise;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Corrección de una entrega en una JVM hija")
class SubmissionGraderTest {

    private static final String ADDS = "2 + 3 da 5";
    private static final String MULTIPLIES = "multiplica enteros";
    private static final String HIDDEN = "multiplica por uno";

    @TempDir
    static Path folder;

    private static Exercise exercise;
    private static PreparedSuite suite;
    private static SubmissionGrader grader;
    private static final Scorer SCORER = new Scorer(new Scale(10));

    @BeforeAll
    static void prepareSuite() {
        exercise = Fixtures.workbook().exercises().get(0);
        SuiteBuilder builder = new SuiteBuilder(Fixtures.classpath(), folder.resolve("cache"));
        SandboxLimits limits = SandboxLimits.defaults().withTimes(Duration.ofSeconds(4), Duration.ofSeconds(30));
        grader = new SubmissionGrader(builder.harnessJar(), SubmissionScanner.NONE, new TestRunner(limits, List.of()),
                folder.resolve("trabajo"));
        suite = new SuitePreparation(builder, grader).prepare(exercise);
    }

    @Test
    @DisplayName("la referencia pasa las pruebas visibles y las ocultas")
    void referencePassesEverything() {
        Map<String, TestResult> tests = byName(suite.reference());

        assertEquals(List.of(ADDS, MULTIPLIES, HIDDEN), List.copyOf(tests.keySet()),
                "El plan debe tener las pruebas visibles primero y después las ocultas.");
        assertTrue(tests.values().stream().allMatch(test -> test.status() == TestStatus.PASSED),
                "La referencia debe pasar todas: " + tests.values());
        assertTrue(tests.get(HIDDEN).hidden(), "La prueba de CalculatorHiddenTest debe marcarse como oculta.");
        assertFalse(tests.get(ADDS).hidden(), "La prueba de CalculatorTest es visible.");
        assertEquals(6, SCORER.score(suite.reference(), suite.plan()).max(), "2 + 3 + 1 puntos en total.");
    }

    @Test
    @DisplayName("todo bien: 10 y nunca usa las pruebas del alumno")
    void allPass() throws Exception {
        StudentFiles files = files("todo-bien");

        ExerciseResult result = grade(files);

        assertEquals(List.of("src/main/java/dev/lambdaworkbook/fixture/Calculator.java"),
                List.copyOf(files.files().keySet()), "Solo se toman los ficheros de src/main/java.");
        assertEquals(ExerciseResult.State.GRADED, result.state());
        assertEquals(10.0, SCORER.score(result, suite.plan()).mark(), "Todas las pruebas pasan: " + result.tests());
    }

    @Test
    @DisplayName("parcial: puntos por tarea y el mensaje de la prueba")
    void partial() throws Exception {
        ExerciseResult result = grade(files("parcial"));

        ExerciseScore score = SCORER.score(result, suite.plan());
        Map<String, TestResult> tests = byName(result);
        assertEquals(2, score.earned(), "Solo la suma (2 puntos) pasa: " + result.tests());
        assertEquals(new ExerciseScore.TaskScore(1, 2, 2), score.tasks().get(1));
        assertEquals(new ExerciseScore.TaskScore(2, 0, 4), score.tasks().get(2));
        assertEquals(TestStatus.FAILED, tests.get(MULTIPLIES).status());
        assertTrue(tests.get(MULTIPLIES).message().startsWith("Se esperaba 6 al multiplicar 2 × 3."),
                "Llega el mensaje de la aserción: " + tests.get(MULTIPLIES).message());
    }

    @Test
    @DisplayName("no compila: estado, error de javac y ninguna prueba ejecutada")
    void doesNotCompile() throws Exception {
        ExerciseResult result = grade(files("no-compila"));

        assertEquals(ExerciseResult.State.COMPILE_ERROR, result.state());
        assertTrue(result.detail().contains("Calculator.java:6"), "Se nombran fichero y línea: " + result.detail());
        assertEquals(3, result.tests().size(), "Se listan las pruebas del plan aunque no se ejecuten.");
        assertTrue(result.tests().stream().allMatch(test -> test.status() == TestStatus.NOT_RUN
                && test.message().startsWith("tu código no compila")), "Cada prueba explica por qué no corrió.");
    }

    @Test
    @DisplayName("se cuelga: tiempo agotado en esa prueba y las demás conservan su resultado")
    void hangs() throws Exception {
        ExerciseResult result = grade(files("se-cuelga"));

        Map<String, TestResult> tests = byName(result);
        assertEquals(TestStatus.TIMED_OUT, tests.get(MULTIPLIES).status(), "La prueba colgada: " + result.tests());
        assertTrue(tests.get(MULTIPLIES).message().startsWith("tiempo agotado"), tests.get(MULTIPLIES).message());
        assertEquals(TestStatus.PASSED, tests.get(ADDS).status(), "La suma corrió antes.");
        assertEquals(TestStatus.PASSED, tests.get(HIDDEN).status(), "La oculta corre en una JVM nueva.");
        assertTrue(result.notes().stream().anyMatch(note -> note.startsWith("Se reinició la JVM")), result.notes()
                .toString());
    }

    @Test
    @DisplayName("System.exit: lo que no se ejecutó dice que la entrega terminó la JVM")
    void endsTheJvm() throws Exception {
        ExerciseResult result = grade(files("termina-la-jvm"));

        Map<String, TestResult> tests = byName(result);
        assertEquals(TestStatus.PASSED, tests.get(ADDS).status());
        for (String name : List.of(MULTIPLIES, HIDDEN)) {
            assertEquals(TestStatus.JVM_ENDED, tests.get(name).status(), name);
            assertEquals("la entrega terminó la JVM antes de terminar las pruebas", tests.get(name).message());
        }
        assertEquals(2, SCORER.score(result, suite.plan()).earned(), "Solo puntúa la suma.");
    }

    @Test
    @DisplayName("salida enorme: se recorta por prueba y la prueba puntúa")
    void floodsOutput() throws Exception {
        ExerciseResult result = grade(files("imprime-mucho"));

        TestResult adds = byName(result).get(ADDS);
        assertEquals(TestStatus.PASSED, adds.status());
        assertTrue(adds.output().length() < 20 * 1024, "Longitud guardada: " + adds.output().length());
        assertTrue(adds.output().endsWith("(salida recortada: se guardan 16384 bytes por prueba)"),
                adds.output().substring(adds.output().length() - 80));
    }

    @Test
    @DisplayName("código inicial: la excepción apunta al método del alumno")
    void starterPointsAtStudentCode() throws Exception {
        ExerciseResult result = grade(StudentFiles.fromExerciseLayout(exercise.folder(), exercise));

        TestResult adds = byName(result).get(ADDS);
        assertEquals("java.lang.UnsupportedOperationException", adds.exception());
        assertNotNull(adds.location(), "Se espera el marco del código del alumno.");
        assertEquals("dev/lambdaworkbook/fixture/Calculator.java:6", adds.location().sourcePath());
        assertEquals("add", adds.location().method());
    }

    private static ExerciseResult grade(StudentFiles files) throws Exception {
        return grader.grade(suite, files);
    }

    private static StudentFiles files(String scenario) {
        Path root = Fixtures.resource("escenarios").resolve(scenario);
        return StudentFiles.take(new Submission(scenario, scenario, root, false, root, null), exercise).orElseThrow();
    }

    private static Map<String, TestResult> byName(ExerciseResult result) {
        return result.tests().stream().collect(Collectors.toMap(TestResult::name, Function.identity(),
                (first, second) -> first, java.util.LinkedHashMap::new));
    }
}
