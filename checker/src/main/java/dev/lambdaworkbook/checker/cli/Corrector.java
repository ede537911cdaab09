package dev.lambdaworkbook.checker.cli;

import dev.lambdaworkbook.checker.CheckerException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The instructor's command line: {@code calificar}, {@code verificar} and {@code publicar}. Errors go to standard
 * error with the prefix "corrector: error:" and map to the {@link ExitCodes}; stack traces only with
 * {@code --verbose}.
 */
@Command(name = "corrector", mixinStandardHelpOptions = true, version = "corrector 1.0",
        description = "Herramientas del profesor del cuaderno de AWS Lambda.",
        subcommands = {CalificarCommand.class, VerificarCommand.class, PublicarCommand.class, HelpCommand.class})
public final class Corrector {

    private Corrector() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        boolean verbose = Arrays.stream(args).anyMatch(arg -> arg.equals("-v") || arg.equals("--verbose"));
        CommandLine commandLine = new CommandLine(new Corrector());
        commandLine.getCommandSpec().usageMessage().headerHeading("Uso: ");
        commandLine.setParameterExceptionHandler((error, arguments) -> {
            PrintWriter err = error.getCommandLine().getErr();
            err.println("corrector: error: " + Usage.spanish(error));
            err.println("Usa 'corrector " + error.getCommandLine().getCommandName() + " --help' para ver las "
                    + "opciones.");
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (error instanceof CheckerException) {
                err.println("corrector: error: " + error.getMessage());
            } else {
                err.println("corrector: error inesperado: " + error);
            }
            if (verbose) {
                error.printStackTrace(err);
            } else {
                err.println("(Añade --verbose para ver la traza completa.)");
            }
            return error instanceof CheckerException ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL;
        });
        return commandLine.execute(args);
    }
}
