package dev.lambdaworkbook.runner.project;

import dev.lambdaworkbook.kit.config.EnvironmentValue;
import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.config.TemplateException;
import dev.lambdaworkbook.kit.config.TemplateReader;
import dev.lambdaworkbook.runner.ExitCode;
import dev.lambdaworkbook.runner.RunnerException;
import dev.lambdaworkbook.runner.invoke.LocalFunction;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Turns a {@link FunctionSelection} into a {@link LocalFunction}: template, compiled code, environment. */
public final class FunctionResolver {

    private final Function<String, String> hostEnvironment;
    private final PrintStream diagnostics;

    public FunctionResolver(Function<String, String> hostEnvironment, PrintStream diagnostics) {
        this.hostEnvironment = hostEnvironment;
        this.diagnostics = diagnostics;
    }

    public LocalFunction resolve(FunctionSelection selection) {
        if (selection.exercise() == null) {
            return fromExplicitFiles(selection);
        }
        Workspace workspace = Workspace.locate();
        Path exercise = exerciseFolder(workspace, selection.exercise());
        Path module = selection.solution() ? workspace.solution(selection.exercise()) : exercise;
        if (!Files.isDirectory(module)) {
            throw new RunnerException(ExitCode.CONFIGURATION, "No existe la solución '" + selection.exercise()
                    + "' (se buscó en '" + module + "'). --solucion solo funciona en la copia de los profesores.");
        }
        Path template = selection.template() != null ? selection.template() : template(exercise, module);
        FunctionConfig config = read(template);
        environment(config);
        if (!selection.classpath().isEmpty()) {
            return build(config, selection.classpath(), template.toAbsolutePath().getParent());
        }
        List<Path> sources = new ArrayList<>(List.of(module.resolve("src/main/java"),
                module.resolve("src/main/resources"), module.resolve("pom.xml")));
        if (selection.solution()) {
            sources.add(exercise.resolve("src/main/resources"));
        }
        List<Path> classpath = new ArrayList<>(new ModuleBuild(workspace, diagnostics).classpath(module, sources));
        Path task = TaskRoot.prepare(classpath.get(0), module.resolve("target/lambda-local/task"));
        classpath.set(0, task);
        return build(config, classpath, task);
    }

    private LocalFunction fromExplicitFiles(FunctionSelection selection) {
        if (selection.template() == null || selection.classpath().isEmpty()) {
            throw new RunnerException(ExitCode.USAGE, "Indica el número de ejercicio (por ejemplo 07), o bien "
                    + "--plantilla y --classpath juntos.");
        }
        return build(read(selection.template()), selection.classpath(),
                selection.template().toAbsolutePath().getParent());
    }

    private LocalFunction build(FunctionConfig config, List<Path> classpath, Path taskRoot) {
        for (Path entry : classpath) {
            if (!Files.exists(entry)) {
                throw new RunnerException(ExitCode.CONFIGURATION, "No existe '" + entry + "' en el classpath de la "
                        + "función. Revisa --classpath o vuelve a compilar el ejercicio.");
            }
        }
        Map<String, String> environment = environment(config);
        Set<String> secrets = new HashSet<>();
        config.environment().forEach((name, value) -> {
            if (value instanceof EnvironmentValue.ParameterRef reference && reference.secret()) {
                secrets.add(environment.get(name));
            }
        });
        return new LocalFunction(config, classpath, taskRoot, environment, secrets);
    }

    /** Resolves the function's variables, failing before any slow build when a parameter has no value. */
    private Map<String, String> environment(FunctionConfig config) {
        try {
            return config.resolveEnvironment(hostEnvironment);
        } catch (TemplateException missing) {
            throw new RunnerException(ExitCode.CONFIGURATION, missing.getMessage(), missing);
        }
    }

    private static Path exerciseFolder(Workspace workspace, String number) {
        Path exercise = workspace.exercise(number);
        if (!number.matches("\\d{2}") || !Files.exists(exercise.resolve("template.yaml"))) {
            throw new RunnerException(ExitCode.CONFIGURATION, "No existe el ejercicio '" + number + "'. Ejercicios "
                    + "disponibles: " + String.join(", ", workspace.exercises()) + ". Escribe el número con dos "
                    + "cifras, por ejemplo 07.");
        }
        return exercise;
    }

    /** Returns the solution's own template when it has one (its task was to write it), else the exercise's. */
    private static Path template(Path exercise, Path module) {
        Path own = module.resolve("template.yaml");
        return Files.exists(own) ? own : exercise.resolve("template.yaml");
    }

    private static FunctionConfig read(Path template) {
        try {
            return TemplateReader.read(template);
        } catch (TemplateException invalid) {
            throw new RunnerException(ExitCode.CONFIGURATION, invalid.getMessage(), invalid);
        }
    }
}
