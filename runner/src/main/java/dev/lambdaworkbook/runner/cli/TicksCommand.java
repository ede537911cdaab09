package dev.lambdaworkbook.runner.cli;

import dev.lambdaworkbook.kit.services.ticks.TickFileSummary;
import dev.lambdaworkbook.runner.ExitCode;
import dev.lambdaworkbook.runner.RunnerException;
import dev.lambdaworkbook.runner.services.SyntheticTickFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ticks", sortOptions = false,
        description = "Escribe un fichero de ticks de BME sintético, con el formato del extracto diario RV_TICK (38 "
                + "campos separados por ';'), para subirlo con 's3 --subir' o a tu bucket de AWS. Con las mismas "
                + "opciones, el fichero sale idéntico byte a byte.")
final class TicksCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FICHERO",
            description = "Fichero que se escribe (por defecto '" + SyntheticTickFile.DEFAULT_NAME + "', en la "
                    + "carpeta actual). Si ya existe, se sustituye. Si el nombre lleva una fecha día-mes-año, como "
                    + "'RV_TICK 20-03-2018.csv', los ticks son de ese día; si no, del 19-03-2018.")
    Path target;

    @Option(names = "--filas", paramLabel = "N", defaultValue = "1000",
            description = "Filas de datos, entre 1 y " + SyntheticTickFile.MAX_ROWS + " (por defecto "
                    + "${DEFAULT-VALUE}; un día completo son 2000000, unos 400 MB).")
    long rows;

    @Option(names = "--rarezas", description = "Añade las rarezas de los ficheros reales (BOM, fin de línea CRLF, "
            + "línea en blanco, cabecera repetida, filas cortas y nombres en Latin-1).")
    boolean quirks;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Cli.checkRange("--filas", rows, 1, SyntheticTickFile.MAX_ROWS);
        Path file = target != null ? target : Path.of(SyntheticTickFile.DEFAULT_NAME);
        if (Files.isDirectory(file)) {
            throw new RunnerException(ExitCode.USAGE, "'" + file + "' es una carpeta. Indica un fichero, por "
                    + "ejemplo '" + file.resolve(SyntheticTickFile.DEFAULT_NAME) + "'.");
        }
        TickFileSummary summary;
        try {
            summary = SyntheticTickFile.writeTo(file, rows, quirks);
        } catch (IllegalArgumentException badDate) {
            throw new RunnerException(ExitCode.USAGE, badDate.getMessage(), badDate);
        } catch (IOException failed) {
            throw new RunnerException(ExitCode.CONFIGURATION, "No se pudo escribir '" + file + "': " + failed
                    + ". Comprueba que puedes escribir en esa carpeta y que hay espacio en disco.", failed);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Escrito '" + file + "' (" + Cli.size(summary.bytes())
                + (quirks ? ", con las rarezas de los ficheros reales" : "") + ").");
        if (SyntheticTickFile.tradingDay(file.getFileName().toString()).isEmpty()) {
            out.println("El nombre no lleva fecha día-mes-año: los ticks son del " + SyntheticTickFile.DEFAULT_DAY
                    + ".");
        }
        out.println("Si tu filtro del ejercicio 06 es correcto, registrará: "
                + SyntheticTickFile.expectedCounts(summary) + ".");
        out.flush();
        return ExitCode.OK.code();
    }
}
