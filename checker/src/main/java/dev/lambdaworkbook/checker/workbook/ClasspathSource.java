package dev.lambdaworkbook.checker.workbook;

import java.nio.file.Path;
import java.util.List;

/** The source of an exercise's test class path: its libraries, the kit and JUnit, without its own classes. */
@FunctionalInterface
public interface ClasspathSource {

    List<Path> testClasspath(Exercise exercise);

    /**
     * Returns the exercise's runtime dependencies, what a deployment package carries; empty when the source does
     * not know them.
     */
    default List<Path> runtimeClasspath(Exercise exercise) {
        return List.of();
    }
}
