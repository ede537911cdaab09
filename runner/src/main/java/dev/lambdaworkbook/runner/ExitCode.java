package dev.lambdaworkbook.runner;

/** The exit codes of {@code lambda-local}, one per kind of outcome, as listed in its help. */
public enum ExitCode {
    /** The command did its work and the function, if invoked, succeeded. */
    OK(0),
    /** The function ran and returned an error, timed out or ran out of memory. */
    FUNCTION_ERROR(1),
    /** The command line is not valid. */
    USAGE(2),
    /** The exercise, its template or an input file is missing or not valid. */
    CONFIGURATION(3),
    /** Maven could not compile the exercise. */
    BUILD(4),
    /** Anything else: a bug or a broken installation. */
    INTERNAL(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
