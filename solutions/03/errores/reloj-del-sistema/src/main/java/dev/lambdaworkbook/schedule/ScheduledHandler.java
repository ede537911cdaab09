package dev.lambdaworkbook.schedule;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Se ejecuta cada minuto con una regla programada de EventBridge y escribe en el log cuándo se ejecutó, para qué
 * hora estaba programado el evento y cuánto tardó en llegar. Lee el README.md del ejercicio: explica cada tarea y
 * el formato exacto de la línea.
 */
public class ScheduledHandler implements RequestHandler<ScheduledEvent, String> {

    /** El formato de las dos horas: 2026-03-19 09:01:07 UTC. No lleva zona horaria: conviértelas tú a UTC. */
    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private final Clock clock;

    /** Lo usa Lambda: el reloj del sistema. */
    public ScheduledHandler() {
        this(Clock.systemUTC());
    }

    /** Lo usan las pruebas: un reloj que ellas fijan. */
    public ScheduledHandler(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        String line = "Ejecución: " + runTime() + " | Evento: " + eventTime(event) + " | Retraso: "
                + delaySeconds(event) + " s";
        context.getLogger().log(line);
        return line;
    }

    /** Tarea 1: la hora de ejecución según el reloj, en UTC y con FORMAT. */
    String runTime() {
        return FORMAT.format(Instant.now().atZone(ZoneOffset.UTC));
    }

    /** Tarea 2: la hora para la que EventBridge programó el evento (su campo time), en UTC y con FORMAT. */
    String eventTime(ScheduledEvent event) {
        return FORMAT.format(scheduledAt(event).atZone(ZoneOffset.UTC));
    }

    /** Tarea 2: los segundos enteros que pasaron desde la hora del evento hasta la hora de ejecución. */
    long delaySeconds(ScheduledEvent event) {
        return Duration.between(scheduledAt(event), clock.instant()).toSeconds();
    }

    private static Instant scheduledAt(ScheduledEvent event) {
        return Instant.ofEpochMilli(event.getTime().getMillis());
    }
}
