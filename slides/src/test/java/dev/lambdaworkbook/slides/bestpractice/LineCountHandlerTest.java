package dev.lambdaworkbook.slides.bestpractice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.kit.services.s3.LocalS3Extension;
import dev.lambdaworkbook.slides.config.OutputLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Ejemplo LineCountHandler")
class LineCountHandlerTest {

    private static final String INPUT = "master-trading-entrada";
    private static final String OUTPUT = "master-trading-salida";

    @RegisterExtension
    static final LocalS3Extension s3 = LocalS3Extension.withBuckets(INPUT, OUTPUT);

    @Test
    @DisplayName("LineCounter cuenta las líneas sin saber nada de Lambda")
    void countsLines() throws IOException {
        byte[] text = "FECHA;VALOR\n20180319;SAN\n20180319;TEF\n".getBytes(StandardCharsets.UTF_8);

        long lines = LineCounter.count(new ByteArrayInputStream(text));

        assertEquals(3, lines);
    }

    @Test
    @DisplayName("lee el objeto del evento en un S3 local y escribe la cuenta en el bucket de salida")
    void countsObjectOfEvent() {
        String key = "bme/RV_TICK 19-03-2018 mañana.csv";
        s3.put(INPUT, key, "a\nb\nc\n".getBytes(StandardCharsets.UTF_8));
        LineCountHandler handler = new LineCountHandler(s3.client(), new OutputLocation(OUTPUT, "informes/"));

        Map<String, Long> lines = handler.handleRequest(SampleEvents.s3Put(),
                TestContext.builder().functionName("contar-lineas").build());

        assertEquals(Map.of(key, 3L), lines);
        assertEquals(List.of("informes/" + key + ".lineas.txt"), s3.keys(OUTPUT));
        assertEquals("3\n", new String(s3.get(OUTPUT, "informes/" + key + ".lineas.txt"), StandardCharsets.UTF_8));
    }
}
