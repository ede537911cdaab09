package dev.lambdaworkbook.sum;

import static dev.lambdaworkbook.sum.SumApi.body;
import static dev.lambdaworkbook.sum.SumApi.call;
import static dev.lambdaworkbook.sum.SumApi.describe;
import static dev.lambdaworkbook.sum.SumApi.expectSum;
import static dev.lambdaworkbook.sum.SumApi.expectSumValue;
import static dev.lambdaworkbook.sum.SumApi.text;
import static dev.lambdaworkbook.sum.SumHandlerTest.expectBadRequest;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.grading.Graded;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Ejercicio 07: API suma (pruebas ocultas)")
class SumHandlerHiddenTest {

    @Nested
    @DisplayName("Tarea 1: suma dos enteros")
    class Normalises {

        @ParameterizedTest(name = "a=\"{0}\", b=\"{1}\" → a \"{2}\", b \"{3}\", suma \"{4}\"")
        @CsvSource(delimiter = '|', textBlock = """
                   ' 2 ' |     3 | 2 |  3 |  5
                      +5 |    -7 | 5 | -7 | -2
                     007 |  0010 | 7 | 10 | 17
                      -0 |     0 | 0 |  0 |  0
                """)
        @Graded(task = 1, points = 1)
        @DisplayName("Devuelve a y b como números: sin espacios, signo + ni ceros a la izquierda")
        void echoesNumbers(String a, String b, String expectedA, String expectedB, String expectedSum) {
            APIGatewayProxyRequestEvent request = SumApi.get(a, b);

            APIGatewayProxyResponseEvent response = call(request);

            Expect.equal(200, response.getStatusCode(), "statusCode de " + describe(request),
                    "Quita los espacios de alrededor con strip() antes de validar.");
            JsonNode body = body(response, request);
            Expect.equal(expectedA, text(body, "a", request), "Campo \"a\" del body de " + describe(request),
                    "Escribe el BigDecimal leído con toPlainString().");
            Expect.equal(expectedB, text(body, "b", request), "Campo \"b\" del body de " + describe(request),
                    "Escribe el BigDecimal leído con toPlainString().");
            expectSum(expectedSum, body, request, "Campo \"suma\" del body de " + describe(request),
                    "Suma con BigDecimal.add.");
        }
    }

    @Nested
    @DisplayName("Tarea 2: respuesta que entiende API Gateway")
    class ApiGatewayResponse {

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("La respuesta 400 también lleva Content-Type: application/json")
        void contentTypeOnError() {
            APIGatewayProxyRequestEvent request = SumApi.get("x", "3");

            APIGatewayProxyResponseEvent response = call(request);

            SumApi.expectJsonContentType(response, request);
        }
    }

    @Nested
    @DisplayName("Tarea 3: parámetros que faltan")
    class ReadsParameters {

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("Si solo llega multiValueQueryStringParameters, usa su último valor")
        void multiValueOnly() {
            APIGatewayProxyRequestEvent request = SampleEvents.apiGatewayRestGet()
                    .withQueryStringParameters(null)
                    .withMultiValueQueryStringParameters(Map.of("a", List.of("1", "2"), "b", List.of("3")));

            APIGatewayProxyResponseEvent response = call(request);

            Expect.equal(200, response.getStatusCode(), "statusCode con solo multiValueQueryStringParameters",
                    "Si getQueryStringParameters() es null, busca en getMultiValueQueryStringParameters().");
            expectSumValue("5", body(response, request), request, "Campo \"suma\" con a=[1, 2] y b=[3] "
                    + "en multiValueQueryStringParameters", "Usa el último valor de la lista, como API Gateway.");
        }

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("Un parámetro que falta en queryStringParameters se busca en multiValueQueryStringParameters")
        void mixedMaps() {
            APIGatewayProxyRequestEvent request = SampleEvents.apiGatewayRestGet()
                    .withQueryStringParameters(Map.of("a", "4"))
                    .withMultiValueQueryStringParameters(Map.of("b", List.of("6")));

            APIGatewayProxyResponseEvent response = call(request);

            expectSumValue("10", body(response, request), request, "Campo \"suma\" con a en "
                    + "queryStringParameters y b solo en multiValueQueryStringParameters",
                    "Busca cada parámetro primero en un mapa y, si no está, en el otro.");
        }

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("Mapas de parámetros vacíos responden 400 y nombran 'a'")
        void emptyMaps() {
            APIGatewayProxyRequestEvent request = SampleEvents.apiGatewayRestGet()
                    .withQueryStringParameters(Map.of())
                    .withMultiValueQueryStringParameters(Map.of());

            APIGatewayProxyResponseEvent response = call(request);

            expectBadRequest(response, request, "a", "Un mapa vacío equivale a no traer parámetros.");
        }

        @ParameterizedTest(name = "a=\"{0}\"")
        @ValueSource(strings = {"\t", " \n ", "\r\n"})
        @Graded(task = 3, points = 1)
        @DisplayName("Tabuladores y saltos de línea cuentan como parámetro vacío")
        void otherBlanks(String a) {
            APIGatewayProxyRequestEvent request = SumApi.get(a, "3");

            APIGatewayProxyResponseEvent response = call(request);

            expectBadRequest(response, request, "a", "Usa strip(), que quita cualquier espacio en blanco.");
        }
    }

    @Nested
    @DisplayName("Tarea 4: valores que no son números")
    class NotNumbers {

        @ParameterizedTest(name = "a=\"{0}\"")
        @CsvSource(delimiter = '|', textBlock = """
                1E3
                2e-2
                5.
                +.5
                --1
                1 000
                Infinity
                ٣
                1_000
                """)
        @Graded(task = 4, points = 2)
        @DisplayName("Exponentes, puntos sin dígitos, separadores y dígitos no ASCII reciben 400")
        void rejectsOtherForms(String a) {
            APIGatewayProxyRequestEvent request = SumApi.get(a, "1");

            APIGatewayProxyResponseEvent response = call(request);

            String error = expectBadRequest(response, request, "a", "Solo se admiten dígitos 0-9, con signo y "
                    + "punto decimal opcionales: [+-]?\\d+(\\.\\d+)?");
            Expect.that(error.contains("'" + a + "'"), () -> "El error debe citar el valor '" + a + "' y dice: "
                    + error);
        }

        @Test
        @Graded(task = 4, points = 1)
        @DisplayName("El error sigue siendo JSON válido aunque el valor traiga comillas y barras")
        void escapesValue() {
            APIGatewayProxyRequestEvent request = SumApi.get("\"}\\{", "1");

            APIGatewayProxyResponseEvent response = call(request);

            String error = expectBadRequest(response, request, "a", "Escribe el JSON con ObjectMapper, que "
                    + "escapa las comillas.");
            Expect.that(error.contains("\"}\\{"), () -> "El error debe citar el valor tal cual llegó y dice: "
                    + error);
        }
    }

    @Nested
    @DisplayName("Tarea 5: suma exacta con decimales y números grandes")
    class ExactSum {

        @ParameterizedTest(name = "{0} + {1}")
        @CsvSource(delimiter = '|', textBlock = """
                -0.1 | -0.2 | -0.3
                1.005 | 0.005 | 1.010
                99999999999999999999999999999999999999999999999999 | 1 | 100000000000000000000000000000000000000000000000000
                -9223372036854775808 | -1 | -9223372036854775809
                0.000000000000000000000000000001 | 0.000000000000000000000000000001 | 0.000000000000000000000000000002
                """)
        @Graded(task = 5, points = 2)
        @DisplayName("Negativos, números de 50 cifras y decimales diminutos se suman exactos")
        void extremes(String a, String b, String expectedSum) {
            APIGatewayProxyRequestEvent request = SumApi.get(a, b);

            APIGatewayProxyResponseEvent response = call(request);

            expectSum(expectedSum, body(response, request), request, "Campo \"suma\" del body de "
                    + describe(request), "Suma con BigDecimal.add, que no pierde cifras ni con números de 50 "
                    + "cifras, y escribe el resultado con toPlainString(), sin notación exponencial.");
        }
    }
}
