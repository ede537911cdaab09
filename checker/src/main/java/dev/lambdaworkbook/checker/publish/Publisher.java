package dev.lambdaworkbook.checker.publish;

import dev.lambdaworkbook.checker.CheckerException;
import dev.lambdaworkbook.checker.workbook.Exercise;
import dev.lambdaworkbook.checker.workbook.Workbook;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the copy of the workbook that students receive: everything except the instructors' and maintainers'
 * material (reference solutions with their hidden tests and mistake catalogues, the checker, the benchmarks, the CI
 * script, the grades that {@code calificar} writes to {@code notas/}), with the root pom's module list rewritten and
 * the lines marked for instructors removed from Markdown and Java files (see {@link InstructorBlocks}).
 *
 * <p>The copy is built in a temporary folder next to the destination and moved into place only when no file in it
 * names what was removed, so a failed check leaves nothing behind.
 */
public final class Publisher {

    /** Top-level paths that never reach students. */
    static final Set<String> REMOVED = Set.of("solutions", "checker", "bench", ".ci", "corrector", "notas", "target",
            ".git");
    /** Folders skipped at any depth: build output, dependencies, editor settings. */
    static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules", ".git", ".idea", ".vscode");

    private Publisher() {
    }

    /**
     * One line of the copy that names removed material.
     *
     * @param file the file, relative to the copy's root
     */
    public record Reference(Path file, int line, String text, String removed) {

        public String describe() {
            return file + ":" + line + ": nombra '" + removed + "': " + text.strip();
        }
    }

    /**
     * Publishes the workbook into the destination, which must not exist or be empty.
     *
     * @return the references to removed material found in the copy; when not empty, nothing was written
     */
    public static List<Reference> publish(Workbook workbook, Path destination) throws IOException {
        Path target = destination.toAbsolutePath().normalize();
        if (Files.exists(target) && (!Files.isDirectory(target) || !isEmpty(target))) {
            throw new CheckerException("El destino '" + destination + "' ya existe y no está vacío. Indica una "
                    + "carpeta nueva para no mezclar la copia del alumno con otros ficheros.");
        }
        if (target.startsWith(workbook.root())) {
            throw new CheckerException("El destino '" + destination + "' está dentro del cuaderno. Indica una "
                    + "carpeta fuera del repositorio, por ejemplo ../cuaderno-alumnos.");
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-");
        try {
            copy(workbook.root(), temporary);
            List<Reference> references = references(temporary, removedNames(workbook));
            if (!references.isEmpty()) {
                return references;
            }
            Files.deleteIfExists(target);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return List.of();
        } finally {
            deleteTree(temporary);
        }
    }

    /** Copies the student material and rewrites what names the removed parts. */
    static void copy(Path root, Path copy) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path source : walk.sorted().toList()) {
                Path relative = root.relativize(source);
                if (relative.toString().isEmpty() || excluded(relative)) {
                    continue;
                }
                Path target = copy.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        rewriteModules(copy.resolve("pom.xml"));
        try (Stream<Path> walk = Files.walk(copy)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                Optional<InstructorBlocks> blocks = InstructorBlocks.forFile(file);
                if (blocks.isPresent()) {
                    String text = Files.readString(file);
                    Files.writeString(file, blocks.get().strip(text, copy.relativize(file)));
                }
            }
        }
    }

    private static boolean excluded(Path relative) {
        if (REMOVED.contains(relative.getName(0).toString())) {
            return true;
        }
        for (Path part : relative) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static void rewriteModules(Path pom) throws IOException {
        if (!Files.isRegularFile(pom)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(pom)) {
            String trimmed = line.strip();
            boolean removedModule = REMOVED.stream().anyMatch(name -> trimmed.equals("<module>" + name + "</module>"));
            if (!removedModule) {
                kept.add(line);
            }
        }
        Files.write(pom, kept);
    }

    /** Returns the words that name removed material: folders, the script, modules and hidden test classes. */
    static List<String> removedNames(Workbook workbook) throws IOException {
        List<String> names = new ArrayList<>(List.of("solutions/", "checker/", "./corrector", "errores/",
                "<module>solutions</module>", "<module>checker</module>", "solution-0"));
        for (Exercise exercise : workbook.exercises()) {
            Path hidden = exercise.hiddenTests();
            if (Files.isDirectory(hidden)) {
                try (Stream<Path> walk = Files.walk(hidden)) {
                    walk.filter(path -> path.toString().endsWith(".java")).map(path -> path.getFileName().toString())
                            .map(name -> name.substring(0, name.length() - ".java".length())).forEach(names::add);
                }
            }
        }
        return names;
    }

    /** Finds, in the text files of the copy, every line that contains one of the removed names. */
    public static List<Reference> references(Path copy, List<String> removed) throws IOException {
        List<Reference> references = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(copy)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(file);
                } catch (MalformedInputException binary) {
                    continue;
                }
                for (int i = 0; i < lines.size(); i++) {
                    for (String name : removed) {
                        if (lines.get(i).contains(name)) {
                            references.add(new Reference(copy.relativize(file), i + 1, lines.get(i), name));
                        }
                    }
                }
            }
        }
        return references;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
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
