package dev.lambdaworkbook.kit.context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A clock that moves only when a test advances it, so tests about time never sleep for real.
 *
 * <p>Give the same clock to a {@link TestContext} and, through {@link #sleeper()}, to the handler's pause: each
 * pause then advances the clock and the context's remaining time falls by exactly that much.
 */
public final class ManualClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public ManualClock(Instant start) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Creates a clock fixed at the given ISO-8601 instant, e.g. {@code 2026-03-19T09:00:18Z}. */
    public static ManualClock at(String isoInstant) {
        return new ManualClock(Instant.parse(isoInstant));
    }

    /** Moves the clock forward; a view made by {@link #withZone} moves with it. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("El reloj no puede retroceder: se pidió avanzar " + duration
                    + ". Usa una duración positiva o cero.");
        }
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /** Returns a pause that advances this clock instead of sleeping. */
    public Consumer<Duration> sleeper() {
        return this::advance;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** Returns a view of this clock in another zone: it shows the same instant and advances with this clock. */
    @Override
    public ManualClock withZone(ZoneId newZone) {
        return new ManualClock(now, newZone);
    }
}
