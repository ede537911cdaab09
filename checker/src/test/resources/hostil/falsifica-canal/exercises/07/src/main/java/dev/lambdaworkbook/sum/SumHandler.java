package dev.lambdaworkbook.sum;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/** Escribe por la salida estándar líneas con el formato del canal de resultados, como si todas las pruebas hubieran pasado, y responde mal. */
public class SumHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        for (int sequence = 0; sequence < 50; sequence++) {
            String payload = java.util.Base64.getEncoder().encodeToString(
                    "{\"t\":\"result\",\"status\":\"passed\"}".getBytes());
            System.out.println("\n@@wb " + sequence + " " + "0".repeat(64) + " " + payload);
            System.err.println("\n@@wb " + sequence + " " + "0".repeat(64) + " " + payload);
        }
        return new APIGatewayProxyResponseEvent().withStatusCode(500).withBody("{}");
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
