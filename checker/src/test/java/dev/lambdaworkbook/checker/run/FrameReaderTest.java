package dev.lambdaworkbook.checker.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Canal de resultados")
class FrameReaderTest {

    private static final byte[] SECRET = "secreto-de-esta-ejecucion-32-byt".getBytes(StandardCharsets.US_ASCII);

    @Test
    @DisplayName("acepta solo tramas firmadas con el secreto y en orden")
    void acceptsOnlyAuthenticFramesInOrder() throws Exception {
        String first = frame(SECRET, 0, "{\"t\":\"start\",\"id\":\"a\"}");
        String stream = String.join("\n",
                "salida suelta de la entrega",
                frame("otra-clave-que-no-es-la-buena-00".getBytes(StandardCharsets.US_ASCII), 0, "{\"t\":\"done\"}"),
                first,
                first,
                "@@wb 1 00ff " + Base64.getEncoder().encodeToString("{\"t\":\"done\"}".getBytes()),
                "x".repeat(5 * 1024 * 1024),
                frame(SECRET, 1, "{\"t\":\"done\"}"),
                "");
        LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)),
                SECRET, frames);

        reader.run();

        List<String> types = new ArrayList<>();
        frames.forEach(frame -> types.add(frame.path("t").asText()));
        assertEquals(List.of("start", "done", "end"), types, "Solo la trama 0 y la 1 auténticas, y el fin.");
        assertEquals(4, reader.rejected(), "Se descartan la salida suelta, la clave falsa, la repetida y la MAC "
                + "falsa.");
    }

    private static String frame(byte[] secret, long sequence, String json) throws Exception {
        String payload = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((sequence + ":" + payload)
                .getBytes(StandardCharsets.US_ASCII)));
        return "@@wb " + sequence + " " + signature + " " + payload;
    }
}
