package dev.lambdaworkbook.checker.grade;

import dev.lambdaworkbook.checker.build.BuildException;
import dev.lambdaworkbook.checker.build.BuildOutputs;
import dev.lambdaworkbook.checker.compile.JavaCompilation;
import dev.lambdaworkbook.checker.compile.Suite;
import dev.lambdaworkbook.checker.grade.ExerciseResult.State;
import dev.lambdaworkbook.checker.run.RunOutcome;
import dev.lambdaworkbook.checker.run.RunRequest;
import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.run.TestRunner;
import dev.lambdaworkbook.checker.run.TestStatus;
import dev.lambdaworkbook.checker.scan.SubmissionScanner;
import dev.lambdaworkbook.checker.scan.Violation;
import dev.lambdaworkbook.checker.submission.StudentFiles;
import dev.lambdaworkbook.checker.workbook.Exercise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Grades one set of student files against one suite: compile, scan, build outputs, run, in a fresh working copy. */
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

    public String scannerPolicy() {
        return scanner.policy();
    }

    /**
     * Grades the files.
     *
     * @param plan the tests to report when the code does not compile or is rejected
     * @param jvmOptions extra child options, such as the class data sharing archive
     */
    public ExerciseResult grade(Suite suite, StudentFiles files, List<TestResult> plan, List<String> jvmOptions)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Exercise exercise = suite.exercise();
        Files.createDirectories(workRoot);
        Path work = Files.createTempDirectory(workRoot, exercise.id() + "-");
        // The child's private home and temporary folders exist before any OS sandbox decides what it may write.
        Files.createDirectories(work.resolve("home"));
        Files.createDirectories(work.resolve("tmp"));
        try {
            Path copy = workingCopy(exercise, files, work.resolve(RunRequest.WORKING_COPY));
            Path classes = work.resolve("classes");
            List<Path> sources = javaFiles(copy.resolve("src/main/java"));
            if (sources.isEmpty()) {
                return unrun(exercise, State.COMPILE_ERROR, "no hay ficheros .java en src/main/java", plan,
                        "tu entrega no tiene ficheros .java en src/main/java", start);
            }
            JavaCompilation.Result compiled = JavaCompilation.compile(sources, suite.libraries(), classes, copy);
            if (!compiled.success()) {
                String first = compiled.errors().isEmpty() ? "" : ": " + compiled.errors().get(0);
                return unrun(exercise, State.COMPILE_ERROR, compiled.describe(20), plan,
                        "tu código no compila" + first, start);
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
            RunOutcome outcome = runner.run(request(suite, copy, classes, work, plan, jvmOptions));
            return new ExerciseResult(exercise.id(), State.GRADED, "", outcome.tests(), outcome.notes(),
                    millisSince(start));
        } finally {
            deleteTree(work);
        }
    }

    private RunRequest request(Suite suite, Path copy, Path classes, Path work, List<TestResult> plan,
            List<String> jvmOptions) throws IOException {
        List<Path> studentEntries = new ArrayList<>(List.of(classes));
        if (suite.exercise().studentOwns("src/main/resources")) {
            studentEntries.add(copy.resolve("src/main/resources"));
        }
        Map<String, String> properties = Map.of(
                "workbook.template", copy.resolve("template.yaml").toString(),
                "workbook.module", copy.toString());
        List<String> visibleFirst = suite.testClasses().stream()
                .sorted(Comparator.comparing((String name) -> suite.hiddenClasses().contains(name))).toList();
        return new RunRequest(suite.childClasspath(harnessJar, studentEntries), jvmOptions, visibleFirst,
                suite.hiddenClasses(), classNames(classes), work, properties, plan);
    }

    /** Copies the exercise as students got it, without the paths the student owns, then adds the student's files. */
    private static Path workingCopy(Exercise exercise, StudentFiles files, Path copy) throws IOException {
        try (Stream<Path> walk = Files.walk(exercise.folder())) {
            for (Path source : walk.sorted().toList()) {
                String relative = exercise.folder().relativize(source).toString().replace('\\', '/');
                if (relative.equals("target") || relative.startsWith("target/") || exercise.studentOwns(relative)) {
                    continue;
                }
                Path target = copy.resolve(relative);
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        files.writeInto(copy);
        return copy;
    }

    private static ExerciseResult unrun(Exercise exercise, State state, String detail, List<TestResult> plan,
            String message, long start) {
        List<TestResult> tests = plan.stream().map(test -> test.withOutcome(TestStatus.NOT_RUN, message)).toList();
        return new ExerciseResult(exercise.id(), state, detail, tests, List.of(), millisSince(start));
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
