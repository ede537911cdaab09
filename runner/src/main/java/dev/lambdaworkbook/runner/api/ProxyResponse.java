package dev.lambdaworkbook.runner.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaworkbook.runner.events.Json;
import dev.lambdaworkbook.runner.invoke.Invocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP response API Gateway builds from a Lambda proxy integration's result, or the reason it returns 502.
 * The checks follow API Gateway's REST proxy integration, which is stricter than SAM CLI's local API. The result may
 * contain only statusCode, headers, multiValueHeaders, body and isBase64Encoded (also spelled base64Encoded, as the
 * Java events class serialises it). The statusCode must be an integer and the body a string.
 */
public record ProxyResponse(int statusCode, Map<String, List<String>> headers, byte[] body, String problem) {

    private static final Set<String> KEYS = Set.of("statusCode", "headers", "multiValueHeaders", "body",
            "isBase64Encoded", "base64Encoded");
    static final byte[] INTERNAL_ERROR = "{\"message\":\"Internal server error\"}".getBytes(StandardCharsets.UTF_8);

    public boolean valid() {
        return problem == null;
    }

    /** Returns the response for the client, or a 502 whose {@code problem} explains in Spanish what is wrong. */
    public static ProxyResponse from(Invocation invocation) {
        if (!invocation.success()) {
            return invalid("la función terminó con error, así que API Gateway no tiene respuesta que devolver: "
                    + invocation.responseText());
        }
        JsonNode response;
        try {
            response = Json.MAPPER.readTree(invocation.response());
        } catch (IOException notJson) {
            return invalid("la función no devolvió JSON, sino: " + invocation.responseText());
        }
        if (response == null || !response.isObject()) {
            return invalid("la función devolvió " + invocation.responseText() + " y API Gateway espera un objeto "
                    + "con statusCode y body. Devuelve un APIGatewayProxyResponseEvent.");
        }
        return check(response);
    }

    private static ProxyResponse check(JsonNode response) {
        for (var names = response.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                return invalid("la respuesta tiene la clave '" + name + "', que API Gateway no admite. Claves "
                        + "válidas: statusCode, headers, multiValueHeaders, body, isBase64Encoded.");
            }
        }

        JsonNode status = response.get("statusCode");
        if (status == null || status.isNull()) {
            return invalid("falta 'statusCode'. Indícalo con withStatusCode(200), por ejemplo.");
        }
        if (!status.isIntegralNumber() || status.asInt() < 100 || status.asInt() > 599) {
            return invalid("'statusCode' vale " + status + "; debe ser un número entero de 100 a 599, no un texto ni "
                    + "un decimal.");
        }

        JsonNode body = response.get("body");
        if (body != null && !body.isNull() && !body.isTextual()) {
            return invalid("'body' debe ser un texto (String) y es " + describe(body) + ". Escribe el JSON como "
                    + "texto, p. ej. withBody(\"{\\\"suma\\\":5}\").");
        }

        Map<String, List<String>> headers = new LinkedHashMap<>();
        String problem = collectHeaders(response.get("headers"), response.get("multiValueHeaders"), headers);
        if (problem != null) {
            return invalid(problem);
        }

        boolean base64 = false;
        for (String flag : List.of("isBase64Encoded", "base64Encoded")) {
            JsonNode value = response.get(flag);
            if (value != null && !value.isNull()) {
                if (!value.isBoolean()) {
                    return invalid("'" + flag + "' vale " + value + "; debe ser true o false.");
                }
                base64 |= value.asBoolean();
            }
        }

        String text = body == null || body.isNull() ? "" : body.asText();
        byte[] bytes;
        try {
            bytes = base64 ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return invalid("isBase64Encoded es true pero 'body' no es Base64 válido.");
        }
        return new ProxyResponse(status.asInt(), headers, bytes, null);
    }

    private static String collectHeaders(JsonNode single, JsonNode multiple, Map<String, List<String>> headers) {
        if (single != null && !single.isNull()) {
            if (!single.isObject()) {
                return "'headers' debe ser un objeto de nombre a valor y es " + describe(single) + ".";
            }
            for (var fields = single.fields(); fields.hasNext(); ) {
                var field = fields.next();
                if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                    return "la cabecera '" + field.getKey() + "' debe tener un valor simple y es "
                            + describe(field.getValue()) + ".";
                }
                headers.put(field.getKey(), new ArrayList<>(List.of(field.getValue().asText())));
            }
        }
        if (multiple != null && !multiple.isNull()) {
            if (!multiple.isObject()) {
                return "'multiValueHeaders' debe ser un objeto de nombre a lista y es " + describe(multiple) + ".";
            }
            for (var fields = multiple.fields(); fields.hasNext(); ) {
                var field = fields.next();
                if (!field.getValue().isArray()) {
                    return "en 'multiValueHeaders', '" + field.getKey() + "' debe ser una lista y es "
                            + describe(field.getValue()) + ".";
                }
                List<String> values = headers.computeIfAbsent(field.getKey(), name -> new ArrayList<>());
                for (JsonNode value : field.getValue()) {
                    values.add(value.asText());
                }
            }
        }
        return null;
    }

    private static String describe(JsonNode value) {
        if (value.isObject()) {
            return "un objeto JSON";
        }
        if (value.isArray()) {
            return "una lista JSON";
        }
        if (value.isNumber()) {
            return "el número " + value;
        }
        if (value.isBoolean()) {
            return "el booleano " + value;
        }
        return value.toString();
    }

    private static ProxyResponse invalid(String problem) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("x-amzn-ErrorType", List.of("InternalServerErrorException"));
        return new ProxyResponse(502, headers, INTERNAL_ERROR, problem);
    }
}
