package dev.lambdaworkbook.runner.cli;

import dev.lambdaworkbook.runner.ExitCode;
import dev.lambdaworkbook.runner.RunnerException;
import dev.lambdaworkbook.runner.project.Workspace;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code lambda-local} command: runs the workbook's functions on the student's machine, without AWS or Docker. */
@Command(name = "lambda-local",
        synopsisHeading = "Uso: ",
        synopsisSubcommandLabel = "COMANDO",
        descriptionHeading = "%n",
        parameterListHeading = "%nParámetros:%n",
        optionListHeading = "%nOpciones:%n",
        commandListHeading = "%nComandos:%n",
        exitCodeListHeading = "%nCódigos de salida:%n",
        exitCodeList = {
            "0:todo correcto",
            "1:la función terminó con error o superó su Timeout o su MemorySize",
            "2:opción desconocida, valor no válido o falta un argumento",
            "3:falta el ejercicio, su template.yaml o un fichero, o no son válidos",
            "4:Maven no pudo compilar el ejercicio",
            "5:error inesperado del propio lambda-local (repite con --verbose)"},
        footer = {"%nEjemplos:",
            "  ./lambda-local invocar 01",
            "  ./lambda-local invocar 07 --fichero mi-evento.json --veces 3",
            "  ./lambda-local evento api --ruta /suma --param a=2 --param b=3 \\",
            "      | ./lambda-local invocar 07 --fichero -",
            "  ./lambda-local api 07",
            "      y, en otra terminal: curl 'http://127.0.0.1:3000/suma?a=2&b=3'",
            "  ./lambda-local invocar 05 --api-falsa --s3",
            "  ./lambda-local invocar 06 --s3 --generar-ticks 1000",
            "  ./lambda-local s3 06 --generar-ticks 1000 --terminar",
            "  ./lambda-local programar 03 --ahora 3",
            "%nAyuda de cada comando: ./lambda-local COMANDO --help"},
        description = "Ejecuta en tu máquina las funciones del cuaderno como lo haría AWS Lambda, sin AWS ni Docker: "
                + "las invoca como el botón Probar de la consola, sirve una API local y simula los disparadores "
                + "de S3 y de programación.",
        subcommands = {InvokeCommand.class, EventCommand.class, ApiCommand.class, S3Command.class,
            ScheduleCommand.class, TicksCommand.class})
public final class LambdaLocal implements Runnable {

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Muestra esta ayuda y termina.")
    boolean help;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Muestra la traza completa de los errores del propio lambda-local.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Builds the command line with Spanish error handling, printing to this process's standard streams. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LambdaLocal());
        commandLine.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        ErrorHandler errors = new ErrorHandler();
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExitCodeExceptionMapper(error -> ExitCode.INTERNAL.code());
        commandLine.setUsageHelpAutoWidth(true);
        spanishHeadings(commandLine);
        if (!workbookHasSolutions()) {
            hideSolutionOption(commandLine);
        }
        return commandLine;
    }

    private static boolean workbookHasSolutions() {
        try {
            return Files.isDirectory(Workspace.locate().root().resolve("solutions"));
        } catch (RunnerException outsideWorkbook) {
            return false;
        }
    }

    /**
     * Hides {@code --solucion} from every command's help, as in the students' copy, which has no reference solutions.
     * The option still parses, so using it gets the Spanish message that the solution does not exist.
     */
    public static void hideSolutionOption(CommandLine commandLine) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            OptionSpec option = spec.findOption("--solucion");
            if (option != null && !option.hidden()) {
                spec.remove(option);
                spec.addOption(option.toBuilder().hidden(true).build());
            }
            hideSolutionOption(sub);
        }
    }

    /** Gives every subcommand's help the Spanish headings of the top command; picocli's defaults are English. */
    private static void spanishHeadings(CommandLine commandLine) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage()
                    .synopsisHeading("Uso: ")
                    .synopsisSubcommandLabel("TIPO")
                    .descriptionHeading("%n")
                    .parameterListHeading("%nParámetros:%n")
                    .optionListHeading("%nOpciones:%n")
                    .commandListHeading("%nTipos:%n");
            spanishHeadings(sub);
        }
    }
}
