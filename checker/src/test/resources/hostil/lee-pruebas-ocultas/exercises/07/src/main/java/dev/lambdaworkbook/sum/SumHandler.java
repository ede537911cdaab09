package dev.lambdaworkbook.sum;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lee las pruebas ocultas del classpath y la solución de referencia del disco, y las imprime. */
public class SumHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        try (InputStream hidden = SumHandler.class.getResourceAsStream("SumHandlerHiddenTest.class")) {
            System.out.println("oculta: " + (hidden == null ? "no" : hidden.readAllBytes().length + " bytes"));
            System.out.println(Files.readString(Path.of("/work/main/solutions/07/src/main/java/dev/lambdaworkbook/sum/SumHandler.java")));
        } catch (IOException failure) {
            System.out.println("no pude leer: " + failure);
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
