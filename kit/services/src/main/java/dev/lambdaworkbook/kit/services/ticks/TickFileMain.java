package dev.lambdaworkbook.kit.services.ticks;

import dev.lambdaworkbook.kit.services.cli.Arguments;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a synthetic BME tick file from a shell, for the local runner, the benchmark and trying the exercise by hand.
 *
 * <pre>java -cp ... dev.lambdaworkbook.kit.services.ticks.TickFileMain --filas 2000000 --salida /tmp/RV_TICK.csv</pre>
 */
public final class TickFileMain {

    private static final String HELP = """
            Uso: TickFileMain --salida FICHERO [--filas N] [--semilla N] [--fecha AAAA-MM-DD] [rarezas...]

            Escribe un fichero de ticks sintético con el formato del extracto diario RV_TICK de BME: 38 campos
            separados por ';', cabecera FECHA;SECUENCIA;VALOR;VOLUMEN;PRECIO;...;RegulatoryReportType.
            Con la misma semilla y opciones el fichero es idéntico byte a byte. Se escribe en un temporal y se
            mueve a FICHERO solo al terminar.

              --salida FICHERO      fichero a escribir (se sobrescribe si existe)
              --filas N             filas de datos (por defecto 1000; 2000000 son unos 400 MB)
              --semilla N           semilla de los datos aleatorios (por defecto 1)
              --fecha AAAA-MM-DD    día de negociación, de lunes a viernes (por defecto 2018-03-19)

            Rarezas de los ficheros reales (por defecto ninguna):
              --bom                 marca de orden de bytes UTF-8 al principio
              --crlf                fin de línea CR LF (Windows)
              --linea-en-blanco     una línea vacía tras la cabecera
              --cabecera-repetida   la cabecera otra vez a mitad de fichero
              --filas-cortas N      N filas de datos con menos de 38 campos
              --latin1              nombres de empresa en bytes ISO-8859-1 en lugar de UTF-8
              --todas-las-rarezas   todas las anteriores (filas cortas: una de cada mil)
              --ayuda               muestra esta ayuda
            """;

    private TickFileMain() {
    }

    public static void main(String[] args) {
        try {
            Arguments arguments = Arguments.parse(args,
                    Set.of("salida", "filas", "semilla", "fecha", "filas-cortas"),
                    Set.of("bom", "crlf", "linea-en-blanco", "cabecera-repetida", "latin1", "todas-las-rarezas",
                            "ayuda"));
            if (arguments.flag("ayuda")) {
                System.out.print(HELP);
                return;
            }
            run(arguments);
        } catch (Arguments.UsageException | IllegalArgumentException usage) {
            System.err.println("Error: " + usage.getMessage());
            System.err.println("Ejecuta con --ayuda para ver las opciones.");
            System.exit(2);
        } catch (IOException writeFailed) {
            System.err.println("Error: no se pudo escribir el fichero: " + writeFailed.getMessage());
            System.exit(1);
        }
    }

    private static void run(Arguments arguments) throws IOException {
        String output = arguments.value("salida", null);
        if (output == null) {
            throw new Arguments.UsageException("Falta --salida FICHERO: indica dónde escribir el fichero de ticks.");
        }
        TickFileOptions options = options(arguments);

        long start = System.nanoTime();
        TickFileSummary summary = TickFileGenerator.write(options, Path.of(output));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        System.out.printf(Locale.ROOT, "Escrito %s: %d filas completas, %d cortas, %.1f MB en %.1f s%n", output,
                summary.completeRows(), summary.shortRows(), summary.bytes() / 1e6, took.toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "Filas completas de SAN, TEF e IDX: %d%n",
                summary.completeRowsOf(List.of("SAN", "TEF", "IDX")));
    }

    private static TickFileOptions options(Arguments arguments) {
        long rows = arguments.number("filas", 1000, 0, TickFileOptions.MAX_ROWS);
        long seed = arguments.number("semilla", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        TickFileOptions options = TickFileOptions.rows(rows).withSeed(seed).withDate(date(arguments));
        if (arguments.flag("todas-las-rarezas")) {
            options = options.withAllQuirks();
        }
        options = flag(arguments, "bom", options, TickFileOptions.Quirk.BOM);
        options = flag(arguments, "crlf", options, TickFileOptions.Quirk.CRLF);
        options = flag(arguments, "linea-en-blanco", options, TickFileOptions.Quirk.BLANK_LINE_AFTER_HEADER);
        options = flag(arguments, "cabecera-repetida", options, TickFileOptions.Quirk.REPEATED_HEADER);
        options = flag(arguments, "latin1", options, TickFileOptions.Quirk.LATIN1);
        if (!arguments.all("filas-cortas").isEmpty()) {
            options = options.withShortRows(arguments.number("filas-cortas", 0, 0, rows));
        }
        return options;
    }

    private static LocalDate date(Arguments arguments) {
        String text = arguments.value("fecha", "2018-03-19");
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException invalid) {
            throw new Arguments.UsageException("Fecha no válida: '" + text + "'. Usa el formato AAAA-MM-DD, "
                    + "por ejemplo 2018-03-19.");
        }
    }

    private static TickFileOptions flag(Arguments arguments, String name, TickFileOptions options,
            TickFileOptions.Quirk quirk) {
        return arguments.flag(name) ? options.withQuirks(quirk) : options;
    }
}
