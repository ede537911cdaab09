package dev.lambdaworkbook.sum;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.kit.grading.Expect;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opentest4j.AssertionFailedError;

/** Builds {@code GET /suma} requests from the sample API Gateway event, calls the handler and reads its responses. */
final class SumApi {

    /** The word test tables use for a parameter left out of the request. */
    static final String ABSENT = "(falta)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SumApi() {
    }

    /**
     * Returns the sample {@code GET /suma} event with these query parameters, filled in both parameter maps as API
     * Gateway does. A null value leaves that parameter out of the request.
     */
    static APIGatewayProxyRequestEvent get(String a, String b) {
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, List<String>> multi = new LinkedHashMap<>();
        put(single, multi, "a", a);
        put(single, multi, "b", b);
        return SampleEvents.apiGatewayRestGet()
                .withQueryStringParameters(single)
                .withMultiValueQueryStringParameters(multi);
    }

    /** Returns {@code GET /suma} with no query string: API Gateway then sends both parameter maps as null. */
    static APIGatewayProxyRequestEvent withoutQueryString() {
        return SampleEvents.apiGatewayRestGet()
                .withQueryStringParameters(null)
                .withMultiValueQueryStringParameters(null);
    }

    private static void put(Map<String, String> single, Map<String, List<String>> multi, String name, String value) {
        if (value != null) {
            single.put(name, value);
            multi.put(name, new ArrayList<>(List.of(value)));
        }
    }

    /** Describes a request for failure messages, e.g. {@code GET /suma con a="2" y b="3"} or {@code ... (sin a)}. */
    static String describe(APIGatewayProxyRequestEvent request) {
        Map<String, String> single = request.getQueryStringParameters();
        Map<String, List<String>> multi = request.getMultiValueQueryStringParameters();
        if (single == null && multi == null) {
            return "GET /suma sin query string";
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (multi != null) {
            multi.forEach((name, list) -> values.put(name, list.isEmpty() ? null : list.get(list.size() - 1)));
        }
        if (single != null) {
            values.putAll(single);
        }
        List<String> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            if (values.containsKey(name)) {
                present.add(name + "=" + Expect.show(values.get(name)));
            } else {
                absent.add(name);
            }
        }
        if (present.isEmpty()) {
            return "GET /suma sin a ni b";
        }
        return "GET /suma con " + String.join(" y ", present) + (absent.isEmpty() ? "" : " (sin " + absent.get(0) + ")");
    }

    /** Returns null for the word tables use to mark a parameter left out of the request. */
    static String absentAsNull(String value) {
        return ABSENT.equals(value) ? null : value;
    }

    /** Builds a context from the exercise's template.yaml, as Lambda would for the deployed function. */
    static Context context() {
        FunctionConfig config = FunctionConfig.ofThisExercise();
        return TestContext.builder()
                .functionName(config.functionName())
                .memoryLimitInMB(config.memorySize())
                .timeout(Duration.ofSeconds(config.timeout()))
                .build();
    }

    /** Calls the handler and turns an exception it throws into a failure that names the request. */
    static APIGatewayProxyResponseEvent call(APIGatewayProxyRequestEvent request) {
        try {
            return new SumHandler().handleRequest(request, context());
        } catch (RuntimeException thrown) {
            String message = thrown.getMessage() == null ? "" : thrown.getMessage().strip();
            throw new AssertionFailedError("handleRequest lanzó " + thrown.getClass().getSimpleName()
                    + where(thrown) + " con " + describe(request) + ": " + message
                    + (message.endsWith(".") ? " " : ". ") + "Una API no debe fallar: responde 200 con la suma o "
                    + "400 con un error en JSON.", thrown);
        }
    }

    /** Returns the student's line that threw, e.g. {@code " en SumHandler.java:27"}, or "" when none did. */
    private static String where(Throwable thrown) {
        for (StackTraceElement frame : thrown.getStackTrace()) {
            if (frame.getClassName().startsWith(SumHandler.class.getName())) {
                return " en " + frame.getFileName() + ":" + frame.getLineNumber();
            }
        }
        return "";
    }

    /** Parses the response body, which must be a JSON object. */
    static JsonNode body(APIGatewayProxyResponseEvent response, APIGatewayProxyRequestEvent request) {
        String body = response.getBody();
        Expect.that(body != null, () -> "La respuesta a " + describe(request) + " no trae body (es null). "
                + "Pon el JSON con withBody(...).");
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException invalid) {
            throw Expect.failure("El body de la respuesta a " + describe(request) + " no es JSON válido: " + body
                    + ". Escríbelo con ObjectMapper.writeValueAsString(mapa) en lugar de concatenar textos.");
        }
        Expect.that(json != null && json.isObject(), () -> "El body de la respuesta a " + describe(request)
                + " debe ser un objeto JSON {...} y es: " + body);
        return json;
    }

    /** Returns a text field of a JSON body, failing when it is missing or is not a JSON string. */
    static String text(JsonNode body, String field, APIGatewayProxyRequestEvent request) {
        JsonNode value = body.get(field);
        Expect.that(value != null, () -> "El body de la respuesta a " + describe(request) + " no tiene el campo \""
                + field + "\": " + body);
        Expect.that(value.isTextual(), () -> "En la respuesta a " + describe(request) + ", \"" + field
                + "\" debe ser un texto JSON entre comillas y llegó " + value + ". Usa toPlainString() y pon el "
                + "resultado en un Map<String, String>.");
        return value.asText();
    }

    /**
     * Checks the "suma" field of a JSON body. When it contains the sum of a and b after a trip through {@code double}
     * ("3.5" for "2.50" + "1", "5.0" for "2" + "3"), the hint is about that trip; when it contains the expected number
     * written another way ("5E+1" for "50"), about how it is written; otherwise it is the caller's.
     */
    static void expectSum(String expected, JsonNode body, APIGatewayProxyRequestEvent request, String what,
            String hint) {
        String sum = text(body, "suma", request);
        if (expected.equals(sum)) {
            return;
        }
        if (sumThroughDouble(request, sum)) {
            hint = "Es lo que da sumar a y b después de pasarlos por double, que cambia cifras y ceros. Suma "
                    + "BigDecimal creados desde el texto de cada parámetro, new BigDecimal(a), nunca desde un double "
                    + "(ni con BigDecimal.valueOf), y escribe el resultado con toPlainString().";
        } else if (sameNumber(expected, sum)) {
            hint = "Llegó el número correcto escrito de otra forma, como lo escribe un double (" + sum + "). Suma "
                    + "con BigDecimal y escribe el resultado con toPlainString().";
        }
        Expect.equal(expected, sum, what, hint);
    }

    /**
     * Returns whether the sum is written exactly as BigDecimal values made from a and b parsed as doubles first
     * write it: "3.5" for a="2.50" and b="1" (the double lost the zero), or a long binary tail for a="0.1".
     */
    private static boolean sumThroughDouble(APIGatewayProxyRequestEvent request, String sum) {
        Map<String, String> query = request.getQueryStringParameters();
        try {
            double a = Double.parseDouble(query.get("a").strip());
            double b = Double.parseDouble(query.get("b").strip());
            return sum.equals(new BigDecimal(a).add(new BigDecimal(b)).toPlainString())
                    || sum.equals(BigDecimal.valueOf(a).add(BigDecimal.valueOf(b)).toPlainString());
        } catch (RuntimeException notTwoNumbers) {
            return false;
        }
    }

    /**
     * Checks that the "suma" field of a JSON body is the expected number, however it is written. Tests of other
     * tasks use it, so that a sum written like a double ("5.0") costs points only in the tasks about the format.
     */
    static void expectSumValue(String expected, JsonNode body, APIGatewayProxyRequestEvent request, String what,
            String hint) {
        String sum = text(body, "suma", request);
        if (!sameNumber(expected, sum)) {
            Expect.equal(expected, sum, what, hint);
        }
    }

    private static boolean sameNumber(String expected, String actual) {
        try {
            return new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /** Checks the {@code Content-Type: application/json} header, whose name HTTP compares case-insensitively. */
    static void expectJsonContentType(APIGatewayProxyResponseEvent response, APIGatewayProxyRequestEvent request) {
        Map<String, String> headers = response.getHeaders();
        String contentType = null;
        if (headers != null) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if ("Content-Type".equalsIgnoreCase(header.getKey())) {
                    contentType = header.getValue();
                }
            }
        }
        Expect.equal("application/json", contentType, "Cabecera Content-Type de la respuesta a "
                + describe(request), "Añádela con withHeaders(Map.of(\"Content-Type\", \"application/json\")).");
    }
}
