package dev.lambdaworkbook.runner.invoke;

import java.nio.charset.StandardCharsets;

/**
 * The outcome of one invocation, with what the Lambda console's Test tab shows.
 *
 * @param response the response JSON, or the error JSON when {@code success} is false
 * @param durationMillis the invoke phase's duration
 * @param initDurationMillis the init phase's duration on a cold start, or -1 on a warm one
 * @param maxMemoryUsedMb the execution environment's peak memory
 * @param log the log as CloudWatch would store it, from the init output to the REPORT line
 * @param failure what went wrong outside the handler's own code, or {@link Failure#NONE}
 */
public record Invocation(
        String requestId,
        boolean success,
        byte[] response,
        double durationMillis,
        double initDurationMillis,
        int memorySize,
        int maxMemoryUsedMb,
        String log,
        Failure failure) {

    /** Failures the runtime itself reports, each needing its own hint for the student. */
    public enum Failure {
        NONE, HANDLER_ERROR, INIT_ERROR, TIMEOUT, OUT_OF_MEMORY, RUNTIME_EXIT
    }

    public String responseText() {
        return new String(response, StandardCharsets.UTF_8);
    }

    public boolean coldStart() {
        return initDurationMillis >= 0;
    }

    /**
     * Returns the duration Lambda bills: the invoke phase plus, on a cold start, the init phase, rounded up to the
     * next millisecond. Lambda bills the init phase of ZIP functions on managed runtimes since 1 August 2025 (AWS
     * Compute Blog, "AWS Lambda standardizes billing for INIT Phase").
     */
    public long billedDurationMillis() {
        return (long) Math.ceil(durationMillis + Math.max(0, initDurationMillis));
    }
}
