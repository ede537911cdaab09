package dev.lambdaworkbook.checker.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdaworkbook.checker.compile.Suite;
import dev.lambdaworkbook.checker.compile.SuiteBuilder;
import dev.lambdaworkbook.checker.grade.SubmissionGrader.Job;
import dev.lambdaworkbook.checker.run.SharedArchive;
import dev.lambdaworkbook.checker.submission.StudentFiles;
import dev.lambdaworkbook.checker.workbook.Exercise;
import dev.lambdaworkbook.checker.workbook.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Prepares the exercises graded together. It compiles each one's tests and runs the reference solutions to learn
 * the plan of tests. It also builds what their child JVMs share: one class path with the harness and every
 * exercise's libraries. A class data sharing archive holds the classes the reference run loaded from that class
 * path, so later child JVMs map them instead of loading and verifying them again. Everything is kept by
 * fingerprint, so a second class graded with the same workbook starts at once.
 */
public final class SuitePreparation {

    private static final ObjectMapper JSON = ResultStore.JSON;
    private static final String REFERENCE_FILE = "referencia.json";
    /** The kit's property for its cache of generated test data: {@code TickFileGenerator.CACHE_PROPERTY}. */
    static final String DATA_CACHE_PROPERTY = "workbook.ticks.cache";

    private final SuiteBuilder builder;
    private final SubmissionGrader grader;

    public SuitePreparation(SuiteBuilder builder, SubmissionGrader grader) {
        this.builder = builder;
        this.grader = grader;
    }

    /** Prepares one exercise on its own. */
    public PreparedSuite prepare(Exercise exercise) {
        return prepare(List.of(exercise)).get(0);
    }

    /** Prepares the exercises to be graded together; returns one prepared suite each, in the same order. */
    public List<PreparedSuite> prepare(List<Exercise> exercises) {
        List<Suite> suites = exercises.stream().map(builder::build).toList();
        Set<Path> classpath = new LinkedHashSet<>(List.of(grader.harnessJar()));
        Fingerprint fingerprint = new Fingerprint();
        for (Suite suite : suites) {
            classpath.addAll(suite.libraries());
            fingerprint.add(suite.fingerprint());
        }
        List<Path> shared = List.copyOf(classpath);
        Path folder = suites.get(0).folder().resolveSibling("compartido-"
                + fingerprint.addClasspath(shared).hex().substring(0, 16));
        Path archive = folder.resolve("clases.jsa");
        Path classList = folder.resolve("clases.lst");
        try {
            Files.createDirectories(folder);
            boolean dump = !Files.isRegularFile(archive);
            List<Suite> toRun = suites.stream()
                    .filter(suite -> dump || !Files.isRegularFile(suite.folder().resolve(REFERENCE_FILE))).toList();
            Path data = folder.resolve("datos");
            if (!toRun.isEmpty()) {
                // Only the run that records the class list may write into the folder, so it fills the data cache.
                List<String> options = dump ? List.of(SharedArchive.recordOption(classList), dataOption(data))
                        : SharedArchive.useOptions(archive);
                runReferences(toRun, new SharedRuntime(shared, options));
            }
            if (dump) {
                SharedArchive.dump(shared, classList, archive, grader.runner().limits());
            }
            List<String> options = new ArrayList<>(SharedArchive.useOptions(archive));
            if (Files.isDirectory(data)) {
                options.add(dataOption(data));
            }
            SharedRuntime runtime = new SharedRuntime(shared, options);
            List<PreparedSuite> prepared = new ArrayList<>();
            for (Suite suite : suites) {
                ExerciseResult reference = JSON.readValue(suite.folder().resolve(REFERENCE_FILE).toFile(),
                        ExerciseResult.class);
                prepared.add(new PreparedSuite(suite, reference, runtime));
            }
            return prepared;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Se interrumpió la ejecución de la solución de referencia", interrupted);
        }
    }

    /**
     * Returns the option that points the kit's cache of generated test data (the tick files of 06) at the folder.
     * The reference run writes the files there and every student's JVM reads them, read-only in the sandbox, instead
     * of generating the same bytes again.
     */
    private static String dataOption(Path data) {
        return "-D" + DATA_CACHE_PROPERTY + "=" + data.toAbsolutePath();
    }

    /** Runs the references in one child JVM and keeps each result, unless one is kept already. */
    private void runReferences(List<Suite> suites, SharedRuntime runtime) throws IOException, InterruptedException {
        List<Job> jobs = suites.stream().map(suite -> new Job(suite, referenceFiles(suite.exercise()), List.of()))
                .toList();
        List<ExerciseResult> results = grader.grade(jobs, runtime);
        for (int i = 0; i < suites.size(); i++) {
            Path saved = suites.get(i).folder().resolve(REFERENCE_FILE);
            if (!Files.isRegularFile(saved)) {
                ExerciseResult reference = results.get(i);
                AtomicFiles.write(saved, out -> JSON.writeValue(out, reference));
            }
        }
    }

    /** Returns the student-owned files of the reference: the starter's, replaced by the solution's. */
    public static StudentFiles referenceFiles(Exercise exercise) {
        return StudentFiles.fromExerciseLayout(exercise.folder(), exercise)
                .overlaidWith(StudentFiles.fromExerciseLayout(exercise.solution(), exercise));
    }
}
