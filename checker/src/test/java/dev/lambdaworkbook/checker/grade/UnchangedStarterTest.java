package dev.lambdaworkbook.checker.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdaworkbook.checker.Fixtures;
import dev.lambdaworkbook.checker.compile.SuiteBuilder;
import dev.lambdaworkbook.checker.run.SandboxLimits;
import dev.lambdaworkbook.checker.run.TestRunner;
import dev.lambdaworkbook.checker.scan.SubmissionScanner;
import dev.lambdaworkbook.checker.score.Scale;
import dev.lambdaworkbook.checker.score.Scorer;
import dev.lambdaworkbook.checker.submission.ClassFolder;
import dev.lambdaworkbook.checker.submission.Submission;
import dev.lambdaworkbook.checker.workbook.Exercise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Un ejercicio entregado tal como viene en el código de partida")
class UnchangedStarterTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("vale 0 sin ejecutar las pruebas; con un solo cambio se califica")
    void unchangedStarterScoresZero() throws Exception {
        Exercise exercise = Fixtures.workbook().exercises().get(0);
        Path students = Files.createDirectories(folder.resolve("clase"));
        copyStarter(exercise, students.resolve("sin-tocar"));
        Path touched = copyStarter(exercise, students.resolve("con-un-comentario"));
        try (Stream<Path> sources = Files.walk(touched.resolve("exercises/90/src/main/java"))) {
            Path source = sources.filter(Files::isRegularFile).findFirst().orElseThrow();
            Files.writeString(source, Files.readString(source) + "\n// empiezo mañana\n");
        }

        SuiteBuilder builder = new SuiteBuilder(Fixtures.classpath(), folder.resolve("cache"));
        SandboxLimits limits = SandboxLimits.defaults().withTimes(Duration.ofSeconds(4), Duration.ofSeconds(30));
        SubmissionGrader submissionGrader = new SubmissionGrader(builder.harnessJar(), SubmissionScanner.NONE,
                new TestRunner(limits, List.of()), folder.resolve("trabajo"));
        List<PreparedSuite> suites = List.of(new SuitePreparation(builder, submissionGrader).prepare(exercise));
        List<Submission> submissions = ClassFolder.read(students, folder.resolve("extraidas"));
        Grader grader = new Grader(submissionGrader, new ResultStore(folder.resolve("resultados")),
                new Scorer(new Scale(10)), 2);

        ClassResults results = grader.grade(submissions, suites, Progress.NONE);

        for (var grade : results.grades()) {
            ExerciseResult result = grade.results().get(0);
            if (grade.submission().id().equals("sin-tocar")) {
                assertEquals(ExerciseResult.State.UNCHANGED, result.state(), result.detail());
                assertEquals(0.0, grade.total(), 0.0);
            } else {
                assertEquals(ExerciseResult.State.GRADED, result.state(), result.detail());
            }
        }
        assertEquals(1, results.graded(), "Solo se compila y ejecuta la entrega con cambios.");
    }

    /** Copies the exercise's starter files into a student folder laid out like the workbook. */
    private static Path copyStarter(Exercise exercise, Path student) throws IOException {
        Path target = student.resolve("exercises").resolve(exercise.id());
        try (Stream<Path> files = Files.walk(exercise.folder())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(exercise.folder().relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        return student;
    }
}
