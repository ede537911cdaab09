package dev.lambdaworkbook.checker.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One submission's tests to run in a child JVM.
 *
 * @param classpath the harness, the exercise's libraries and compiled tests, then the student's classes last
 * @param jvmOptions extra options, such as the class data sharing archive of the exercise
 * @param testClasses the top-level test classes to discover
 * @param hiddenClasses the top-level test classes that come from the hidden tests
 * @param studentClasses the classes compiled from the submission, to find the student's frame in a stack trace
 * @param workDir a fresh folder for this run: the child's {@code home} and {@code tmp} are created in it, and the
 *     child runs in its {@link #WORKING_COPY} subfolder when there is one, as Surefire runs in the module's folder
 * @param systemProperties properties the graded suites read, such as {@code workbook.template}
 * @param expected the tests the reference run found, reported as not run when the child dies before its plan
 */
public record RunRequest(
        List<Path> classpath,
        List<String> jvmOptions,
        List<String> testClasses,
        Set<String> hiddenClasses,
        Set<String> studentClasses,
        Path workDir,
        Map<String, String> systemProperties,
        List<TestResult> expected) {

    /** The subfolder of {@link #workDir()} that contains the working copy of the exercise. */
    public static final String WORKING_COPY = "ejercicio";

    /** Returns the folder the child JVM runs in. */
    public Path workingDirectory() {
        Path copy = workDir.resolve(WORKING_COPY);
        return java.nio.file.Files.isDirectory(copy) ? copy : workDir;
    }
}
