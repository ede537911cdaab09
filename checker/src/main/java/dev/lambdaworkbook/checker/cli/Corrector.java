package dev.lambdaworkbook.checker.cli;

import dev.lambdaworkbook.checker.CheckerException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The instructor's command line: {@code calificar}, {@code verificar} and {@code publicar}. Errors go to standard
 * error with the prefix "corrector: error:" and map to the {@link ExitCodes}. Unexpected errors print their stack
 * trace only with {@code --verbose}.
 */
@Command(name = "corrector", version = "corrector 1.0",
        description = "Herramientas del profesor del cuaderno de AWS Lambda.",
        footer = "%nAyuda de cada orden: ./corrector ORDEN --help",
        subcommands = {CalificarCommand.class, VerificarCommand.class, PublicarCommand.class, AyudaCommand.class})
public final class Corrector implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Muestra esta ayuda y termina.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Muestra la versión y termina.")
    boolean version;

    @Spec
    CommandSpec spec;

    private Corrector() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        boolean verbose = Arrays.stream(args).anyMatch(arg -> arg.equals("-v") || arg.equals("--verbose"));
        CommandLine commandLine = new CommandLine(new Corrector());
        Usage.spanishHeadings(commandLine);
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            PrintWriter err = error.getCommandLine().getErr();
            err.println("corrector: error: " + Usage.spanish(error));
            err.println(Usage.hint(error.getCommandLine()));
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            PrintWriter err = line.getErr();
            boolean expected = error instanceof CheckerException;
            err.println(expected ? "corrector: error: " + error.getMessage()
                    : "corrector: error inesperado: " + error);
            if (verbose) {
                error.printStackTrace(err);
            } else if (!expected) {
                err.println("(Añade --verbose para ver la traza completa.)");
            }
            return expected ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL;
        });
        return commandLine.execute(args);
    }

    /** Runs when no subcommand is given, which is a usage error. */
    @Override
    public Integer call() {
        throw Usage.error(spec.commandLine(), "Falta la orden: indica " + Usage.commandNames(spec.commandLine())
                + ".");
    }
}
