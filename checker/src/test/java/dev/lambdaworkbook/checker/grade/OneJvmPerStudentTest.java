package dev.lambdaworkbook.checker.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.checker.Fixtures;
import dev.lambdaworkbook.checker.compile.SuiteBuilder;
import dev.lambdaworkbook.checker.grade.SubmissionGrader.Job;
import dev.lambdaworkbook.checker.run.SandboxLimits;
import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.run.TestRunner;
import dev.lambdaworkbook.checker.run.TestStatus;
import dev.lambdaworkbook.checker.scan.SubmissionScanner;
import dev.lambdaworkbook.checker.submission.StudentFiles;
import dev.lambdaworkbook.checker.workbook.Exercise;
import dev.lambdaworkbook.checker.workbook.Workbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One child JVM runs all of a student's exercises. An exercise that ends the JVM or hangs must cost only its own
 * tests: the exercise after it, in the same request, gets exactly the results it gets in a JVM of its own. The
 * static checks are off, so that the attacks of the hostile corpus really run.
 */
@DisplayName("Una JVM por alumno: un ejercicio que ataca no cambia la nota de los demás")
class OneJvmPerStudentTest {

    private static final SandboxLimits LIMITS = new SandboxLimits(Duration.ofSeconds(3), Duration.ofSeconds(10),
            "256m", "1m", 16 * 1024);

    private static SubmissionGrader grader;
    private static PreparedSuite sums;
    private static PreparedSuite schedule;

    @BeforeAll
    static void prepare() throws Exception {
        Workbook workbook = Fixtures.realWorkbook();
        List<Exercise> exercises = workbook.select(List.of("07", "03"));
        SuiteBuilder builder = new SuiteBuilder(Fixtures.classpath(), workbook.root().resolve("target/corrector"));
        Path work = Files.createTempDirectory("una-jvm-");
        grader = new SubmissionGrader(builder.harnessJar(), SubmissionScanner.NONE, new TestRunner(LIMITS, List.of()),
                work);
        List<PreparedSuite> suites = new SuitePreparation(builder, grader).prepare(exercises);
        sums = suites.stream().filter(suite -> suite.id().equals("07")).findFirst().orElseThrow();
        schedule = suites.stream().filter(suite -> suite.id().equals("03")).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} en el ejercicio 07")
    @ValueSource(strings = {"salida-y-exit", "runtime-halt", "bucle-infinito"})
    @DisplayName("El ejercicio 03, que va después, saca lo mismo que en su propia JVM")
    void attackCostsOnlyItsExercise(String attack) throws Exception {
        StudentFiles hostile = StudentFiles.fromExerciseLayout(
                Fixtures.resource("hostil").resolve(attack).resolve("exercises/07"), sums.suite().exercise());
        StudentFiles reference = SuitePreparation.referenceFiles(schedule.suite().exercise());

        List<ExerciseResult> together = grader.grade(List.of(new Job(sums.suite(), hostile, sums.plan()),
                new Job(schedule.suite(), reference, schedule.plan())), sums.runtime());
        ExerciseResult alone = grader.grade(schedule, reference);

        assertEquals(statuses(alone), statuses(together.get(1)), "Resultados del ejercicio 03 tras '" + attack
                + "' en el 07, frente a los de su propia JVM");
        assertTrue(alone.tests().stream().allMatch(test -> test.status() == TestStatus.PASSED),
                "La referencia del 03 debe pasarlo todo: " + statuses(alone));
        assertTrue(together.get(0).tests().stream().anyMatch(test -> test.status() != TestStatus.PASSED),
                "El ataque '" + attack + "' debe perder alguna prueba del 07: " + statuses(together.get(0)));
    }

    private static Map<String, TestStatus> statuses(ExerciseResult result) {
        Map<String, TestStatus> statuses = new LinkedHashMap<>();
        for (TestResult test : result.tests()) {
            statuses.put(test.fullName(), test.status());
        }
        return statuses;
    }
}
