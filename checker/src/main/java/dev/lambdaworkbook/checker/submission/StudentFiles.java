package dev.lambdaworkbook.checker.submission;

import dev.lambdaworkbook.checker.CheckerException;
import dev.lambdaworkbook.checker.workbook.Exercise;
import dev.lambdaworkbook.checker.workbook.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of one exercise that belong to the student, read from a submission: only the paths the exercise's
 * template declares ({@code src/main/java} by default), and under {@code src/main/java} only {@code .java} files.
 * The student's tests, pom, other resources and JUnit configuration are never taken. Symbolic links are skipped.
 *
 * @param files contents by path relative to the exercise folder, sorted
 */
public record StudentFiles(Map<String, byte[]> files) {

    private static final long MAX_BYTES = 2L * 1024 * 1024;
    private static final int MAX_FILES = 500;

    /**
     * Reads the student's files of the exercise, or returns empty when the submission has no folder for it.
     *
     * @throws CheckerException when the files exceed the size limits
     */
    public static Optional<StudentFiles> take(Submission submission, Exercise exercise) {
        Path folder = submission.root().resolve("exercises").resolve(exercise.id());
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Map<String, byte[]> files = new TreeMap<>();
        try {
            for (String owned : exercise.studentFiles()) {
                collect(folder, owned, files);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return Optional.of(new StudentFiles(files));
    }

    /** Reads the same paths from a folder laid out like the exercise, such as the reference or a starter. */
    public static StudentFiles fromExerciseLayout(Path folder, Exercise exercise) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            for (String owned : exercise.studentFiles()) {
                collect(folder, owned, files);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return new StudentFiles(files);
    }

    private static void collect(Path folder, String owned, Map<String, byte[]> files) throws IOException {
        Path start = folder.resolve(owned);
        if (Files.isSymbolicLink(start) || !Files.exists(start)) {
            return;
        }
        boolean sourcesOnly = owned.equals("src/main/java");
        try (Stream<Path> walk = Files.walk(start)) {
            for (Path file : walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).sorted()
                    .toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (sourcesOnly && !relative.endsWith(".java") || hasLinkBetween(folder, file)) {
                    continue;
                }
                files.put(relative, Files.readAllBytes(file));
                long total = files.values().stream().mapToLong(bytes -> bytes.length).sum();
                if (files.size() > MAX_FILES || total > MAX_BYTES) {
                    throw new CheckerException("la entrega de '" + owned + "' supera " + MAX_FILES
                            + " ficheros o " + MAX_BYTES / (1024 * 1024) + " MB");
                }
            }
        }
    }

    private static boolean hasLinkBetween(Path folder, Path file) {
        for (Path current = file.getParent(); current != null && !current.equals(folder);
                current = current.getParent()) {
            if (Files.isSymbolicLink(current)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the hash of the paths and contents: part of the key of a saved result. */
    public String hash() {
        Fingerprint fingerprint = new Fingerprint();
        files.forEach((path, content) -> fingerprint.add(path).add(content));
        return fingerprint.hex();
    }

    /** Returns a copy with some files replaced or added, as a mistake of the catalogue changes the reference. */
    public StudentFiles overlaidWith(StudentFiles changes) {
        Map<String, byte[]> merged = new TreeMap<>(files);
        merged.putAll(changes.files());
        return new StudentFiles(merged);
    }

    /** Writes the files under the folder, at their paths relative to the exercise. */
    public void writeInto(Path folder) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = folder.resolve(file.getKey()).normalize();
            if (!target.startsWith(folder)) {
                throw new IOException("Ruta fuera de la copia de trabajo: '" + file.getKey() + "'");
            }
            // Most files share a folder: checking first spares createDirectories its exception for an existing one.
            if (!Files.isDirectory(target.getParent())) {
                Files.createDirectories(target.getParent());
            }
            Files.write(target, file.getValue());
        }
    }
}
