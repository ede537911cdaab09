package dev.lambdaworkbook.slides.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Ejemplo OutputLocation")
class OutputLocationTest {

    @Test
    @DisplayName("lee el bucket y el prefijo de las variables de entorno")
    void readsVariables() {
        OutputLocation location = OutputLocation.from(
                Map.of("OUTPUT_BUCKET", "master-trading-salida", "OUTPUT_PREFIX", "informes/"));

        assertEquals(new OutputLocation("master-trading-salida", "informes/"), location);
    }

    @Test
    @DisplayName("sin OUTPUT_PREFIX, el prefijo es vacío")
    void prefixDefaultsToEmpty() {
        OutputLocation location = OutputLocation.from(Map.of("OUTPUT_BUCKET", "master-trading-salida"));

        assertEquals("", location.prefix());
    }

    @Test
    @DisplayName("sin OUTPUT_BUCKET, el error nombra la variable y dónde se configura")
    void missingBucketIsExplained() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> OutputLocation.from(Map.of("OUTPUT_BUCKET", " ")));

        assertTrue(error.getMessage().contains("OUTPUT_BUCKET"), error.getMessage());
        assertTrue(error.getMessage().contains("Environment"), error.getMessage());
    }
}
