package dev.lambdaworkbook.checker.cli;

import dev.lambdaworkbook.checker.workbook.Workbook;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every subcommand takes. */
final class CommonOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Muestra esta ayuda y termina.")
    boolean help;

    @Option(names = {"-v", "--verbose"}, description = "Muestra las trazas completas de los errores.")
    boolean verbose;

    @Option(names = "--cuaderno", paramLabel = "CARPETA",
            description = "Raíz del cuaderno (el repositorio con exercises/ y solutions/). Por defecto, la que "
                    + "contiene la carpeta actual.")
    Path workbook;

    Workbook workbook() {
        if (workbook != null) {
            return Workbook.at(workbook);
        }
        String configured = System.getProperty("checker.workbook");
        return configured != null ? Workbook.at(Path.of(configured)) : Workbook.around(Path.of(""));
    }
}
