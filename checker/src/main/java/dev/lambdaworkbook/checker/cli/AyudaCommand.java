package dev.lambdaworkbook.checker.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code corrector ayuda [ORDEN]}, also {@code help}: prints the usage of the checker or of one subcommand. It
 * replaces picocli's help command, whose texts are English.
 */
@Command(name = "ayuda", aliases = "help", helpCommand = true,
        description = "Muestra la ayuda del corrector o, si nombras una orden, la de esa orden.")
final class AyudaCommand implements IHelpCommandInitializable2, Runnable {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Muestra esta ayuda y termina.")
    boolean help;

    @Parameters(paramLabel = "ORDEN", arity = "0..1", description = "Orden de la que quieres ver la ayuda.")
    String command;

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public void run() {
        CommandLine parent = self.getParent();
        if (command == null) {
            parent.usage(out, colors);
            return;
        }
        CommandLine subcommand = parent.getSubcommands().get(command);
        if (subcommand == null) {
            throw Usage.error(parent, "La orden '" + command + "' no existe: indica "
                    + Usage.commandNames(parent) + ".");
        }
        subcommand.usage(out, colors);
    }
}
