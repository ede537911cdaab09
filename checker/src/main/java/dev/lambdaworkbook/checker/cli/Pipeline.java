package dev.lambdaworkbook.checker.cli;

import dev.lambdaworkbook.checker.compile.SuiteBuilder;
import dev.lambdaworkbook.checker.grade.PreparedSuite;
import dev.lambdaworkbook.checker.grade.SubmissionGrader;
import dev.lambdaworkbook.checker.grade.SuitePreparation;
import dev.lambdaworkbook.checker.policy.PolicyScanner;
import dev.lambdaworkbook.checker.run.SandboxLimits;
import dev.lambdaworkbook.checker.run.TestRunner;
import dev.lambdaworkbook.checker.sandbox.Sandbox;
import dev.lambdaworkbook.checker.scan.SubmissionScanner;
import dev.lambdaworkbook.checker.workbook.ClasspathSource;
import dev.lambdaworkbook.checker.workbook.Exercise;
import dev.lambdaworkbook.checker.workbook.MavenClasspath;
import dev.lambdaworkbook.checker.workbook.Workbook;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds the parts the subcommands share: the suites of the exercises and the grader of one submission. */
final class Pipeline implements AutoCloseable {

    private final Path workRoot;
    private final SubmissionGrader grader;
    private final SuitePreparation preparation;
    private final Sandbox sandbox;

    private Pipeline(Path workRoot, SubmissionGrader grader, SuitePreparation preparation, Sandbox sandbox) {
        this.workRoot = workRoot;
        this.grader = grader;
        this.preparation = preparation;
        this.sandbox = sandbox;
    }

    static Pipeline create(Workbook workbook, SandboxLimits limits, PrintStream log) throws IOException {
        Path cache = workbook.root().resolve("target/corrector");
        ClasspathSource classpaths = new MavenClasspath(workbook, cache, log::println);
        Sandbox sandbox = Sandbox.configured();
        log.println(sandbox.describe());
        sandbox.warnings().forEach(warning -> log.println("Aviso: " + warning));
        return create(classpaths, cache, limits, PolicyScanner.shipped(), sandbox);
    }

    static Pipeline create(ClasspathSource classpaths, Path cache, SandboxLimits limits, SubmissionScanner scanner)
            throws IOException {
        return create(classpaths, cache, limits, scanner, Sandbox.detect());
    }

    static Pipeline create(ClasspathSource classpaths, Path cache, SandboxLimits limits, SubmissionScanner scanner,
            Sandbox sandbox) throws IOException {
        Path workRoot = Folders.createWorkRoot("corrector-");
        Folders.deleteOnExit(workRoot);
        SuiteBuilder builder = new SuiteBuilder(classpaths, cache);
        SubmissionGrader grader = new SubmissionGrader(builder.harnessJar(), scanner,
                new TestRunner(limits, sandbox), workRoot);
        return new Pipeline(workRoot, grader, new SuitePreparation(builder, grader), sandbox);
    }

    /** Returns what the OS isolation of the tests lacks on this machine, in Spanish, for the class report. */
    List<String> isolationWarnings() {
        return sandbox.warnings();
    }

    SubmissionGrader grader() {
        return grader;
    }

    SuitePreparation preparation() {
        return preparation;
    }

    /** Compiles the tests of the exercises and runs their references, telling the instructor first. */
    List<PreparedSuite> prepare(List<Exercise> exercises, PrintStream log) {
        log.println("Preparando " + (exercises.size() == 1 ? "el ejercicio " : "los ejercicios ")
                + String.join(", ", exercises.stream().map(Exercise::id).toList())
                + " (pruebas y soluciones de referencia)…");
        return preparation.prepare(exercises);
    }

    @Override
    public void close() throws IOException {
        try (var paths = Files.walk(workRoot)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
