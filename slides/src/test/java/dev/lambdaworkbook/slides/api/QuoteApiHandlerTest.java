package dev.lambdaworkbook.slides.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.slides.RuntimeJson;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Ejemplo QuoteApiHandler")
class QuoteApiHandlerTest {

    private final QuoteApiHandler handler = new QuoteApiHandler();
    private final TestContext context = TestContext.builder().functionName("cotizacion").build();

    private APIGatewayProxyResponseEvent get(Map<String, String> query) {
        APIGatewayProxyRequestEvent request = SampleEvents.apiGatewayRestGet();
        request.setQueryStringParameters(query);
        return handler.handleRequest(request, context);
    }

    @Test
    @DisplayName("?ticker=SAN responde lo que muestra el curl de la diapositiva")
    void answersSlideExample() {
        APIGatewayProxyResponseEvent response = get(Map.of("ticker", "SAN"));

        assertEquals(200, response.getStatusCode());
        assertEquals("{\"ticker\":\"SAN\",\"precio\":5.41}", response.getBody());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
    }

    @Test
    @DisplayName("sin query string (mapa null) responde 400, no una excepción")
    void nullQueryIsBadRequest() {
        APIGatewayProxyResponseEvent response = get(null);

        assertEquals(400, response.getStatusCode());
        assertEquals("{\"error\":\"Falta el parámetro ticker\"}", response.getBody());
    }

    @ParameterizedTest(name = "ticker={0} → {1}")
    @CsvSource({"' ', 400", "SAN\"X, 400", "XYZ, 404", "tef, 200"})
    @DisplayName("valida el ticker antes de buscarlo")
    void validatesTicker(String ticker, int status) {
        APIGatewayProxyResponseEvent response = get(Map.of("ticker", ticker));

        assertEquals(status, response.getStatusCode(), "body: " + response.getBody());
    }

    @Test
    @DisplayName("la respuesta que recibe API Gateway tiene statusCode entero y body de texto")
    void proxyResponseShape() throws Exception {
        String json = RuntimeJson.toJson(get(Map.of("ticker", "SAN")));

        JsonNode response = new ObjectMapper().readTree(json);

        assertTrue(response.path("statusCode").isInt(), "statusCode debe ser un entero en " + json);
        assertTrue(response.path("body").isTextual(), "body debe ser texto en " + json);
    }
}
