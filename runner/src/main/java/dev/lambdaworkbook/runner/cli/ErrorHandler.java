package dev.lambdaworkbook.runner.cli;

import dev.lambdaworkbook.runner.ExitCode;
import dev.lambdaworkbook.runner.RunnerException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place that turns failures into messages and exit codes: a Spanish line on standard error prefixed with
 * {@code lambda-local: error:}, the stack trace only with {@code --verbose}, and the {@link ExitCode} of its kind.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private static final String PREFIX = "lambda-local: error: ";

    @Override
    public int handleExecutionException(Exception error, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = parsed.hasMatchedOption("--verbose")
                || parsed.subcommands().stream().anyMatch(sub -> sub.hasMatchedOption("--verbose"))
                || hasVerbose(parsed);
        ExitCode code;
        if (error instanceof RunnerException known) {
            err.println(PREFIX + known.getMessage());
            code = known.exitCode();
        } else if (error instanceof UncheckedIOException io) {
            err.println(PREFIX + io.getMessage() + ": " + io.getCause().getMessage());
            code = ExitCode.INTERNAL;
        } else if (error instanceof InterruptedException) {
            err.println(PREFIX + "interrumpido.");
            code = ExitCode.INTERNAL;
        } else {
            err.println(PREFIX + "fallo inesperado de lambda-local: " + error);
            code = ExitCode.INTERNAL;
        }
        if (verbose) {
            error.printStackTrace(err);
        } else if (code == ExitCode.INTERNAL) {
            err.println("Repite la orden con --verbose para ver la traza completa.");
        }
        err.flush();
        return code.code();
    }

    private static boolean hasVerbose(ParseResult parsed) {
        for (ParseResult current = parsed; current != null; current = current.subcommand()) {
            if (current.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int handleParseException(ParameterException error, String[] args) {
        CommandLine commandLine = error.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(PREFIX + spanish(error));
        err.println("Consulta las opciones con: ./lambda-local " + commandPath(commandLine) + "--help");
        err.flush();
        return ExitCode.USAGE.code();
    }

    private static String spanish(ParameterException error) {
        if (error instanceof UnmatchedArgumentException unmatched) {
            String suggestions = unmatched.getSuggestions().isEmpty() ? ""
                    : " ¿Querías decir " + String.join(" o ", unmatched.getSuggestions()) + "?";
            return "no se reconoce " + quoted(unmatched.getUnmatched()) + "." + suggestions;
        }
        if (error instanceof MissingParameterException missing) {
            return "falta " + missing.getMissing().stream()
                    .map(arg -> arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel())
                    .reduce((a, b) -> a + ", " + b).orElse("un parámetro") + ".";
        }
        if (error.getArgSpec() != null && error.getValue() != null) {
            String name = error.getArgSpec().isOption()
                    ? ((CommandLine.Model.OptionSpec) error.getArgSpec()).longestName()
                    : error.getArgSpec().paramLabel();
            return "valor no válido para " + name + ": '" + error.getValue() + "'.";
        }
        return error.getMessage();
    }

    private static String quoted(java.util.List<String> values) {
        return values.stream().map(value -> "'" + value + "'").reduce((a, b) -> a + ", " + b).orElse("''");
    }

    private static String commandPath(CommandLine commandLine) {
        StringBuilder path = new StringBuilder();
        for (CommandLine current = commandLine; current.getParent() != null; current = current.getParent()) {
            path.insert(0, current.getCommandName() + " ");
        }
        return path.toString();
    }
}
