package dev.lambdaworkbook.checker.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One student's tests to run in a child JVM: one {@link Part} per exercise, run one after another, each in its own
 * class loader on top of the class path every exercise shares.
 *
 * @param classpath the harness and the libraries of every exercise: the JVM's class path, which a class data
 *     sharing archive covers
 * @param jvmOptions extra options, such as that archive
 * @param parts the exercises, in the order they run
 * @param workDir a fresh folder for this run: the child's {@code home} and {@code tmp} are created in it, and each
 *     part's folder lives in it
 */
public record RunRequest(List<Path> classpath, List<String> jvmOptions, List<Part> parts, Path workDir) {

    /** The subfolder of a part's folder that contains the working copy of the exercise. */
    public static final String WORKING_COPY = "ejercicio";

    public RunRequest {
        classpath = List.copyOf(classpath);
        jvmOptions = List.copyOf(jvmOptions);
        parts = List.copyOf(parts);
    }

    /**
     * One exercise of the run.
     *
     * @param exercise the exercise's id, such as {@code 05}
     * @param loaderPath the compiled tests, then the student's classes and resources last, so that they cannot
     *     replace a test or library class
     * @param testClasses the top-level test classes to discover
     * @param hiddenClasses the top-level test classes that come from the hidden tests
     * @param studentClasses the classes compiled from the submission, to find the student's frame in a stack trace
     * @param module the working copy of the exercise, where the tests find its build outputs
     * @param systemProperties properties the graded suites read, such as {@code workbook.template}
     * @param expected the tests the reference run found, reported as not run when the child dies before its plan
     */
    public record Part(
            String exercise,
            List<Path> loaderPath,
            List<String> testClasses,
            Set<String> hiddenClasses,
            Set<String> studentClasses,
            Path module,
            Map<String, String> systemProperties,
            List<TestResult> expected) {
    }

    /** Returns every path the child reads outside its work folder and the JDK: the class path and the parts'. */
    public List<Path> readablePaths() {
        List<Path> paths = new ArrayList<>(classpath);
        parts.forEach(part -> paths.addAll(part.loaderPath()));
        return paths;
    }

    /**
     * Returns the folder the child JVM runs in: with one exercise, its working copy, as Surefire runs in the
     * module's folder; with several, the work folder, and the tests find each copy through {@code workbook.module}.
     */
    public Path workingDirectory() {
        if (parts.size() == 1 && Files.isDirectory(parts.get(0).module())) {
            return parts.get(0).module();
        }
        return workDir;
    }
}
