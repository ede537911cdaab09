package dev.lambdaworkbook.kit.context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A clock that moves only when told to, so tests about time never sleep for real.
 *
 * <p>Give the same clock to a {@link TestContext} and, through {@link #sleeper()}, to the handler's pause: each
 * pause then advances the clock and the context's remaining time falls by exactly that much.
 */
public final class ManualClock extends Clock {

    private final ZoneId zone;
    private Instant now;

    public ManualClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private ManualClock(Instant start, ZoneId zone) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Creates a clock fixed at the given ISO-8601 instant, e.g. {@code 2026-03-19T09:00:18Z}. */
    public static ManualClock at(String isoInstant) {
        return new ManualClock(Instant.parse(isoInstant));
    }

    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("El reloj no puede retroceder: " + duration);
        }
        now = now.plus(duration);
    }

    /** Returns a pause that advances this clock instead of sleeping. */
    public Consumer<Duration> sleeper() {
        return this::advance;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new ManualClock(instant(), newZone);
    }
}
