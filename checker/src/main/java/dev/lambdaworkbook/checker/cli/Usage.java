package dev.lambdaworkbook.checker.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Spanish usage help and Spanish messages for picocli's command-line errors. */
final class Usage {

    private Usage() {
    }

    /** Replaces picocli's English headings in the usage help of a command and of all its subcommands. */
    static void spanishHeadings(CommandLine commandLine) {
        UsageMessageSpec usage = commandLine.getCommandSpec().usageMessage();
        usage.synopsisHeading("Uso: ")
                .synopsisSubcommandLabel("[ORDEN]")
                .descriptionHeading("%n")
                .parameterListHeading("%nParámetros:%n")
                .optionListHeading("%nOpciones:%n")
                .commandListHeading("%nÓrdenes:%n");
        commandLine.getSubcommands().values().stream().distinct().forEach(Usage::spanishHeadings);
    }

    /** Returns a usage error whose message is already Spanish, so {@link #spanish} shows it unchanged. */
    static ParameterException error(CommandLine commandLine, String message) {
        return new SpanishParameterException(commandLine, message);
    }

    /** Returns the hint printed after every usage error: where to read the usage of the command that failed. */
    static String hint(CommandLine commandLine) {
        String command = "./" + commandLine.getCommandSpec().qualifiedName(" ");
        return commandLine.getParent() == null
                ? "Usa '" + command + " --help' para ver las órdenes y sus opciones."
                : "Usa '" + command + " --help' para ver sus opciones.";
    }

    /** Joins the subcommand names, except the help command, for a message: "calificar, verificar o publicar". */
    static String commandNames(CommandLine commandLine) {
        List<String> names = commandLine.getSubcommands().values().stream()
                .distinct()
                .filter(subcommand -> !subcommand.getCommandSpec().helpCommand())
                .map(CommandLine::getCommandName)
                .toList();
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " o " + names.get(names.size() - 1);
    }

    static String spanish(ParameterException error) {
        if (error instanceof SpanishParameterException) {
            return error.getMessage();
        }
        if (error instanceof UnmatchedArgumentException unmatched) {
            return unmatched(unmatched);
        }
        if (error instanceof MissingParameterException missing) {
            return missing.getMissing().stream().map(Usage::missing).collect(Collectors.joining(" "));
        }
        if (error instanceof OverwrittenOptionException overwritten) {
            return "La opción " + name(overwritten.getOverwritten()) + " aparece más de una vez: indícala una "
                    + "sola vez.";
        }
        if (error.getArgSpec() != null && error.getValue() != null) {
            return "El valor '" + error.getValue() + "' de " + name(error.getArgSpec()) + " no es válido: "
                    + expected(error.getArgSpec());
        }
        return "La línea de órdenes no es válida (" + error.getMessage() + ").";
    }

    private static String unmatched(UnmatchedArgumentException error) {
        String first = error.getUnmatched().isEmpty() ? "" : error.getUnmatched().get(0);
        String message;
        if (first.startsWith("-")) {
            message = "La opción '" + first + "' no existe.";
        } else if (!error.getCommandLine().getSubcommands().isEmpty()) {
            message = "La orden '" + first + "' no existe: indica "
                    + commandNames(error.getCommandLine()) + ".";
        } else {
            message = "Sobra el argumento '" + first + "'.";
        }
        List<String> suggestions = error.getSuggestions();
        if (!suggestions.isEmpty()) {
            message += " ¿Querías decir '" + suggestions.get(0) + "'?";
        }
        return message;
    }

    private static String missing(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return "Falta el valor de " + option.longestName() + " (" + arg.paramLabel() + ").";
        }
        // Descriptions are picocli format strings: undo the escapes the usage help would have applied.
        String description = arg.description().length == 0 ? ""
                : arg.description()[0].replace("%n", " ").replace("%%", "%");
        return "Falta el parámetro " + arg.paramLabel()
                + (description.isEmpty() ? "." : ": " + lowerFirst(description));
    }

    /** Returns the name users type: an option's longest name, or a positional parameter's label. */
    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    /** Returns a hint on the kind of value the argument takes, from the type picocli converts it to. */
    private static String expected(ArgSpec arg) {
        Class<?> type = arg.auxiliaryTypes().length > 0 ? arg.auxiliaryTypes()[0] : arg.type();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "indica un número entero, por ejemplo 4.";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "indica un número, con punto decimal si lo necesitas, por ejemplo 7.5.";
        }
        if (type.isEnum()) {
            return "indica uno de estos valores: " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ".";
        }
        if (Path.class.isAssignableFrom(type)) {
            return "indica una ruta de fichero o carpeta.";
        }
        return "revisa el formato en la ayuda de la orden.";
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** A usage error raised by the checker itself, with a Spanish message. */
    private static final class SpanishParameterException extends ParameterException {

        private static final long serialVersionUID = 1L;

        SpanishParameterException(CommandLine commandLine, String message) {
            super(commandLine, message);
        }
    }
}
