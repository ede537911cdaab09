package dev.lambdaworkbook.checker.grade;

import dev.lambdaworkbook.checker.grade.ExerciseResult.State;
import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.run.TestStatus;
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
            int total = submissions.size() * suites.size();
            return new ClassResults(suites, grades, scorer.scale(), reused.get(), total - reused.get(),
                    Duration.ofNanos(System.nanoTime() - start), ZonedDateTime.now());
        } finally {
            pool.shutdownNow();
            progress.ended();
        }
    }

    private ExerciseResult gradeOne(Submission submission, PreparedSuite suite, Progress progress,
            AtomicInteger reused) throws Exception {
        if (submission.root() == null) {
            return report(submission, unrun(suite, State.INVALID, submission.problem()), false, progress);
        }
        Optional<StudentFiles> files = StudentFiles.take(submission, suite.suite().exercise());
        if (files.isEmpty()) {
            String detail = "la entrega no tiene la carpeta exercises/" + suite.id();
            return report(submission, unrun(suite, State.NOT_SUBMITTED, detail), false, progress);
        }
        String key = new Fingerprint().add(RESULT_FORMAT).add(suite.suite().fingerprint()).add(files.get().hash())
                .add(grader.runner().limits().toString()).add(grader.scannerPolicy()).hex();
        Optional<ExerciseResult> saved = store.find(suite.id(), key);
        if (saved.isPresent()) {
            reused.incrementAndGet();
            return report(submission, saved.get(), true, progress);
        }
        ExerciseResult result = grader.grade(suite.suite(), files.get(), suite.plan(),
                SuitePreparation.sharingOptions(suite.suite()));
        store.save(key, result);
        return report(submission, result, false, progress);
    }

    private static ExerciseResult unrun(PreparedSuite suite, State state, String detail) {
        List<TestResult> tests = suite.plan().stream()
                .map(test -> test.withOutcome(TestStatus.NOT_RUN, detail)).toList();
        return new ExerciseResult(suite.id(), state, detail, tests, List.of(), 0);
    }

    private static ExerciseResult report(Submission submission, ExerciseResult result, boolean reused,
            Progress progress) {
        progress.finished(submission, result, reused);
        return result;
    }
}
