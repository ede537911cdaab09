package dev.lambdaworkbook.contextinfo;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Logs the fields of its {@link Context} and how the remaining time falls while the function works, and returns
 * them as a map, which Lambda sends back as a JSON object.
 */
public class ContextInfoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** The work the function simulates between the two readings of the remaining time. */
    public static final Duration WORK = Duration.ofSeconds(1);

    private final Consumer<Duration> pause;

    /** Used by the Lambda runtime: the pause really sleeps. */
    public ContextInfoHandler() {
        this(ContextInfoHandler::sleep);
    }

    /** Used by tests, which pass a pause that only advances their clock. */
    public ContextInfoHandler(Consumer<Duration> pause) {
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        logContext(context);
        RemainingTime remaining = measureRemainingTime(context);

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("logStreamName", context.getLogStreamName());
        fields.put("logGroupName", context.getLogGroupName());
        fields.put("awsRequestId", context.getAwsRequestId());
        fields.put("memoryLimitInMB", context.getMemoryLimitInMB());
        fields.put("remainingTimeBeforeMillis", remaining.beforeMillis());
        fields.put("remainingTimeAfterMillis", remaining.afterMillis());
        return fields;
    }

    /** Logs one line per field through the function's logger. */
    public void logContext(Context context) {
        LambdaLogger logger = context.getLogger();
        logger.log("Flujo de registros: " + context.getLogStreamName());
        logger.log("Grupo de registros: " + context.getLogGroupName());
        logger.log("ID de solicitud: " + context.getAwsRequestId());
        logger.log("Memoria (MB): " + context.getMemoryLimitInMB());
    }

    /** Reads the remaining time, pauses for {@link #WORK}, reads it again, and logs both readings. */
    public RemainingTime measureRemainingTime(Context context) {
        LambdaLogger logger = context.getLogger();
        int before = context.getRemainingTimeInMillis();
        logger.log("Tiempo restante antes (ms): " + before);

        pause.accept(WORK);

        int after = before;
        logger.log("Tiempo restante después (ms): " + after);
        return new RemainingTime(before, after);
    }

    /** The two readings of {@link Context#getRemainingTimeInMillis()}, around the work. */
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
