package dev.lambdaworkbook.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The workbook's first function: prints when it runs, the event it received as JSON and the fields of its
 * {@link Context}, then returns a greeting.
 */
public class HelloHandler implements RequestHandler<Map<String, Object>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;

    /** Used by the Lambda runtime: reads the system clock in UTC. */
    public HelloHandler() {
        this(Clock.systemUTC());
    }

    /** Used by tests, which pass a clock they control. */
    public HelloHandler(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        System.out.println("Fecha y hora (UTC): " + executionTime());
        System.out.println("Evento: " + eventAsJson(event));
        System.out.println(describeContext(context));
        return "¡Hola desde " + context.getFunctionName() + "!";
    }

    /** Returns the current instant of the clock in ISO-8601, in UTC, e.g. {@code 2026-03-19T09:00:18Z}. */
    public String executionTime() {
        return java.time.LocalDateTime.now(clock).toString();
    }

    /** Returns the event as compact JSON, nested maps and lists included. */
    public String eventAsJson(Map<String, Object> event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalArgumentException("El evento no se puede escribir en JSON: "
                    + unwritable.getOriginalMessage(), unwritable);
        }
    }

    /** Returns one line per field of the context, each read through its getter. */
    public String describeContext(Context context) {
        return String.join(System.lineSeparator(),
                "ID de solicitud: " + context.getAwsRequestId(),
                "Función: " + context.getFunctionName(),
                "Versión: " + context.getFunctionVersion(),
                "ARN: " + context.getInvokedFunctionArn(),
                "Memoria (MB): " + context.getMemoryLimitInMB(),
                "Grupo de registros: " + context.getLogGroupName(),
                "Flujo de registros: " + context.getLogStreamName(),
                "Tiempo restante (ms): " + context.getRemainingTimeInMillis());
    }
}
