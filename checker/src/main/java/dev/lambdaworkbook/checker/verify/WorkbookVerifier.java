package dev.lambdaworkbook.checker.verify;

import dev.lambdaworkbook.checker.CheckerException;
import dev.lambdaworkbook.checker.grade.ExerciseResult;
import dev.lambdaworkbook.checker.grade.PreparedSuite;
import dev.lambdaworkbook.checker.grade.SubmissionGrader;
import dev.lambdaworkbook.checker.grade.SuitePreparation;
import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.run.TestStatus;
import dev.lambdaworkbook.checker.score.ExerciseScore;
import dev.lambdaworkbook.checker.score.Scale;
import dev.lambdaworkbook.checker.score.Scorer;
import dev.lambdaworkbook.checker.submission.StudentFiles;
import dev.lambdaworkbook.checker.workbook.Exercise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Proves that an exercise grades as intended: the reference earns every point, the starter compiles and does not,
 * and each typical mistake of the catalogue ({@code solutions/NN/errores/<nombre>/}, holding only the files that
 * differ from the reference) fails at least one test, whose message is shown so its wording can be reviewed.
 */
public final class WorkbookVerifier {

    private static final int FAILURES_SHOWN = 3;

    private final SuitePreparation preparation;
    private final SubmissionGrader grader;
    private final Scorer scorer = new Scorer(new Scale(100));
    private final int parallelism;

    public WorkbookVerifier(SuitePreparation preparation, SubmissionGrader grader, int parallelism) {
        this.preparation = preparation;
        this.grader = grader;
        this.parallelism = parallelism;
    }

    /**
     * Runs every check of the exercises; an exercise that cannot be prepared yields one failed check. Exercises
     * are prepared one after another, and the starters and mistakes of all of them then run in parallel.
     */
    public List<Check> verify(List<Exercise> exercises) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<Check>> checks = new ArrayList<>();
            for (Exercise exercise : exercises) {
                checks.addAll(submit(exercise, pool));
            }
            List<Check> done = new ArrayList<>();
            for (Future<Check> check : checks) {
                done.add(check.get());
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Future<Check>> submit(Exercise exercise, ExecutorService pool) {
        PreparedSuite suite;
        try {
            suite = preparation.prepare(exercise);
        } catch (CheckerException unprepared) {
            return List.of(CompletableFuture.completedFuture(
                    new Check(exercise.id(), "preparación", false, unprepared.getMessage(), "")));
        }
        List<Future<Check>> checks = new ArrayList<>();
        checks.add(CompletableFuture.completedFuture(reference(suite)));
        checks.add(pool.submit(() -> starter(suite)));
        for (Path mistake : exercise.mistakes()) {
            checks.add(pool.submit(() -> mistake(suite, mistake)));
        }
        if (exercise.mistakes().isEmpty()) {
            checks.add(CompletableFuture.completedFuture(new Check(exercise.id(), "catálogo de errores", true,
                    "no hay ningún error típico en " + exercise.solution().resolve("errores") + "; añade al menos "
                            + "uno", "", true)));
        }
        return checks;
    }

    private Check reference(PreparedSuite suite) {
        if (suite.reference().state() != ExerciseResult.State.GRADED) {
            return new Check(suite.id(), "referencia", false, suite.reference().state().label()
                    + ": la referencia debe compilar, pasar el análisis previo y ejecutarse",
                    suite.reference().detail());
        }
        ExerciseScore score = scorer.score(suite.reference(), suite.plan());
        boolean full = score.max() > 0 && score.earned() == score.max();
        List<String> ungraded = suite.plan().stream().filter(test -> !test.graded()).map(TestResult::fullName)
                .toList();
        String detail = failures(suite.reference(), Integer.MAX_VALUE)
                + (ungraded.isEmpty() ? "" : "\nPruebas sin @Graded (no puntúan): " + ungraded);
        String summary = score.max() == 0 ? "la suite no tiene pruebas con @Graded"
                : score.earned() + "/" + score.max() + " puntos" + (full ? "" : "; debe obtenerlos todos");
        return new Check(suite.id(), "referencia", full, summary, detail.strip());
    }

    private Check starter(PreparedSuite suite) throws IOException, InterruptedException {
        Exercise exercise = suite.suite().exercise();
        ExerciseResult result = run(suite, StudentFiles.fromExerciseLayout(exercise.folder(), exercise));
        ExerciseScore score = scorer.score(result, suite.plan());
        if (result.state() != ExerciseResult.State.GRADED) {
            return new Check(exercise.id(), "código inicial", false, result.state().label() + ": el alumno debe "
                    + "recibir código que compile", result.detail());
        }
        boolean below = score.earned() < score.max();
        return new Check(exercise.id(), "código inicial", below, "compila y obtiene " + score.earned() + "/"
                + score.max() + " puntos" + (below ? "" : "; no debe obtenerlos todos"), "");
    }

    private Check mistake(PreparedSuite suite, Path folder) throws IOException, InterruptedException {
        Exercise exercise = suite.suite().exercise();
        StudentFiles files = SuitePreparation.referenceFiles(exercise)
                .overlaidWith(StudentFiles.fromExerciseLayout(folder, exercise));
        ExerciseResult result = run(suite, files);
        long failed = result.tests().stream().filter(test -> test.graded() && !test.status().passed()
                && test.status() != TestStatus.SKIPPED).count();
        String subject = "error «" + folder.getFileName() + "»" + description(folder);
        if (result.state() != ExerciseResult.State.GRADED) {
            return new Check(exercise.id(), subject, false, result.state().label() + ": un error del catálogo debe "
                    + "ejecutarse y fallar alguna prueba", result.detail());
        }
        String summary = failed > 0 ? "falla " + failed + (failed == 1 ? " prueba" : " pruebas")
                : "pasa todas las pruebas; debe fallar al menos una";
        return new Check(exercise.id(), subject, failed > 0, summary, failures(result, FAILURES_SHOWN));
    }

    private ExerciseResult run(PreparedSuite suite, StudentFiles files) throws IOException, InterruptedException {
        return grader.grade(suite, files);
    }

    private static String description(Path folder) throws IOException {
        Path file = folder.resolve("descripcion.txt");
        return Files.isRegularFile(file) ? " (" + Files.readString(file).strip() + ")" : "";
    }

    private static String failures(ExerciseResult result, int max) {
        List<TestResult> failed = result.tests().stream()
                .filter(test -> test.graded() && !test.status().passed() && test.status() != TestStatus.SKIPPED)
                .toList();
        String shown = failed.stream().limit(max)
                .map(test -> "✘ " + test.fullName() + "\n    " + firstLine(test.message()))
                .collect(Collectors.joining("\n"));
        return failed.size() > max ? shown + "\n… y " + (failed.size() - max) + " pruebas más" : shown;
    }

    private static String firstLine(String message) {
        return message == null ? "(sin mensaje)" : message.lines().findFirst().orElse("");
    }
}
