package dev.lambdaworkbook.deploy;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How long the script waits between retries and polls. Tests pass short delays and a sleeper that only records, so
 * they never wait for real; the limits still count the delays asked for, so they behave as on AWS.
 *
 * @param sdkBackoffBase first delay of the SDK's own retries (throttling, 5xx, dropped connections)
 * @param sdkMaxAttempts attempts per SDK call, the first one included
 * @param waiterPoll delay between two polls of an SDK waiter (function active, function updated, role exists)
 * @param rolePropagationLimit how long to keep retrying while Lambda cannot yet assume a new role
 * @param sleeper the pause between retries of the script's own loops
 */
public record Timing(Duration sdkBackoffBase, int sdkMaxAttempts, Duration waiterPoll,
        Duration rolePropagationLimit, Consumer<Duration> sleeper) {

    /** Delays for real AWS: IAM changes usually reach Lambda within about 10 s, rarely over a minute. */
    public static Timing real() {
        return new Timing(Duration.ofMillis(500), 6, Duration.ofSeconds(2), Duration.ofSeconds(90), Timing::sleep);
    }

    public void pause(Duration delay) {
        sleeper.accept(delay);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DeployException(DeployException.FAILED, "Se ha interrumpido la espera.", interrupted);
        }
    }
}
