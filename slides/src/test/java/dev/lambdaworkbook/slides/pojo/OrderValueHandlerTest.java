package dev.lambdaworkbook.slides.pojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.slides.RuntimeJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Ejemplo OrderValueHandler")
class OrderValueHandlerTest {

    private final TestContext context = TestContext.builder().functionName("valorar-orden").build();

    @Test
    @DisplayName("del evento JSON de la diapositiva sale la respuesta JSON de la diapositiva")
    void slideExample() {
        OrderRequest order = RuntimeJson.fromJson("{\"ticker\":\"SAN\",\"quantity\":100,\"price\":5.41}",
                OrderRequest.class);

        OrderValue value = new OrderValueHandler().handleRequest(order, context);

        assertEquals("{\"ticker\":\"SAN\",\"value\":541.00}", RuntimeJson.toJson(value),
                "La tabla de la diapositiva «Entrada y salida con tus propios tipos» muestra esta respuesta.");
    }

    @Test
    @DisplayName("una cantidad que no es positiva es un error con el valor recibido")
    void rejectsNonPositiveQuantity() {
        OrderRequest order = RuntimeJson.fromJson("{\"ticker\":\"SAN\",\"quantity\":0,\"price\":5.41}",
                OrderRequest.class);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new OrderValueHandler().handleRequest(order, context));

        assertEquals("La cantidad debe ser positiva y llegó 0", error.getMessage());
    }
}
