package dev.lambdaworkbook.slides.context;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Works through a list of tickers and stops early when the invocation is about to time out, returning what is
 * left so that a caller can send it again.
 */
public class BatchHandler implements RequestHandler<List<String>, Map<String, Object>> {

    /** Time kept in reserve to log and return before Lambda stops the invocation. */
    static final long SAFETY_MARGIN_MILLIS = 2_000;

    private final Consumer<String> task;

    /** The runtime's constructor: the task only prints the ticker. */
    public BatchHandler() {
        this(ticker -> System.out.println("Procesado " + ticker));
    }

    /** The tests' constructor: the task can advance a manual clock to simulate slow work. */
    public BatchHandler(Consumer<String> task) {
        this.task = task;
    }

    @Override
    public Map<String, Object> handleRequest(List<String> tickers, Context context) {
        // tag::log[]
        LambdaLogger logger = context.getLogger();
        logger.log("Petición " + context.getAwsRequestId()
                + " en " + context.getFunctionName()
                + " con " + context.getMemoryLimitInMB() + " MB");
        System.out.println("Esta línea también llega a CloudWatch Logs");
        // end::log[]

        // tag::loop[]
        int processed = 0;
        for (String ticker : tickers) {
            if (context.getRemainingTimeInMillis() < SAFETY_MARGIN_MILLIS) {
                logger.log("Queda poco tiempo: paro antes de " + ticker);
                break;
            }
            task.accept(ticker);
            processed++;
        }
        // end::loop[]

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("procesados", processed);
        result.put("pendientes", tickers.subList(processed, tickers.size()));
        return result;
    }
}
