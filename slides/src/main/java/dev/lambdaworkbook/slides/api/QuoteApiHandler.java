package dev.lambdaworkbook.slides.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Returns the last price of a ticker for {@code GET /cotizacion?ticker=SAN}, behind an API Gateway proxy integration.
 *
 * <p>The prices are fixed examples so that the deck needs no market-data source.
 */
public class QuoteApiHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final Pattern TICKER = Pattern.compile("[A-Z0-9]{1,8}");

    private final Map<String, BigDecimal> lastPrices;

    /** The runtime's constructor, with the example prices. */
    public QuoteApiHandler() {
        this(Map.of("SAN", new BigDecimal("5.41"), "TEF", new BigDecimal("3.87"), "BBVA", new BigDecimal("9.12")));
    }

    /** The tests' constructor, with the prices a test chooses. */
    public QuoteApiHandler(Map<String, BigDecimal> lastPrices) {
        this.lastPrices = Map.copyOf(lastPrices);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent request, Context context) {
        // tag::request[]
        Map<String, String> query = request.getQueryStringParameters();
        String ticker = query == null ? null : query.get("ticker");
        if (ticker == null || ticker.isBlank()) {
            return json(400, "{\"error\":\"Falta el parámetro ticker\"}");
        }
        // end::request[]
        String normalized = ticker.strip().toUpperCase(Locale.ROOT);
        if (!TICKER.matcher(normalized).matches()) {
            return json(400, "{\"error\":\"El ticker tiene de 1 a 8 letras o cifras\"}");
        }
        BigDecimal price = lastPrices.get(normalized);
        if (price == null) {
            return json(404, "{\"error\":\"No hay cotización para " + normalized + "\"}");
        }
        return json(200, "{\"ticker\":\"" + normalized + "\",\"precio\":" + price.toPlainString() + "}");
    }

    // tag::response[]
    private static APIGatewayProxyResponseEvent json(int statusCode, String body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(statusCode)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body);
    }
    // end::response[]
}
