package dev.lambdaworkbook.ticks;

/**
 * A failure the function cannot work around: missing configuration, a write that would trigger the function
 * again, an input it cannot find or read, or an output S3 rejects. The message is Spanish and explains the fix.
 */
public class TickFilterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TickFilterException(String message) {
        super(message);
    }

    public TickFilterException(String message, Throwable cause) {
        super(message, cause);
    }
}
