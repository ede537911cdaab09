package dev.lambdaworkbook.slides;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Converts between JSON and Java with aws-lambda-java-serialization, the library the Java runtime uses, so the
 * tests see the JSON a function really receives and returns.
 */
public final class RuntimeJson {

    private RuntimeJson() {
    }

    /** Reads an event the way the runtime does for a handler whose input type is {@code type}. */
    public static <T> T fromJson(String json, Class<T> type) {
        return serializer(type).fromJson(json);
    }

    /** Writes a result the way the runtime does before returning it to the caller. */
    @SuppressWarnings("unchecked")
    public static <T> String toJson(T value) {
        PojoSerializer<T> serializer = serializer((Class<T>) value.getClass());
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        serializer.toJson(value, output);
        return output.toString(StandardCharsets.UTF_8);
    }

    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return LambdaEventSerializers.serializerFor(type, RuntimeJson.class.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
