package dev.lambdaworkbook.checker.grade;

import dev.lambdaworkbook.checker.build.BuildException;
import dev.lambdaworkbook.checker.build.BuildOutputs;
import dev.lambdaworkbook.checker.compile.JavaCompilation;
import dev.lambdaworkbook.checker.compile.Suite;
import dev.lambdaworkbook.checker.grade.ExerciseResult.State;
import dev.lambdaworkbook.checker.run.RunOutcome;
import dev.lambdaworkbook.checker.run.RunRequest;
import dev.lambdaworkbook.checker.run.RunRequest.Part;
import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.run.TestRunner;
import dev.lambdaworkbook.checker.run.TestStatus;
import dev.lambdaworkbook.checker.scan.SubmissionScanner;
import dev.lambdaworkbook.checker.scan.Violation;
import dev.lambdaworkbook.checker.submission.StudentFiles;
import dev.lambdaworkbook.checker.workbook.Exercise;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Grades a student's files against suites. Each exercise is compiled, scanned and built in a fresh working copy,
 * then the tests of every exercise that got that far run in one child JVM.
 */
public final class SubmissionGrader {

    private final Path harnessJar;
    private final SubmissionScanner scanner;
    private final TestRunner runner;
    private final Path workRoot;

    public SubmissionGrader(Path harnessJar, SubmissionScanner scanner, TestRunner runner, Path workRoot) {
        this.harnessJar = harnessJar;
        this.scanner = scanner;
        this.runner = runner;
        this.workRoot = workRoot;
    }

    public TestRunner runner() {
        return runner;
    }

    public Path harnessJar() {
        return harnessJar;
    }

    public Path workRoot() {
        return workRoot;
    }

    public String scannerPolicy() {
        return scanner.policy();
    }

    /** One exercise of a submission to grade: the suite, the student's files and the tests to report. */
    public record Job(Suite suite, StudentFiles files, List<TestResult> plan) {
    }

    /** Grades the files against a prepared suite, in a child JVM of their own. */
    public ExerciseResult grade(PreparedSuite suite, StudentFiles files) throws IOException, InterruptedException {
        return grade(List.of(new Job(suite.suite(), files, suite.plan())), suite.runtime()).get(0);
    }

    /**
     * Grades one student's exercises: compiles, scans and builds each in its own folder, then runs the tests of all
     * that compiled in one child JVM, one exercise after another (see {@link TestRunner}).
     *
     * @return one result per job, in the same order
     */
    public List<ExerciseResult> grade(List<Job> jobs, SharedRuntime runtime) throws IOException, InterruptedException {
        Files.createDirectories(workRoot);
        Path work = Files.createTempDirectory(workRoot, "entrega-");
        // The child's private home and temporary folders exist before any OS sandbox decides what it may write.
        Files.createDirectories(work.resolve("home"));
        Files.createDirectories(work.resolve("tmp"));
        try {
            ExerciseResult[] results = new ExerciseResult[jobs.size()];
            long[] spent = new long[jobs.size()];
            List<Part> parts = new ArrayList<>();
            List<Integer> partJobs = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                long start = System.nanoTime();
                Job job = jobs.get(i);
                Path folder = Files.createDirectory(work.resolve(job.suite().exercise().id()));
                Prepared prepared = prepare(job, folder);
                spent[i] = millisSince(start);
                if (prepared.part() == null) {
                    results[i] = prepared.unrun();
                } else {
                    parts.add(prepared.part());
                    partJobs.add(i);
                }
            }
            if (!parts.isEmpty()) {
                List<RunOutcome> outcomes = runner.run(new RunRequest(runtime.classpath(), runtime.jvmOptions(), parts,
                        work));
                for (int k = 0; k < parts.size(); k++) {
                    int i = partJobs.get(k);
                    RunOutcome outcome = outcomes.get(k);
                    results[i] = new ExerciseResult(parts.get(k).exercise(), State.GRADED, "", outcome.tests(),
                            outcome.notes(), spent[i] + outcome.millis());
                }
            }
            return List.of(results);
        } finally {
            deleteTree(work);
        }
    }

    /** A job after compiling: the part to run, or the result when it cannot run. */
    private record Prepared(ExerciseResult unrun, Part part) {
    }

    /** Compiles, scans and builds one job in its folder. */
    private Prepared prepare(Job job, Path folder) throws IOException {
        long start = System.nanoTime();
        Suite suite = job.suite();
        Exercise exercise = suite.exercise();
        List<TestResult> plan = job.plan();
        Path copy = workingCopy(exercise, job.files(), folder.resolve(RunRequest.WORKING_COPY));
        Path classes = folder.resolve("classes");

        List<Path> sources = javaFiles(copy.resolve("src/main/java"));
        if (sources.isEmpty()) {
            return unrun(exercise, State.COMPILE_ERROR, "no hay ficheros .java en src/main/java", plan,
                    "tu entrega no tiene ficheros .java en src/main/java", start);
        }
        JavaCompilation.Result compiled = JavaCompilation.compile(sources, suite.studentClasspath(), classes, copy);
        if (!compiled.success()) {
            String first = compiled.errors().isEmpty() ? "" : ": " + compiled.errors().get(0);
            return unrun(exercise, State.COMPILE_ERROR, compiled.describe(20), plan, "tu código no compila" + first,
                    start);
        }

        List<Violation> violations = scanner.scan(exercise, classes);
        if (!violations.isEmpty()) {
            String detail = violations.stream().map(Violation::describe).collect(Collectors.joining("\n"));
            return unrun(exercise, State.REJECTED, detail, plan, "no se ejecutó: " + violations.get(0).describe(),
                    start);
        }

        try {
            BuildOutputs.write(suite, copy, classes);
        } catch (BuildException failed) {
            return unrun(exercise, State.BUILD_ERROR, failed.getMessage(), plan,
                    "no se pudo construir lo que leen las pruebas: " + failed.getMessage(), start);
        }
        return new Prepared(null, part(suite, copy, classes, plan));
    }

    private static Part part(Suite suite, Path copy, Path classes, List<TestResult> plan) throws IOException {
        List<Path> loaderPath = new ArrayList<>(List.of(suite.testsJar(), classes));
        if (suite.exercise().studentOwns("src/main/resources")) {
            loaderPath.add(copy.resolve("src/main/resources"));
        }
        Map<String, String> properties = Map.of(
                "workbook.template", copy.resolve("template.yaml").toString(),
                "workbook.module", copy.toString());
        List<String> visibleFirst = suite.testClasses().stream()
                .sorted(Comparator.comparing((String name) -> suite.hiddenClasses().contains(name))).toList();
        return new Part(suite.exercise().id(), loaderPath, visibleFirst, suite.hiddenClasses(), classNames(classes),
                copy, properties, plan);
    }

    /** Copies the exercise as students got it, without the paths the student owns, then adds the student's files. */
    private static Path workingCopy(Exercise exercise, StudentFiles files, Path copy) throws IOException {
        Path folder = exercise.folder();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                    throws IOException {
                String relative = relative(folder, directory);
                if (relative.equals("target") || !relative.isEmpty() && exercise.studentOwns(relative)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                // Parents are visited first, so each folder below the copy's root is new and its parent exists.
                if (relative.isEmpty()) {
                    Files.createDirectories(copy);
                } else {
                    Files.createDirectory(copy.resolve(relative));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String relative = relative(folder, file);
                if (!exercise.studentOwns(relative)) {
                    Files.copy(file, copy.resolve(relative));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.writeInto(copy);
        return copy;
    }

    private static String relative(Path folder, Path path) {
        return folder.relativize(path).toString().replace('\\', '/');
    }

    /** Returns a job that stops before running: every planned test gets the message. */
    private static Prepared unrun(Exercise exercise, State state, String detail, List<TestResult> plan,
            String message, long start) {
        List<TestResult> tests = plan.stream().map(test -> test.withOutcome(TestStatus.NOT_RUN, message)).toList();
        return new Prepared(new ExerciseResult(exercise.id(), state, detail, tests, List.of(), millisSince(start)),
                null);
    }

    private static Set<String> classNames(Path classes) throws IOException {
        if (!Files.isDirectory(classes)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(classes)) {
            return walk.map(path -> classes.relativize(path).toString())
                    .filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    private static List<Path> javaFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
