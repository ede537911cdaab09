package dev.lambdaworkbook.checker.compile;

import dev.lambdaworkbook.checker.workbook.Exercise;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * An exercise's tests, compiled once for every submission: the visible suite and the hidden tests in one jar,
 * compiled against the reference solution, plus the libraries they run with.
 *
 * @param fingerprint a hash of the tests, the reference, the resources and the libraries: part of every result key
 * @param libraries the exercise's test class path, folders turned into jars so class data sharing can use them
 * @param testsJar the compiled tests with the test resources, and the exercise's resources
 * @param referenceClasses the compiled reference solution
 * @param testClasses the top-level test classes, named as Surefire finds them by default
 * @param hiddenClasses those of them that come from the hidden tests
 * @param folder where this suite's files live
 * @param runtimeLibraries the exercise's runtime dependencies, for build outputs such as a deployment package
 */
public record Suite(
        Exercise exercise,
        String fingerprint,
        List<Path> libraries,
        Path testsJar,
        Path referenceClasses,
        List<String> testClasses,
        Set<String> hiddenClasses,
        Path folder,
        List<Path> runtimeLibraries) {

    /**
     * Returns what the student's code compiles against: as Maven compiles {@code src/main/java}, the exercise's
     * runtime dependencies without the test libraries; the test class path when those are not known.
     */
    public List<Path> studentClasspath() {
        return runtimeLibraries.isEmpty() ? libraries : runtimeLibraries;
    }
}
