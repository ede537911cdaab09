package dev.lambdaworkbook.checker.grade;

import dev.lambdaworkbook.checker.grade.ExerciseResult.State;
import dev.lambdaworkbook.checker.grade.SubmissionGrader.Job;
import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.score.Scorer;
import dev.lambdaworkbook.checker.score.StudentGrade;
import dev.lambdaworkbook.checker.submission.StudentFiles;
import dev.lambdaworkbook.checker.submission.Submission;
import dev.lambdaworkbook.checker.workbook.Exercise;
import dev.lambdaworkbook.checker.workbook.Fingerprint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The grading pipeline for a class. An exercise handed in exactly as the starter code ships it scores 0. A saved
 * result is reused when the files and the tests are unchanged. Everything else is compiled, scanned and run, all of
 * a student's exercises in one child JVM, and then scored.
 * Students are graded in parallel.
 */
public final class Grader {

    private static final String RESULT_FORMAT = "resultado-2";

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
        AtomicInteger graded = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        List<Future<List<ExerciseResult>>> futures = new ArrayList<>();
        progress.started(submissions.size() * suites.size());
        try {
            Map<String, String> starters = starterHashes(suites);
            for (Submission submission : submissions) {
                futures.add(pool.submit(() -> gradeStudent(submission, suites, starters, progress, reused, graded)));
            }
            List<StudentGrade> grades = new ArrayList<>();
            List<List<TestResult>> plans = suites.stream().map(PreparedSuite::plan).toList();
            for (int i = 0; i < submissions.size(); i++) {
                grades.add(scorer.grade(submissions.get(i), futures.get(i).get(), plans));
            }
            return new ClassResults(suites, grades, scorer.scale(), reused.get(), graded.get(),
                    Duration.ofNanos(System.nanoTime() - start), ZonedDateTime.now());
        } finally {
            pool.shutdownNow();
            progress.ended();
        }
    }

    /**
     * Returns, per exercise, the hash of the files a student owns as the starter code ships them, so that an
     * untouched exercise scores 0 instead of the points of tests that only check what the starter already has.
     * NOTE: the comparison is byte for byte, so a starter saved with CRLF line endings or one added comment is
     * graded as a normal submission.
     */
    private static Map<String, String> starterHashes(List<PreparedSuite> suites) {
        Map<String, String> hashes = new HashMap<>();
        for (PreparedSuite suite : suites) {
            Exercise exercise = suite.suite().exercise();
            Path workbook = exercise.folder().toAbsolutePath().getParent().getParent();
            Submission starter = new Submission("inicial", "código de partida", workbook, false, workbook, null);
            StudentFiles.take(starter, exercise).ifPresent(files -> hashes.put(suite.id(), files.hash()));
        }
        return hashes;
    }

    /**
     * Grades every exercise of one student: a saved result is reused, an exercise without files gets its reason,
     * and the rest are graded together in one child JVM; each result is saved as soon as it is known.
     */
    private List<ExerciseResult> gradeStudent(Submission submission, List<PreparedSuite> suites,
            Map<String, String> starters, Progress progress, AtomicInteger reused, AtomicInteger graded)
            throws Exception {
        ExerciseResult[] results = new ExerciseResult[suites.size()];
        List<Job> jobs = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < suites.size(); i++) {
            PreparedSuite suite = suites.get(i);
            Optional<StudentFiles> files = submission.root() == null ? Optional.empty()
                    : StudentFiles.take(submission, suite.suite().exercise());
            if (files.isEmpty()) {
                results[i] = submission.root() == null
                        ? ExerciseResult.notRun(suite.id(), State.INVALID, submission.problem(), suite.plan())
                        : ExerciseResult.notRun(suite.id(), State.NOT_SUBMITTED, "la entrega no tiene la carpeta "
                                + "exercises/" + suite.id(), suite.plan());
                progress.finished(submission, results[i], false);
                continue;
            }
            if (files.get().hash().equals(starters.get(suite.id()))) {
                results[i] = ExerciseResult.notRun(suite.id(), State.UNCHANGED, "los ficheros del alumno son los del "
                        + "código de partida, sin cambios: no se ejecutan las pruebas y el ejercicio vale 0",
                        suite.plan());
                progress.finished(submission, results[i], false);
                continue;
            }
            String key = new Fingerprint().add(RESULT_FORMAT).add(suite.suite().fingerprint())
                    .add(files.get().hash()).add(grader.runner().limits().toString()).add(grader.scannerPolicy())
                    .hex();
            Optional<ExerciseResult> saved = store.find(suite.id(), key);
            if (saved.isPresent()) {
                results[i] = saved.get();
                reused.incrementAndGet();
                progress.finished(submission, results[i], true);
            } else {
                jobs.add(new Job(suite.suite(), files.get(), suite.plan()));
                positions.add(i);
                keys.add(key);
            }
        }
        if (!jobs.isEmpty()) {
            List<ExerciseResult> fresh = grader.grade(jobs, suites.get(positions.get(0)).runtime());
            graded.addAndGet(fresh.size());
            for (int k = 0; k < jobs.size(); k++) {
                int i = positions.get(k);
                results[i] = store.save(keys.get(k), fresh.get(k));
                progress.finished(submission, results[i], false);
            }
        }
        return List.of(results);
    }
}
