package dev.lambdaworkbook.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON for policy documents, sample events and invocation results. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static JsonNode parse(String text, String what) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException invalid) {
            throw new DeployException(DeployException.FAILED, what + " no es JSON válido: "
                    + invalid.getOriginalMessage(), invalid);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("No se puede escribir como JSON: " + value, unwritable);
        }
    }

    /** Returns the text compact, so two documents compare equal whatever their spacing or key order. */
    static JsonNode normalize(String text, String what) {
        return parse(text, what);
    }

    /** Returns a JSON text pretty-printed, or unchanged when it is not JSON. */
    static String pretty(String text) {
        try {
            return MAPPER.writeValueAsString(MAPPER.readTree(text));
        } catch (JsonProcessingException notJson) {
            return text;
        }
    }
}
