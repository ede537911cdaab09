package dev.lambdaworkbook.deploy;

/**
 * A failure the student can act on. The message is Spanish, names the bad value and says what to do; the exit code
 * tells scripts what kind of failure it was.
 */
public class DeployException extends RuntimeException {

    /** Exit code of a wrong command line or a configuration that cannot be deployed. */
    public static final int USAGE = 2;
    /** Exit code when credentials or the region are missing or rejected. */
    public static final int CREDENTIALS = 3;
    /** Exit code of a failed AWS call or a failed build. */
    public static final int FAILED = 1;
    /** Exit code when the deployment worked but the test invocation returned a function error. */
    public static final int FUNCTION_ERROR = 4;

    private final int exitCode;

    public DeployException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public DeployException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
