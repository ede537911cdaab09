package dev.lambdaworkbook.kit.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ManualClock")
class ManualClockTest {

    @Test
    @DisplayName("marca el instante dado, en UTC, hasta que se adelanta")
    void fixed() {
        ManualClock clock = ManualClock.at("2026-03-19T09:00:18Z");

        assertEquals(Instant.parse("2026-03-19T09:00:18Z"), clock.instant());
        assertEquals(Instant.parse("2026-03-19T09:00:18Z").toEpochMilli(), clock.millis());
        assertEquals(ZoneOffset.UTC, clock.getZone());
    }

    @Test
    @DisplayName("advance y sleeper adelantan el reloj lo pedido")
    void advances() {
        ManualClock clock = ManualClock.at("2026-03-19T09:00:18Z");

        clock.advance(Duration.ofMillis(250));
        clock.sleeper().accept(Duration.ofSeconds(1));
        clock.advance(Duration.ZERO);

        assertEquals(Instant.parse("2026-03-19T09:00:19.250Z"), clock.instant());
    }

    @Test
    @DisplayName("no retrocede: una duración negativa se rechaza y el reloj no cambia")
    void rejectsNegative() {
        ManualClock clock = ManualClock.at("2026-03-19T09:00:18Z");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> clock.advance(Duration.ofSeconds(-1)));

        assertTrue(error.getMessage().contains("El reloj no puede retroceder"), error.getMessage());
        assertTrue(error.getMessage().contains("PT-1S"), error.getMessage());
        assertEquals(Instant.parse("2026-03-19T09:00:18Z"), clock.instant());
    }

    @Test
    @DisplayName("withZone muestra el mismo instante en otra zona y avanza con el original")
    void withZoneIsView() {
        ManualClock clock = ManualClock.at("2026-03-19T09:00:18Z");
        Clock madrid = clock.withZone(ZoneId.of("Europe/Madrid"));

        clock.advance(Duration.ofHours(1));

        assertEquals(Instant.parse("2026-03-19T10:00:18Z"), madrid.instant());
        assertEquals(11, ZonedDateTime.now(madrid).getHour());
        assertEquals(ZoneOffset.UTC, clock.getZone());
    }

    @Test
    @DisplayName("un instante que no es ISO-8601 se rechaza")
    void rejectsBadInstant() {
        assertThrows(DateTimeParseException.class, () -> ManualClock.at("19/03/2026 09:00"));
    }
}
