package dev.lambdaworkbook.checker;

/**
 * A problem the instructor can fix, with a Spanish message that names the bad value and the fix. The command line
 * prints only the message unless {@code --verbose} is given.
 */
public class CheckerException extends RuntimeException {

    public CheckerException(String message) {
        super(message);
    }

    public CheckerException(String message, Throwable cause) {
        super(message, cause);
    }
}
