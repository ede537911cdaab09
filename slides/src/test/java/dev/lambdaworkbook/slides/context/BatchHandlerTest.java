package dev.lambdaworkbook.slides.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.kit.context.ManualClock;
import dev.lambdaworkbook.kit.context.RecordingLogger;
import dev.lambdaworkbook.kit.context.TestContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Ejemplo BatchHandler")
class BatchHandlerTest {

    private final ManualClock clock = ManualClock.at("2026-03-19T09:00:00Z");
    private final RecordingLogger logger = new RecordingLogger();
    private final TestContext context = TestContext.builder()
            .functionName("lotes").timeout(Duration.ofSeconds(10)).clock(clock).logger(logger).build();

    @Test
    @DisplayName("para cuando quedan menos de 2 s y devuelve lo pendiente")
    void stopsBeforeTimeout() {
        List<String> done = new ArrayList<>();
        BatchHandler handler = new BatchHandler(ticker -> {
            done.add(ticker);
            clock.advance(Duration.ofSeconds(3));
        });

        Map<String, Object> result = handler.handleRequest(List.of("SAN", "TEF", "BBVA", "ITX", "IBE"), context);

        assertEquals(List.of("SAN", "TEF", "BBVA"), done, "Con 10 s de timeout y 3 s por ticker, tras el tercero "
                + "queda 1 s, menos que el margen de " + BatchHandler.SAFETY_MARGIN_MILLIS + " ms.");
        assertEquals(3, result.get("procesados"));
        assertEquals(List.of("ITX", "IBE"), result.get("pendientes"));
        assertTrue(logger.text().contains("paro antes de ITX"), "El registro debe decir dónde paró: " + logger.text());
    }

    @Test
    @DisplayName("con tiempo de sobra procesa la lista entera")
    void processesAllWithTime() {
        BatchHandler handler = new BatchHandler(ticker -> clock.advance(Duration.ofMillis(100)));

        Map<String, Object> result = handler.handleRequest(List.of("SAN", "TEF"), context);

        assertEquals(2, result.get("procesados"));
        assertEquals(List.of(), result.get("pendientes"));
    }
}
