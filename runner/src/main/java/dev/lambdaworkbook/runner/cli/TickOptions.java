package dev.lambdaworkbook.runner.cli;

import dev.lambdaworkbook.runner.ExitCode;
import dev.lambdaworkbook.runner.RunnerException;
import dev.lambdaworkbook.runner.services.SyntheticTickFile;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Option;

/** The options that create a synthetic BME tick file to upload to the local S3 server. invocar and s3 share them. */
final class TickOptions {

    @Option(names = "--generar-ticks", paramLabel = "FILAS", description = "Genera un fichero de ticks de BME "
            + "sintético con este número de filas de datos (entre 1 y " + SyntheticTickFile.MAX_ROWS + "; un día "
            + "completo son unos 400 MB, que el S3 local guarda en memoria) y lo sube al S3 local: 'invocar --s3' lo deja en el bucket y la clave que "
            + "anuncia el evento; 's3', en el bucket del disparador, como '" + SyntheticTickFile.DEFAULT_NAME
            + "' tras el prefijo del filtro.")
    Long rows;

    @Option(names = "--rarezas", description = "Con --generar-ticks: el fichero lleva las rarezas de los ficheros "
            + "reales (BOM, fin de línea CRLF, línea en blanco, cabecera repetida, filas cortas y nombres en "
            + "Latin-1).")
    boolean quirks;

    boolean requested() {
        return rows != null;
    }

    /** Rejects a bad row count, or --rarezas alone, before anything slow starts. */
    void check() {
        if (quirks && rows == null) {
            throw new RunnerException(ExitCode.USAGE, "--rarezas solo tiene sentido con --generar-ticks FILAS, por "
                    + "ejemplo --generar-ticks 1000 --rarezas.");
        }
        if (rows != null) {
            Cli.checkRange("--generar-ticks", rows, 1, SyntheticTickFile.MAX_ROWS);
        }
    }

    /** Writes the file to a temporary folder and says so; the caller closes it, which deletes it. */
    SyntheticTickFile write(PrintWriter out) {
        SyntheticTickFile file;
        try {
            file = SyntheticTickFile.write(rows, quirks);
        } catch (UncheckedIOException failed) {
            throw new RunnerException(ExitCode.CONFIGURATION, failed.getMessage() + " Comprueba que hay espacio en "
                    + "disco o genera menos filas.", failed);
        }
        out.println("Generado el fichero de ticks sintético '" + file.name() + "' (" + Cli.size(file.bytes())
                + (quirks ? ", con las rarezas de los ficheros reales" : "") + ").");
        out.println("Si tu filtro es correcto, registrará: " + file.expectedCounts() + ".");
        out.flush();
        return file;
    }
}
