package dev.lambdaworkbook.checker.workbook;

import dev.lambdaworkbook.kit.config.FunctionConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One exercise of the workbook: what students get ({@code exercises/NN}) and what instructors keep
 * ({@code solutions/NN}: the reference, the hidden tests and the catalogue of typical mistakes in {@code errores/}).
 */
public record Exercise(String id, Path folder, Path solution, FunctionConfig config) {

    /** Paths under the exercise folder the student writes, as {@code Metadata.Workbook.StudentFiles} declares. */
    public List<String> studentFiles() {
        return config.studentFiles();
    }

    public boolean studentOwns(String path) {
        return studentFiles().stream().anyMatch(owned -> path.equals(owned) || path.startsWith(owned + "/"));
    }

    public Path visibleTests() {
        return folder.resolve("src/test/java");
    }

    public Path hiddenTests() {
        return solution.resolve("src/test/java");
    }

    public Path referenceSources() {
        return solution.resolve("src/main/java");
    }

    public boolean hasReference() {
        return Files.isDirectory(referenceSources());
    }

    /** The template the reference is tested with: the solution's own copy when the task is to edit it. */
    public Path referenceTemplate() {
        Path own = solution.resolve("template.yaml");
        return Files.isRegularFile(own) ? own : folder.resolve("template.yaml");
    }

    /** The folders of {@code solutions/NN/errores}, one per typical mistake, sorted by name. */
    public List<Path> mistakes() {
        Path catalogue = solution.resolve("errores");
        if (!Files.isDirectory(catalogue)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(catalogue)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
