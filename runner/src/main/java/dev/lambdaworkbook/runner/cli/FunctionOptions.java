package dev.lambdaworkbook.runner.cli;

import dev.lambdaworkbook.runner.project.FunctionSelection;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options that choose which function a command runs; shared by every command that runs one. */
public final class FunctionOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "EJERCICIO",
            description = "Número del ejercicio, con dos cifras: 01, 02, … 07.")
    String exercise;

    @Option(names = "--solucion", description = "Ejecuta la solución de referencia en vez de tu código. Solo en la "
            + "copia del profesorado.")
    boolean solution;

    @Option(names = "--plantilla", paramLabel = "FICHERO", description = "Usa esta plantilla SAM en vez del "
            + "template.yaml del ejercicio.")
    Path template;

    @Option(names = "--classpath", paramLabel = "RUTAS", description = "Usa estas clases compiladas (rutas "
            + "separadas por '${sys:path.separator}') en vez de compilar el ejercicio.")
    String classpath;

    FunctionSelection selection() {
        List<Path> entries = classpath == null ? List.of()
                : Arrays.stream(classpath.split(File.pathSeparator)).filter(entry -> !entry.isBlank()).map(Path::of)
                        .toList();
        return new FunctionSelection(exercise, solution, template, entries);
    }
}
