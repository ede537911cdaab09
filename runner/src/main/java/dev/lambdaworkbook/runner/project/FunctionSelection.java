package dev.lambdaworkbook.runner.project;

import java.nio.file.Path;
import java.util.List;

/**
 * Which function to run, as chosen on the command line.
 *
 * @param exercise the exercise number, e.g. {@code 07}, or null when {@code template} and {@code classpath} say it all
 * @param solution run the reference solution instead of the student's code
 * @param template a template to use instead of the exercise's, or null
 * @param classpath compiled classes to use instead of building the exercise, or empty
 */
public record FunctionSelection(String exercise, boolean solution, Path template, List<Path> classpath) {

    public FunctionSelection {
        classpath = classpath == null ? List.of() : List.copyOf(classpath);
    }
}
