package dev.lambdaworkbook.kit.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RecordingLogger")
class RecordingLoggerTest {

    @Test
    @DisplayName("guarda los mensajes en orden, tal como llegan")
    void recordsInOrder() {
        RecordingLogger logger = new RecordingLogger();

        try (OutputCapture ignored = OutputCapture.start()) {
            logger.log("uno");
            logger.log("dos\n");
            logger.log("tres", LogLevel.WARN);
        }

        assertEquals(List.of("uno", "dos\n", "tres"), logger.messages());
        assertEquals("unodos\ntres", logger.text());
    }

    @Test
    @DisplayName("imprime cada mensaje en su propia línea, sin duplicar el salto que ya trae")
    void printsOneLineEach() {
        RecordingLogger logger = new RecordingLogger();

        String printed;
        try (OutputCapture output = OutputCapture.start()) {
            logger.log("uno");
            logger.log("dos\n");
            printed = output.stdout();
        }

        assertEquals(List.of("uno", "dos"), printed.lines().toList());
        assertEquals("uno" + System.lineSeparator() + "dos\n", printed);
    }

    @Test
    @DisplayName("decodifica en UTF-8 los mensajes en bytes")
    void bytesAsUtf8() {
        RecordingLogger logger = new RecordingLogger();

        try (OutputCapture ignored = OutputCapture.start()) {
            logger.log("año €".getBytes(StandardCharsets.UTF_8));
        }

        assertEquals(List.of("año €"), logger.messages());
    }

    @Test
    @DisplayName("un mensaje null se guarda como el texto null")
    void nullMessage() {
        RecordingLogger logger = new RecordingLogger();

        try (OutputCapture ignored = OutputCapture.start()) {
            logger.log((String) null);
        }

        assertEquals(List.of("null"), logger.messages());
    }

    @Test
    @DisplayName("messages() devuelve una copia que no se puede cambiar")
    void messagesIsCopy() {
        RecordingLogger logger = new RecordingLogger();
        List<String> before = logger.messages();

        try (OutputCapture ignored = OutputCapture.start()) {
            logger.log("uno");
        }

        assertEquals(List.of(), before);
        assertThrows(UnsupportedOperationException.class, () -> logger.messages().add("otro"));
    }
}
