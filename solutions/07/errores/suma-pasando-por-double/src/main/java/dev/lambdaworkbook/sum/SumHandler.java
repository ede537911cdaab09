package dev.lambdaworkbook.sum;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Handles {@code GET /suma?a=2&b=3} behind an API Gateway REST API with the Lambda proxy integration.
 *
 * <p>The numbers are {@link BigDecimal}, so decimals and values beyond {@code long} add up exactly, and they travel
 * as JSON strings so that no client parses them into a {@code double} and rounds them.
 */
public class SumHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    /** Digits with an optional sign and an optional decimal point: no exponent, no thousands separator. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String a = parameter(event, "a");
        String b = parameter(event, "b");
        String error = error("a", a);
        if (error == null) {
            error = error("b", b);
        }
        if (error != null) {
            return json(400, Map.of("error", error));
        }

        BigDecimal first = number(a);
        BigDecimal second = number(b);

        Map<String, String> body = new LinkedHashMap<>();
        body.put("a", first.toPlainString());
        body.put("b", second.toPlainString());
        body.put("suma", first.add(second).toPlainString());
        return json(200, body);
    }

    /**
     * Returns the parameter without surrounding blanks, or null when it is absent or blank. API Gateway puts the last
     * value of a repeated parameter in {@code queryStringParameters} and all of them in
     * {@code multiValueQueryStringParameters}. Some clients fill only the second map.
     */
    static String parameter(APIGatewayProxyRequestEvent event, String name) {
        String value = null;
        Map<String, String> single = event == null ? null : event.getQueryStringParameters();
        Map<String, List<String>> multi = event == null ? null : event.getMultiValueQueryStringParameters();
        if (single != null && single.get(name) != null) {
            value = single.get(name);
        } else if (multi != null && multi.get(name) != null && !multi.get(name).isEmpty()) {
            List<String> values = multi.get(name);
            value = values.get(values.size() - 1);
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }

    /** Returns the number written in the value, or null when the value is not in the accepted form. */
    static BigDecimal number(String value) {
        if (!NUMBER.matcher(value).matches()) {
            return null;
        }
        return new BigDecimal(Double.parseDouble(value));
    }

    /** Returns the Spanish error for a parameter that cannot be summed, or null when it contains a number. */
    private static String error(String name, String value) {
        if (value == null) {
            return "Falta el parámetro '" + name + "'. Llama, por ejemplo, a /suma?a=2&b=3.";
        }
        if (number(value) == null) {
            return "El parámetro '" + name + "' vale '" + value + "', que no es un número. Escribe solo dígitos, "
                    + "con signo y punto decimal opcionales, por ejemplo " + name + "=-2.5.";
        }
        return null;
    }

    /** Returns the response API Gateway expects: an integer status code and a JSON body as text. */
    static APIGatewayProxyResponseEvent json(int statusCode, Map<String, String> body) {
        try {
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(statusCode)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("No se pudo escribir en JSON un mapa de textos: " + body, impossible);
        }
    }
}
