package dev.lambdaworkbook.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Tu primera función Lambda: imprime cuándo se ejecuta, el evento que recibe en JSON y los campos de su contexto,
 * y devuelve un saludo. Lee el README.md del ejercicio: explica cada tarea y el formato exacto de cada línea.
 */
public class HelloHandler implements RequestHandler<Map<String, Object>, String> {

    // Convierte objetos Java (mapas, listas, textos, números) en texto JSON.
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;

    /** Lo usa Lambda: lee el reloj del sistema en UTC. */
    public HelloHandler() {
        this(Clock.systemUTC());
    }

    /** Lo usan las pruebas: les deja fijar la hora con un reloj que controlan. */
    public HelloHandler(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        // TODO Tarea 4: imprime con System.out.println, en este orden:
        //   "Fecha y hora (UTC): " + executionTime()
        //   "Evento: " + eventAsJson(event)
        //   describeContext(context)
        // y devuelve el saludo "¡Hola desde " + nombre de la función + "!".
        throw new UnsupportedOperationException(
                "Tarea 4 sin hacer: handleRequest todavía no imprime ni saluda. Lee el README.md del ejercicio 01.");
    }

    /** Tarea 1: la hora actual del reloj en ISO-8601 y UTC, por ejemplo 2026-03-19T09:00:18Z. */
    public String executionTime() {
        // TODO Tarea 1: lee la hora del campo clock (no de Instant.now() a secas) y escríbela en UTC.
        throw new UnsupportedOperationException("Tarea 1 sin hacer: executionTime() todavía no lee el reloj.");
    }

    /** Tarea 2: el evento en JSON compacto, en una línea. */
    public String eventAsJson(Map<String, Object> event) {
        // TODO Tarea 2: usa JSON.writeValueAsString(event). Lanza JsonProcessingException, que debes capturar:
        //   lanza en su lugar una IllegalArgumentException con un mensaje en español y la excepción como causa.
        throw new UnsupportedOperationException("Tarea 2 sin hacer: eventAsJson(...) todavía no escribe el JSON.");
    }

    /** Tarea 3: una línea «Etiqueta: valor» por cada campo del contexto, en el orden del README. */
    public String describeContext(Context context) {
        // TODO Tarea 3: lee cada campo con su getter (context.getAwsRequestId(), ...). No uses context.toString().
        throw new UnsupportedOperationException("Tarea 3 sin hacer: describeContext(...) todavía no lee el contexto.");
    }
}
