package dev.lambdaworkbook.checker.run;

import java.time.Duration;

/**
 * Limits of one submission's child JVM.
 *
 * @param perTest time one test (or one test class's setup) may run without reporting before the process tree is
 *     killed and the test recorded as timed out
 * @param perSubmission time all tests of one submission and exercise may take together, restarts included
 * @param maxHeap the {@code -Xmx} value, e.g. {@code 256m}
 * @param threadStack the {@code -Xss} value, e.g. {@code 1m}
 * @param outputLimit bytes of printed output kept per test
 */
public record SandboxLimits(Duration perTest, Duration perSubmission, String maxHeap, String threadStack,
        int outputLimit) {

    public static SandboxLimits defaults() {
        return new SandboxLimits(Duration.ofSeconds(10), Duration.ofSeconds(60), "256m", "1m", 16 * 1024);
    }

    public SandboxLimits withTimes(Duration test, Duration submission) {
        return new SandboxLimits(test, submission, maxHeap, threadStack, outputLimit);
    }
}
