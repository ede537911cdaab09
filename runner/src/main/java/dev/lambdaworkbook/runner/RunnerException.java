package dev.lambdaworkbook.runner;

/**
 * A failure the user can fix, with a Spanish message that names the bad value and the fix; the CLI prints it
 * without a stack trace and ends with its exit code.
 */
public class RunnerException extends RuntimeException {

    private final ExitCode exitCode;

    public RunnerException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public RunnerException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
