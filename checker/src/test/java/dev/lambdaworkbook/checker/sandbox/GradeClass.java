package dev.lambdaworkbook.checker.sandbox;

import dev.lambdaworkbook.checker.Fixtures;
import dev.lambdaworkbook.checker.compile.SuiteBuilder;
import dev.lambdaworkbook.checker.grade.ClassResults;
import dev.lambdaworkbook.checker.grade.Grader;
import dev.lambdaworkbook.checker.grade.PreparedSuite;
import dev.lambdaworkbook.checker.grade.Progress;
import dev.lambdaworkbook.checker.grade.ResultStore;
import dev.lambdaworkbook.checker.grade.SubmissionGrader;
import dev.lambdaworkbook.checker.grade.SuitePreparation;
import dev.lambdaworkbook.checker.policy.PolicyScanner;
import dev.lambdaworkbook.checker.report.Reports;
import dev.lambdaworkbook.checker.run.SandboxLimits;
import dev.lambdaworkbook.checker.run.TestRunner;
import dev.lambdaworkbook.checker.score.Scale;
import dev.lambdaworkbook.checker.score.Scorer;
import dev.lambdaworkbook.checker.submission.ClassFolder;
import dev.lambdaworkbook.checker.workbook.Exercise;
import dev.lambdaworkbook.checker.workbook.Workbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Grades exercise 07 of a class folder as {@code corrector calificar} does, in its own JVM, so that a test can
 * kill it with SIGKILL halfway. Arguments: the class folder, the output folder, a work folder. Prints
 * {@code reutilizados=N} when it ends.
 */
public final class GradeClass {

    static final SandboxLimits LIMITS = new SandboxLimits(Duration.ofSeconds(2), Duration.ofSeconds(6), "256m",
            "1m", 16 * 1024);

    private GradeClass() {
    }

    public static void main(String[] args) throws Exception {
        Path classFolder = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        Workbook workbook = Fixtures.realWorkbook();
        Exercise exercise = workbook.select(List.of("07")).get(0);
        SuiteBuilder builder = new SuiteBuilder(Fixtures.classpath(), workbook.root().resolve("target/corrector"));
        SubmissionGrader grader = new SubmissionGrader(builder.harnessJar(), PolicyScanner.shipped(),
                new TestRunner(LIMITS, Sandbox.configured()), work);
        PreparedSuite suite = new SuitePreparation(builder, grader).prepare(exercise);
        Grader classGrader = new Grader(grader, new ResultStore(output.resolve(".resultados")),
                new Scorer(new Scale(10)), 2);
        ClassResults results = classGrader.grade(ClassFolder.read(classFolder, output.resolve(".entregas")),
                List.of(suite), Progress.NONE);
        Reports.write(results, output, "es");
        System.out.println("reutilizados=" + results.reused());
        System.exit(0);
    }
}
