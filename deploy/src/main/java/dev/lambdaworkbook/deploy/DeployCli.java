package dev.lambdaworkbook.deploy;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The command line of deploy.java: parses the options, runs the deployment and maps every failure to a Spanish
 * message on stderr and an exit code (see {@link DeployException}). Stack traces only with {@code --detalles}.
 */
public final class DeployCli {

    private DeployCli() {
    }

    public static void main(String... arguments) {
        System.exit(run(Path.of("").toAbsolutePath(), Timing.real(), System.out, System.err, System::getenv,
                arguments));
    }

    /**
     * Runs the command from the workbook's root folder; returns the exit code.
     *
     * @param environment the student's environment variables, where secret template parameters come from
     */
    public static int run(Path repository, Timing timing, PrintStream out, PrintStream err,
            Function<String, String> environment, String... arguments) {
        Options options;
        try {
            options = Options.parse(Arrays.asList(arguments), System.getProperty("user.name"));
        } catch (Options.HelpRequested help) {
            out.print(Options.USAGE);
            return 0;
        } catch (DeployException usage) {
            err.println("Error: " + usage.getMessage());
            return usage.exitCode();
        }
        try {
            return new Deployer(repository, timing, out, environment).run(options);
        } catch (RuntimeException failure) {
            DeployException explained = failure instanceof UncheckedIOException unreadable
                    ? new DeployException(DeployException.FAILED, unreadable.getMessage() + ": "
                            + unreadable.getCause().getMessage(), unreadable)
                    : AwsErrors.explain(failure, options.profile());
            if (explained == null) {
                err.println("Error inesperado: " + failure);
                failure.printStackTrace(err);
                return DeployException.FAILED;
            }
            err.println("Error: " + explained.getMessage());
            if (options.verbose()) {
                explained.printStackTrace(err);
            } else {
                err.println("(Para ver la traza completa, añade --detalles.)");
            }
            return explained.exitCode();
        }
    }
}
