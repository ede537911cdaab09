package dev.lambdaworkbook.slides.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.context.RecordingLogger;
import dev.lambdaworkbook.kit.context.TestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Ejemplo GreetingHandler")
class GreetingHandlerTest {

    private final RecordingLogger logger = new RecordingLogger();
    private final TestContext context = TestContext.builder().functionName("saludo").logger(logger).build();

    @Test
    @DisplayName("saluda al nombre del evento y lo anota en el registro")
    void greetsName() {
        GreetingHandler handler = new GreetingHandler();

        String greeting = handler.handleRequest(Map.of("nombre", "Ana"), context);

        assertEquals("¡Hola, Ana!", greeting);
        assertEquals(List.of("Saludo para Ana"), logger.messages());
    }

    @Test
    @DisplayName("sin nombre, saluda al mundo (el evento hello-world de la consola)")
    void greetsWorldWithoutName() {
        GreetingHandler handler = new GreetingHandler();

        String greeting = handler.handleRequest(SampleEvents.helloWorld(), context);

        assertEquals("¡Hola, mundo!", greeting);
    }
}
