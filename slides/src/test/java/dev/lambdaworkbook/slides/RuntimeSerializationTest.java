package dev.lambdaworkbook.slides;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pins the conversion rules that the slide «Detalles de la conversión» states, against the runtime's library. */
@DisplayName("Presentaciones: las reglas de JSON que cuentan las diapositivas")
class RuntimeSerializationTest {

    @Test
    @DisplayName("un String vuelve como cadena JSON, con comillas")
    void stringIsQuoted() {
        String json = RuntimeJson.toJson("¡Hola, Ana!");

        assertEquals("\"¡Hola, Ana!\"", json, "La diapositiva dice que un String llega con comillas.");
    }

    @Test
    @DisplayName("los campos del evento que el tipo no tiene se ignoran")
    void unknownFieldsAreIgnored() {
        Quote quote = RuntimeJson.fromJson("{\"ticker\":\"SAN\",\"mercado\":\"IBEX\"}", Quote.class);

        assertEquals("SAN", quote.getTicker(), "Un campo desconocido ('mercado') no debe impedir leer el resto.");
    }

    @Test
    @DisplayName("los campos null no se escriben")
    void nullFieldsAreOmitted() {
        Quote quote = new Quote();
        quote.setTicker("SAN");

        String json = RuntimeJson.toJson(quote);

        assertEquals("{\"ticker\":\"SAN\"}", json, "La diapositiva dice que los campos null no aparecen.");
    }

    @Test
    @DisplayName("el runtime no ve las anotaciones de tu Jackson")
    void jacksonAnnotationsAreIgnored() {
        Quote quote = new Quote();
        quote.setTicker("SAN");
        quote.setClose("5.41");

        String json = RuntimeJson.toJson(quote);

        assertEquals("{\"ticker\":\"SAN\",\"close\":\"5.41\"}", json, "Con @JsonProperty(\"precio_cierre\") el "
                + "runtime sigue escribiendo 'close': así lo cuenta la diapositiva.");
    }

    /** A bean with one annotated property; the annotation comes from the application's own Jackson. */
    public static class Quote {

        private String ticker;

        @JsonProperty("precio_cierre")
        private String close;

        public String getTicker() {
            return ticker;
        }

        public void setTicker(String ticker) {
            this.ticker = ticker;
        }

        public String getClose() {
            return close;
        }

        public void setClose(String close) {
            this.close = close;
        }
    }
}
