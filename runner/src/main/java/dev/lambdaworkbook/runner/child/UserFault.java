package dev.lambdaworkbook.runner.child;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * An error in the function's code or configuration, reported the way the Java runtime of Lambda reports it
 * (aws-lambda-java-runtime-interface-client 2.x): the response carries {@code errorMessage} and {@code errorType}
 * but no stack trace, and the log carries {@code "<message>: <type>"} followed by the trace.
 *
 * <p>A fatal fault happens while the handler is being created (its constructor throws): the runtime reports it as an
 * init error and the execution environment is discarded.
 */
final class UserFault extends RuntimeException {

    private static final String RUNTIME_PACKAGE = UserFault.class.getPackageName();

    final String errorMessage;
    final String errorType;
    final String trace;
    final boolean fatal;

    UserFault(String errorMessage, String errorType, String trace, boolean fatal) {
        super(errorMessage, null, false, false);
        this.errorMessage = errorMessage;
        this.errorType = errorType;
        this.trace = trace;
        this.fatal = fatal;
    }

    /** A fault with only a message, such as "No public method named ...". */
    static UserFault ofMessage(String message) {
        return new UserFault(message, null, null, false);
    }

    static UserFault of(Throwable error, boolean fatal) {
        String message = error.getLocalizedMessage() == null ? error.getClass().getName() : error.getLocalizedMessage();
        return new UserFault(message, error.getClass().getName(), trace(error), fatal);
    }

    static UserFault classNotFound(Throwable error, String className) {
        return new UserFault("Class not found: " + className, error.getClass().getName(), trace(error), false);
    }

    static UserFault initError(Throwable error, String className) {
        return new UserFault("Error loading class " + className
                + (error.getMessage() == null ? "" : ": " + error.getMessage()),
                error.getClass().getName(), trace(error), true);
    }

    /** Returns the text the runtime writes to the function's log for this fault. */
    String reportableError() {
        if (errorType != null || trace != null) {
            return errorMessage + ": " + (errorType == null ? "" : errorType) + "\n" + (trace == null ? "" : trace)
                    + "\n";
        }
        return errorMessage + "\n";
    }

    /** Returns the error response: message and type only, as the runtime sends for faults. */
    byte[] toJson() {
        return ErrorJson.of(errorMessage, errorType, null);
    }

    static String trace(Throwable error) {
        filterStackTrace(error);
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /**
     * Cuts each stack trace at the first frame of this runtime, as the real runtime hides its own frames, so the
     * student sees only their code and the JDK's.
     */
    static <T extends Throwable> T filterStackTrace(T error) {
        filter(error, Collections.newSetFromMap(new IdentityHashMap<>()));
        return error;
    }

    private static void filter(Throwable error, Set<Throwable> visited) {
        if (error == null || !visited.add(error)) {
            return;
        }
        StackTraceElement[] frames = error.getStackTrace();
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().startsWith(RUNTIME_PACKAGE)) {
                StackTraceElement[] kept = new StackTraceElement[i];
                System.arraycopy(frames, 0, kept, 0, i);
                error.setStackTrace(kept);
                break;
            }
        }
        filter(error.getCause(), visited);
        for (Throwable suppressed : error.getSuppressed()) {
            filter(suppressed, visited);
        }
    }
}
