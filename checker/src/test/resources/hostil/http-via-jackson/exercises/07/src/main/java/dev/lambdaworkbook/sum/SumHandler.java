package dev.lambdaworkbook.sum;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;

/** Conecta con 127.0.0.1 sin nombrar ninguna clase de red: Jackson abre la URL. */
public class SumHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        try {
            System.out.println(new ObjectMapper().readTree(URI.create("http://127.0.0.1:47807/fuga").toURL()));
        } catch (Exception failure) {
            throw new IllegalStateException("no pude conectar: " + failure, failure);
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
