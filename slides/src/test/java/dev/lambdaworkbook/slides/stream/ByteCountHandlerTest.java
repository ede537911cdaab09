package dev.lambdaworkbook.slides.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.context.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Ejemplo ByteCountHandler")
class ByteCountHandlerTest {

    @Test
    @DisplayName("cuenta los bytes del evento y escribe su propio JSON")
    void countsBytes() throws IOException {
        byte[] event = SampleEvents.json(SampleEvents.HELLO_WORLD).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        new ByteCountHandler().handleRequest(new ByteArrayInputStream(event), output, TestContext.builder().build());

        assertEquals("{\"bytes\":" + event.length + "}", output.toString(StandardCharsets.UTF_8));
    }
}
