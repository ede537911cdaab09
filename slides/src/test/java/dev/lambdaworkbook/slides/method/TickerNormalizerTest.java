package dev.lambdaworkbook.slides.method;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdaworkbook.slides.RuntimeJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Ejemplo TickerNormalizer")
class TickerNormalizerTest {

    @Test
    @DisplayName("el evento \"  san \" devuelve \"SAN\", como dice la diapositiva")
    void normalizesSlideExample() {
        String ticker = RuntimeJson.fromJson("\"  san \"", String.class);

        String result = new TickerNormalizer().normalize(ticker);

        assertEquals("\"SAN\"", RuntimeJson.toJson(result));
    }
}
