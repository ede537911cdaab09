package dev.lambdaworkbook.sum;

import static dev.lambdaworkbook.sum.SumApi.body;
import static dev.lambdaworkbook.sum.SumApi.call;
import static dev.lambdaworkbook.sum.SumApi.describe;
import static dev.lambdaworkbook.sum.SumApi.expectSum;
import static dev.lambdaworkbook.sum.SumApi.text;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.grading.Graded;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Ejercicio 07: API suma")
@TestClassOrder(ClassOrderer.DisplayName.class)
class SumHandlerTest {

    @Nested
    @DisplayName("Tarea 1: suma dos enteros")
    class SumsIntegers {

        @Test
        @Graded(task = 1, points = 1)
        @DisplayName("El evento de ejemplo GET /suma?a=2&b=3 recibe 200 y suma \"5\"")
        void sampleEvent() {
            APIGatewayProxyRequestEvent request = SampleEvents.apiGatewayRestGet();

            APIGatewayProxyResponseEvent response = call(request);

            Expect.equal(200, response.getStatusCode(), "statusCode de " + describe(request),
                    "Con a y b válidos responde 200 con withStatusCode(200).");
            expectSum("5", body(response, request), request, "Campo \"suma\" del body de "
                    + describe(request), "Lee a y b de event.getQueryStringParameters().");
        }

        @ParameterizedTest(name = "a={0}, b={1} → suma {2}")
        @CsvSource(delimiter = '|', textBlock = """
                  2 |   3 |  5
                 -4 |  10 |  6
                  0 |   0 |  0
                100 | -99 |  1
                """)
        @Graded(task = 1, points = 2)
        @DisplayName("Responde 200 con a, b y la suma como textos JSON")
        void sumsIntegers(String a, String b, String expectedSum) {
            APIGatewayProxyRequestEvent request = SumApi.get(a, b);

            APIGatewayProxyResponseEvent response = call(request);

            Expect.equal(200, response.getStatusCode(), "statusCode de " + describe(request),
                    "Con a y b válidos responde 200.");
            JsonNode body = body(response, request);
            Expect.equal(a, text(body, "a", request), "Campo \"a\" del body de " + describe(request),
                    "Devuelve a tal como lo leíste, con toPlainString().");
            Expect.equal(b, text(body, "b", request), "Campo \"b\" del body de " + describe(request),
                    "Devuelve b tal como lo leíste, con toPlainString().");
            expectSum(expectedSum, body, request, "Campo \"suma\" del body de "
                    + describe(request), "Suma los dos números con BigDecimal.add.");
        }
    }

    @Nested
    @DisplayName("Tarea 2: respuesta que entiende API Gateway")
    class ApiGatewayResponse {

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("La respuesta 200 lleva la cabecera Content-Type: application/json")
        void contentTypeOnSuccess() {
            APIGatewayProxyRequestEvent request = SumApi.get("2", "3");

            APIGatewayProxyResponseEvent response = call(request);

            SumApi.expectJsonContentType(response, request);
        }

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("Serializada como la envía Lambda, statusCode es un número y body un texto con JSON")
        void serializesForApiGateway() throws IOException {
            APIGatewayProxyRequestEvent request = SumApi.get("2", "3");

            JsonNode sent = serialize(call(request));

            JsonNode statusCode = sent.get("statusCode");
            Expect.that(statusCode != null && statusCode.isInt(), () -> "API Gateway necesita \"statusCode\" "
                    + "como número entero y la respuesta serializada trae " + statusCode + ": " + sent
                    + ". Usa withStatusCode(200).");
            JsonNode body = sent.get("body");
            Expect.that(body != null && body.isTextual(), () -> "API Gateway necesita \"body\" como texto y la "
                    + "respuesta serializada trae " + body + ": " + sent + ". Usa withBody(json), con el JSON en un "
                    + "String.");
            Expect.that(new ObjectMapper().readTree(body.asText()).isObject(), () -> "El texto de \"body\" debe "
                    + "contener un objeto JSON y contiene: " + body.asText());
        }

        /** Writes the response with the serializer the Lambda Java runtime uses to send it to API Gateway. */
        private JsonNode serialize(APIGatewayProxyResponseEvent response) throws IOException {
            PojoSerializer<APIGatewayProxyResponseEvent> serializer = LambdaEventSerializers.serializerFor(
                    APIGatewayProxyResponseEvent.class, getClass().getClassLoader());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            serializer.toJson(response, out);
            return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        }
    }

    @Nested
    @DisplayName("Tarea 3: parámetros que faltan")
    class MissingParameters {

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("Sin query string (mapas null) responde 400 y nombra 'a'")
        void withoutQueryString() {
            APIGatewayProxyRequestEvent request = SumApi.withoutQueryString();

            APIGatewayProxyResponseEvent response = call(request);

            expectBadRequest(response, request, "a", "¿Compruebas si getQueryStringParameters() es null antes "
                    + "de leerlo?");
        }

        @ParameterizedTest(name = "{0} → error sobre ''{3}''")
        @CsvSource(delimiter = '|', textBlock = """
                sin a                |  (falta) |       3 | a
                sin b                |        2 | (falta) | b
                sin a ni b           |  (falta) | (falta) | a
                a vacío              |       '' |       3 | a
                b vacío              |        2 |      '' | b
                a solo con espacios  |    '   ' |       3 | a
                """)
        @Graded(task = 3, points = 2)
        @DisplayName("Un parámetro ausente, vacío o en blanco recibe 400 con un error que lo nombra")
        void missingOrEmpty(String situation, String a, String b, String parameter) {
            APIGatewayProxyRequestEvent request = SumApi.get(SumApi.absentAsNull(a), SumApi.absentAsNull(b));

            APIGatewayProxyResponseEvent response = call(request);

            expectBadRequest(response, request, parameter, "Trata igual un parámetro que falta y uno vacío "
                    + "o solo con espacios (isBlank()). Comprueba 'a' antes que 'b'.");
        }
    }

    @Nested
    @DisplayName("Tarea 4: valores que no son números")
    class NotNumbers {

        @ParameterizedTest(name = "a={0}, b={1} → error sobre ''{2}'' = ''{3}''")
        @CsvSource(delimiter = '|', textBlock = """
                tres |     3 | a | tres
                   2 | cinco | b | cinco
                 1,5 |     2 | a | 1,5
                 1e3 |     2 | a | 1e3
                   2 |   NaN | b | NaN
                0x10 |     1 | a | 0x10
                  .5 |     1 | a | .5
                   2 |   2\" | b | 2\"
                """)
        @Graded(task = 4, points = 2)
        @DisplayName("Un valor que no es un número recibe 400 con un error que nombra el parámetro y el valor")
        void notANumber(String a, String b, String parameter, String value) {
            APIGatewayProxyRequestEvent request = SumApi.get(a, b);

            APIGatewayProxyResponseEvent response = call(request);

            String error = expectBadRequest(response, request, parameter, "Comprueba el formato con "
                    + "value.matches(\"[+-]?\\\\d+(\\\\.\\\\d+)?\") antes de crear el BigDecimal.");
            Expect.that(error.contains("'" + value + "'"), () -> "El error de " + describe(request)
                    + " debe citar el valor recibido entre comillas simples, '" + value + "', y dice: " + error);
        }
    }

    @Nested
    @DisplayName("Tarea 5: suma exacta con decimales y números grandes")
    class ExactSum {

        @ParameterizedTest(name = "{0} + {1} = {2}")
        @CsvSource(delimiter = '|', textBlock = """
                                    0.1 |     0.2 | 0.3
                                   2.50 |       1 | 3.50
                                   -1.5 |    0.25 | -1.25
                    9223372036854775807 |       1 | 9223372036854775808
                12345678901234567890.123 |   0.877 | 12345678901234567891.000
                              0.0000001 |       0 | 0.0000001
                """)
        @Graded(task = 5, points = 3)
        @DisplayName("La suma es exacta y se escribe sin notación exponencial")
        void exactSum(String a, String b, String expectedSum) {
            APIGatewayProxyRequestEvent request = SumApi.get(a, b);

            APIGatewayProxyResponseEvent response = call(request);

            Expect.equal(200, response.getStatusCode(), "statusCode de " + describe(request),
                    "Los decimales con punto y los números de cualquier tamaño son válidos.");
            expectSum(expectedSum, body(response, request), request, "Campo \"suma\" del body de "
                    + describe(request), "Usa BigDecimal (ni double ni long) y escríbelo con toPlainString().");
        }
    }

    /** Checks a 400 response whose JSON error names the parameter in single quotes, and returns that error. */
    static String expectBadRequest(APIGatewayProxyResponseEvent response, APIGatewayProxyRequestEvent request,
            String parameter, String hint) {
        Expect.equal(400, response.getStatusCode(), "statusCode de " + describe(request), hint);
        String error = text(body(response, request), "error", request);
        Expect.that(error.contains("'" + parameter + "'"), () -> "El error de " + describe(request)
                + " debe nombrar el parámetro entre comillas simples, '" + parameter + "', y dice: " + error);
        return error;
    }
}
