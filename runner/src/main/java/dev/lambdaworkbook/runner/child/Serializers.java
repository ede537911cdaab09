package dev.lambdaworkbook.runner.child;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the serializer for a handler's input or output type the way the Java runtime does: the event classes of
 * aws-lambda-java-events get aws-lambda-java-serialization's event serializers (with their field-name mixins),
 * every other type gets its Jackson factory (unknown fields ignored, null fields left out).
 */
final class Serializers {

    private final ClassLoader functionClassLoader;
    private final Map<Type, PojoSerializer<Object>> cache = new ConcurrentHashMap<>();

    Serializers(ClassLoader functionClassLoader) {
        this.functionClassLoader = functionClassLoader;
    }

    PojoSerializer<Object> forType(Type type) {
        return cache.computeIfAbsent(type, this::create);
    }

    @SuppressWarnings("unchecked")
    private PojoSerializer<Object> create(Type type) {
        if (type instanceof Class<?> eventClass && LambdaEventSerializers.isLambdaSupportedEvent(eventClass.getName())) {
            return LambdaEventSerializers.serializerFor((Class<Object>) eventClass, functionClassLoader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }
}
