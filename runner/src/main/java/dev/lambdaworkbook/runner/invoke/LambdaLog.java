package dev.lambdaworkbook.runner.invoke;

import java.time.Instant;
import java.util.Locale;

/** The lines Lambda itself writes to a function's log around each invocation. */
public final class LambdaLog {

    private LambdaLog() {
    }

    public static String start(String requestId) {
        return "START RequestId: " + requestId + " Version: $LATEST\n";
    }

    public static String end(String requestId) {
        return "END RequestId: " + requestId + "\n";
    }

    /** Returns the REPORT line: tab-separated fields, with Init Duration only after a cold start. */
    public static String report(Invocation invocation) {
        StringBuilder line = new StringBuilder("REPORT RequestId: ").append(invocation.requestId())
                .append("\tDuration: ").append(millis(invocation.durationMillis())).append(" ms")
                .append("\tBilled Duration: ").append(invocation.billedDurationMillis()).append(" ms")
                .append("\tMemory Size: ").append(invocation.memorySize()).append(" MB")
                .append("\tMax Memory Used: ").append(invocation.maxMemoryUsedMb()).append(" MB");
        if (invocation.coldStart()) {
            line.append("\tInit Duration: ").append(millis(invocation.initDurationMillis())).append(" ms");
        }
        return line.append('\n').toString();
    }

    /** Returns the line Lambda logs when an invocation reaches its timeout. */
    public static String timedOut(Instant when, String requestId, int timeoutSeconds) {
        return when + " " + requestId + " " + timeoutMessage(timeoutSeconds) + "\n";
    }

    public static String timeoutMessage(int timeoutSeconds) {
        return "Task timed out after " + String.format(Locale.ROOT, "%.2f", (double) timeoutSeconds) + " seconds";
    }

    /** Returns the two lines Lambda logs when the runtime process ends during an invocation. */
    public static String runtimeExited(String requestId, String reason) {
        return exitMessage(requestId, reason) + "\nRuntime.ExitError\n";
    }

    public static String exitMessage(String requestId, String reason) {
        return "RequestId: " + requestId + " Error: Runtime exited with error: " + reason;
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
