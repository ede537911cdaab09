package dev.lambdaworkbook.checker.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.checker.Fixtures;
import dev.lambdaworkbook.checker.compile.SuiteBuilder;
import dev.lambdaworkbook.checker.grade.SubmissionGrader;
import dev.lambdaworkbook.checker.grade.SuitePreparation;
import dev.lambdaworkbook.checker.run.SandboxLimits;
import dev.lambdaworkbook.checker.run.TestRunner;
import dev.lambdaworkbook.checker.scan.SubmissionScanner;
import dev.lambdaworkbook.checker.workbook.ClasspathSource;
import dev.lambdaworkbook.checker.workbook.MavenClasspath;
import dev.lambdaworkbook.checker.workbook.Workbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corrector verificar} as part of the build: one test per check of every exercise of the real workbook, and
 * the same checks on the fixture workbook, whose mistake and starter are known.
 */
@DisplayName("Verificación del cuaderno")
class WorkbookVerificationTest {

    @TempDir
    static Path folder;

    @Test
    @DisplayName("el cuaderno de prueba: referencia, código inicial y error del catálogo")
    void fixtureWorkbook() throws Exception {
        List<Check> checks = verify(Fixtures.workbook(), Fixtures.classpath(), folder.resolve("prueba"));

        assertTrue(checks.stream().allMatch(Check::passed), checks.toString());
        Check mistake = checks.stream().filter(check -> check.subject().startsWith("error «multiplica-sumando»"))
                .findFirst().orElseThrow();
        assertTrue(mistake.detail().contains("Se esperaba 6 al multiplicar 2 × 3."),
                "Se muestra el mensaje que recibe el error: " + mistake.detail());
    }

    @TestFactory
    @DisplayName("cada ejercicio del cuaderno real")
    Stream<DynamicTest> realWorkbook() throws Exception {
        Workbook workbook = Fixtures.realWorkbook();
        Path cache = workbook.root().resolve("target/corrector");
        Files.createDirectories(cache);
        List<Check> checks = verify(workbook, new MavenClasspath(workbook, cache, System.out::println),
                folder.resolve("real"));

        return checks.stream().map(check -> DynamicTest.dynamicTest(check.exercise() + " · " + check.subject(),
                () -> {
                    System.out.println(check.exercise() + " " + (check.warning() ? "⚠ " : "") + check.subject()
                            + ": " + check.summary() + (check.detail().isBlank() ? "" : "\n" + check.detail()));
                    assertTrue(check.passed(), check.summary() + "\n" + check.detail());
                }));
    }

    private static List<Check> verify(Workbook workbook, ClasspathSource classpaths, Path work) throws Exception {
        SuiteBuilder builder = new SuiteBuilder(classpaths, work.resolve("cache"));
        SubmissionGrader grader = new SubmissionGrader(builder.harnessJar(), SubmissionScanner.NONE,
                new TestRunner(SandboxLimits.defaults(), List.of()), work.resolve("trabajo"));
        return new WorkbookVerifier(new SuitePreparation(builder, grader), grader, 2).verify(workbook.exercises());
    }
}
