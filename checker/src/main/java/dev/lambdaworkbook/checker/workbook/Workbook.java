package dev.lambdaworkbook.checker.workbook;

import dev.lambdaworkbook.checker.CheckerException;
import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.config.TemplateException;
import dev.lambdaworkbook.kit.config.TemplateReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The workbook repository the checker grades against: its exercises, in folder order. */
public final class Workbook {

    private final Path root;

    private Workbook(Path root) {
        this.root = root;
    }

    /**
     * Opens the workbook at the folder.
     *
     * @throws CheckerException when the folder has no {@code exercises/} folder
     */
    public static Workbook at(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("exercises")) || !Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new CheckerException("'" + folder + "' no es la raíz del cuaderno: le falta pom.xml o la carpeta "
                    + "exercises/. Ejecuta el corrector desde el repositorio o indica la raíz con --cuaderno.");
        }
        return new Workbook(root);
    }

    /** Opens the workbook that contains the folder, looking upwards from it. */
    public static Workbook around(Path start) {
        for (Path current = start.toAbsolutePath().normalize(); current != null; current = current.getParent()) {
            if (Files.isDirectory(current.resolve("exercises")) && Files.isDirectory(current.resolve("solutions"))) {
                return at(current);
            }
        }
        return at(start);
    }

    public Path root() {
        return root;
    }

    /** Returns every exercise that has a template, sorted by number. */
    public List<Exercise> exercises() {
        List<Exercise> exercises = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root.resolve("exercises"))) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String id = folder.getFileName().toString();
                if (id.matches("\\d\\d") && Files.isRegularFile(folder.resolve("template.yaml"))) {
                    exercises.add(load(id));
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return exercises;
    }

    /**
     * Returns the exercises with the given numbers, or all of them for an empty list.
     *
     * @throws CheckerException naming the first unknown number and the known ones
     */
    public List<Exercise> select(List<String> ids) {
        List<Exercise> all = exercises();
        if (ids.isEmpty()) {
            return all;
        }
        List<Exercise> selected = new ArrayList<>();
        for (String id : ids) {
            String normalized = id.strip().length() == 1 ? "0" + id.strip() : id.strip();
            Exercise exercise = all.stream().filter(e -> e.id().equals(normalized)).findFirst()
                    .orElseThrow(() -> new CheckerException("No existe el ejercicio '" + id + "'. Ejercicios del "
                            + "cuaderno: " + all.stream().map(Exercise::id).toList() + "."));
            selected.add(exercise);
        }
        return selected;
    }

    private Exercise load(String id) {
        Path folder = root.resolve("exercises").resolve(id);
        try {
            FunctionConfig config = TemplateReader.read(folder.resolve("template.yaml"));
            return new Exercise(id, folder, root.resolve("solutions").resolve(id), config);
        } catch (TemplateException invalid) {
            throw new CheckerException("La plantilla del ejercicio " + id + " no es válida: " + invalid.getMessage(),
                    invalid);
        }
    }
}
