package dev.lambdaworkbook.contextinfo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Escribe en el log los campos del contexto y cómo baja el tiempo restante mientras la función trabaja, y los
 * devuelve en un mapa. Lee el README.md del ejercicio: explica cada tarea y el formato exacto de cada línea.
 */
public class ContextInfoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** El trabajo que simula la función entre las dos lecturas del tiempo restante. */
    public static final Duration WORK = Duration.ofSeconds(1);

    private final Consumer<Duration> pause;

    /** Lo usa Lambda: la pausa duerme de verdad. */
    public ContextInfoHandler() {
        this(ContextInfoHandler::sleep);
    }

    /** Lo usan las pruebas: su pausa solo adelanta un reloj que controlan, sin esperar. */
    public ContextInfoHandler(Consumer<Duration> pause) {
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        // TODO Tarea 3: llama a logContext(context) y a measureRemainingTime(context), y devuelve un mapa con
        //   las claves logStreamName, logGroupName, awsRequestId, memoryLimitInMB, remainingTimeBeforeMillis y
        //   remainingTimeAfterMillis. Los números van como números (int), no como textos.
        throw new UnsupportedOperationException(
                "Tarea 3 sin hacer: handleRequest todavía no devuelve nada. Lee el README.md del ejercicio 02.");
    }

    /** Tarea 1: escribe en el log una línea por campo del contexto. */
    public void logContext(Context context) {
        // TODO Tarea 1: con context.getLogger().log(...), una llamada por línea y en este orden:
        //   "Flujo de registros: ...", "Grupo de registros: ...", "ID de solicitud: ...", "Memoria (MB): ...".
        throw new UnsupportedOperationException("Tarea 1 sin hacer: logContext(...) todavía no escribe en el log.");
    }

    /** Tarea 2: lee el tiempo restante, hace la pausa de WORK, lo vuelve a leer y escribe las dos lecturas. */
    public RemainingTime measureRemainingTime(Context context) {
        // TODO Tarea 2: lee context.getRemainingTimeInMillis() y escribe "Tiempo restante antes (ms): ...".
        //   Haz la pausa con pause.accept(WORK), no con Thread.sleep: así las pruebas no esperan de verdad.
        //   Vuelve a leerlo, escribe "Tiempo restante después (ms): ..." y devuelve las dos lecturas.
        throw new UnsupportedOperationException(
                "Tarea 2 sin hacer: measureRemainingTime(...) todavía no mide el tiempo restante.");
    }

    /** Las dos lecturas de context.getRemainingTimeInMillis(), antes y después del trabajo. */
    public record RemainingTime(int beforeMillis, int afterMillis) {
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Se interrumpió la pausa de " + duration.toMillis() + " ms.", interrupted);
        }
    }
}
