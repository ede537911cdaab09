package dev.lambdaworkbook.sum;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Responde a GET /suma?a=2&b=3 detrás de una API REST de API Gateway (integración proxy de Lambda).
 * Lee el README.md del ejercicio: explica cada tarea y el formato exacto de las respuestas.
 */
public class SumHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    // Convierte mapas a texto JSON: JSON.writeValueAsString(Map.of("error", "...")) escapa comillas y barras.
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        // TODO Tarea 1: lee a y b con parameter(...), conviértelos con number(...), súmalos con BigDecimal.add
        //   y responde 200 con el body {"a":"2","b":"3","suma":"5"}: los tres valores son textos JSON.
        // TODO Tarea 2: crea siempre la respuesta con json(statusCode, body), que añade Content-Type.
        // TODO Tarea 3: si parameter(...) devuelve null, responde 400 con {"error":"Falta el parámetro 'a'..."}.
        // TODO Tarea 4: si number(...) devuelve null, responde 400 con un error que cite el parámetro y el valor.
        throw new UnsupportedOperationException(
                "Tarea 1 sin hacer: handleRequest todavía no suma a y b. Lee el README.md del ejercicio 07.");
    }

    /** Tarea 3: devuelve el valor del parámetro sin espacios alrededor, o null si no llega o está en blanco. */
    static String parameter(APIGatewayProxyRequestEvent event, String name) {
        // TODO Tarea 3: sin query string, getQueryStringParameters() es null: compruébalo antes de usarlo.
        //   Si el parámetro no está ahí, búscalo en getMultiValueQueryStringParameters() y toma el último valor.
        //   Un valor vacío o solo con espacios (isBlank()) cuenta como que no llega. Quita los espacios con strip().
        throw new UnsupportedOperationException(
                "Tarea 3 sin hacer: parameter(...) todavía no lee el parámetro '" + name + "'.");
    }

    /** Tarea 4: devuelve el número escrito en value, o null si value no es un número válido. */
    static BigDecimal number(String value) {
        // TODO Tarea 4: acepta solo lo que cumple value.matches("[+-]?\\d+(\\.\\d+)?"); con otro valor devuelve
        //   null, y handleRequest responde 400.
        // TODO Tarea 5: new BigDecimal(value) suma exacto; escribe los resultados con toPlainString().
        throw new UnsupportedOperationException("Tarea 4 sin hacer: number(...) todavía no convierte '" + value + "'.");
    }

    /** Tarea 2: crea la respuesta que espera API Gateway, con el body en JSON. */
    static APIGatewayProxyResponseEvent json(int statusCode, Map<String, String> body) {
        // TODO Tarea 2: new APIGatewayProxyResponseEvent().withStatusCode(statusCode)
        //   .withHeaders(Map.of("Content-Type", "application/json")).withBody(JSON.writeValueAsString(body)).
        //   writeValueAsString lanza JsonProcessingException: captúrala y lanza una IllegalStateException.
        throw new UnsupportedOperationException("Tarea 2 sin hacer: json(...) todavía no crea la respuesta "
                + statusCode + ".");
    }
}
