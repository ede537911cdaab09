package dev.lambdaworkbook.sum;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/** Imprime 20 MB en cada llamada por la salida estándar y luego responde bien. */
public class SumHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String line = "x".repeat(1023);
        for (int i = 0; i < 20 * 1024; i++) {
            System.out.println(line);
        }
        return sum(event);
    }

    /** Suma a y b sin validar nada: basta para que la respuesta del caso feliz sea la correcta. */
    static APIGatewayProxyResponseEvent sum(APIGatewayProxyRequestEvent event) {
        java.util.Map<String, String> query = event.getQueryStringParameters();
        java.math.BigDecimal a = new java.math.BigDecimal(query.get("a").strip());
        java.math.BigDecimal b = new java.math.BigDecimal(query.get("b").strip());
        String body = "{\"a\":\"" + a.toPlainString() + "\",\"b\":\"" + b.toPlainString() + "\",\"suma\":\""
                + a.add(b).toPlainString() + "\"}";
        return new APIGatewayProxyResponseEvent().withStatusCode(200)
                .withHeaders(java.util.Map.of("Content-Type", "application/json")).withBody(body);
    }
}
