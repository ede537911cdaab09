package dev.lambdaworkbook.runner.project;

import dev.lambdaworkbook.runner.ExitCode;
import dev.lambdaworkbook.runner.RunnerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workbook's folder: the one that holds {@code mvnw} and {@code exercises/}. The {@code lambda-local} script
 * passes it in {@code LAMBDA_LOCAL_HOME}; without it the runner looks upwards from the working folder.
 */
public record Workspace(Path root) {

    public static Workspace locate() {
        String home = System.getenv("LAMBDA_LOCAL_HOME");
        if (home != null && !home.isBlank()) {
            return new Workspace(Path.of(home).toAbsolutePath().normalize());
        }
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder.resolve("exercises")) && Files.exists(folder.resolve("mvnw"))) {
                return new Workspace(folder);
            }
        }
        throw new RunnerException(ExitCode.CONFIGURATION, "No se encuentra la carpeta del cuaderno (la que contiene "
                + "'mvnw' y 'exercises/') desde '" + Path.of("").toAbsolutePath() + "'. Ejecuta ./lambda-local desde "
                + "la raíz del repositorio.");
    }

    public Path exercise(String number) {
        return root.resolve("exercises").resolve(number);
    }

    public Path solution(String number) {
        return root.resolve("solutions").resolve(number);
    }

    /** Returns the exercise numbers that have a template, sorted. */
    public List<String> exercises() {
        try (Stream<Path> folders = Files.list(root.resolve("exercises"))) {
            return folders.filter(folder -> Files.exists(folder.resolve("template.yaml")))
                    .map(folder -> folder.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException unreadable) {
            return List.of();
        }
    }
}
