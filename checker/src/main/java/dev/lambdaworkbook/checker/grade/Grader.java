package dev.lambdaworkbook.checker.grade;

import dev.lambdaworkbook.checker.grade.ExerciseResult.State;
import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.score.Scorer;
import dev.lambdaworkbook.checker.score.StudentGrade;
import dev.lambdaworkbook.checker.submission.StudentFiles;
import dev.lambdaworkbook.checker.submission.Submission;
import dev.lambdaworkbook.checker.workbook.Fingerprint;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The grading pipeline for a class: for every student and exercise, reuse the saved result when the files and the
 * tests are unchanged, else compile, scan and run them; then score. Submissions run in parallel.
 */
public final class Grader {

    private static final String RESULT_FORMAT = "resultado-1";

    private final SubmissionGrader grader;
    private final ResultStore store;
    private final Scorer scorer;
    private final int parallelism;

    public Grader(SubmissionGrader grader, ResultStore store, Scorer scorer, int parallelism) {
        this.grader = grader;
        this.store = store;
        this.scorer = scorer;
        this.parallelism = parallelism;
    }

    public ClassResults grade(List<Submission> submissions, List<PreparedSuite> suites, Progress progress)
            throws InterruptedException, ExecutionException {
        long start = System.nanoTime();
        AtomicInteger reused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        List<List<Future<ExerciseResult>>> futures = new ArrayList<>();
        progress.started(submissions.size() * suites.size());
        try {
            for (Submission submission : submissions) {
                List<Future<ExerciseResult>> row = new ArrayList<>();
                for (PreparedSuite suite : suites) {
                    row.add(pool.submit(() -> gradeOne(submission, suite, progress, reused)));
                }
                futures.add(row);
            }
            List<StudentGrade> grades = new ArrayList<>();
            List<List<TestResult>> plans = suites.stream().map(PreparedSuite::plan).toList();
            for (int i = 0; i < submissions.size(); i++) {
                List<ExerciseResult> results = new ArrayList<>();
                for (Future<ExerciseResult> future : futures.get(i)) {
                    results.add(future.get());
                }
                grades.add(scorer.grade(submissions.get(i), results, plans));
            }
            return new ClassResults(suites, grades, scorer.scale(), reused.get(),
                    submissions.size() * suites.size() - reused.get(),
                    Duration.ofNanos(System.nanoTime() - start), ZonedDateTime.now());
        } finally {
            pool.shutdownNow();
            progress.ended();
        }
    }

    private ExerciseResult gradeOne(Submission submission, PreparedSuite suite, Progress progress,
            AtomicInteger reused) throws Exception {
        Optional<StudentFiles> files = submission.root() == null ? Optional.empty()
                : StudentFiles.take(submission, suite.suite().exercise());
        Optional<ExerciseResult> saved = Optional.empty();
        ExerciseResult result;
        if (files.isEmpty()) {
            result = submission.root() == null
                    ? ExerciseResult.notRun(suite.id(), State.INVALID, submission.problem(), suite.plan())
                    : ExerciseResult.notRun(suite.id(), State.NOT_SUBMITTED, "la entrega no tiene la carpeta "
                            + "exercises/" + suite.id(), suite.plan());
        } else {
            String key = new Fingerprint().add(RESULT_FORMAT).add(suite.suite().fingerprint())
                    .add(files.get().hash()).add(grader.runner().limits().toString()).add(grader.scannerPolicy())
                    .hex();
            saved = store.find(suite.id(), key);
            result = saved.isPresent() ? saved.get() : store.save(key, grader.grade(suite.suite(), files.get(),
                    suite.plan(), SuitePreparation.sharingOptions(suite.suite())));
        }
        reused.addAndGet(saved.isPresent() ? 1 : 0);
        progress.finished(submission, result, saved.isPresent());
        return result;
    }
}
