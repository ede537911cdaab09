package dev.lambdaworkbook.checker.grade;

import java.nio.file.Path;
import java.util.List;

/**
 * The start-up settings every child JVM of a grading run shares: the harness and the libraries of all the exercises
 * graded together on its class path, and the options that map their class data sharing archive.
 */
public record SharedRuntime(List<Path> classpath, List<String> jvmOptions) {

    public SharedRuntime {
        classpath = List.copyOf(classpath);
        jvmOptions = List.copyOf(jvmOptions);
    }
}
