package dev.lambdaworkbook.slides.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.context.TestContext;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Ejemplo NewObjectHandler")
class NewObjectHandlerTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            +                                      | ' '
            %2B                                    | +
            %C3%B1                                 | ñ
            bme/RV_TICK+19-03-2018+ma%C3%B1ana.csv | bme/RV_TICK 19-03-2018 mañana.csv
            """)
    @DisplayName("decodifica la clave como la tabla de la diapositiva")
    void decodesLikeTheSlide(String encoded, String decoded) {
        assertEquals(decoded, NewObjectHandler.decodeKey(encoded));
    }

    @Test
    @DisplayName("del evento de ejemplo de S3 saca el bucket y la clave decodificada")
    void listsSampleObject() {
        List<String> objects = new NewObjectHandler().handleRequest(SampleEvents.s3Put(),
                TestContext.builder().functionName("nuevos-objetos").build());

        assertEquals(List.of("s3://master-trading-entrada/bme/RV_TICK 19-03-2018 mañana.csv"), objects);
    }
}
