package dev.lambdaworkbook.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sample events of the workbook, loaded into the typed classes of aws-lambda-java-events by the serializers of
 * aws-lambda-java-serialization, the ones aws-lambda-java-tests' {@link EventLoader} uses, as the Java runtime would
 * deserialise them.
 *
 * <p>Each event is a JSON file at the top of the {@code events/} folder and on the classpath as {@code events/NAME}.
 * Every call returns a fresh object, so a test may change it freely.
 *
 * <p>Each event type's serializer is built once per class loader of this class and kept, as the runtime keeps its
 * handler's: {@link EventLoader} builds a new one, with a new copy of its object mapper, for every event it loads.
 */
public final class SampleEvents {

    public static final String HELLO_WORLD = "hello-world.json";
    public static final String S3_PUT = "s3-put.json";
    public static final String API_GATEWAY_REST_GET = "apigateway-rest-get.json";
    public static final String EVENTBRIDGE_SCHEDULED = "eventbridge-scheduled.json";

    /** Every sample event, sorted by file name. */
    public static final List<String> ALL = List.of(API_GATEWAY_REST_GET, EVENTBRIDGE_SCHEDULED, HELLO_WORLD, S3_PUT);

    private static final Map<Class<?>, PojoSerializer<?>> SERIALIZERS = new ConcurrentHashMap<>();

    private SampleEvents() {
    }

    /** Returns the Lambda console's "hello-world" test event: {@code key1} to {@code key3}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> helloWorld() {
        return load(HELLO_WORLD, Map.class);
    }

    /** Returns an S3 {@code ObjectCreated:Put} event whose object key is form-URL-encoded, as S3 sends it. */
    public static S3Event s3Put() {
        return load(S3_PUT, S3Event.class);
    }

    /** Returns an API Gateway REST API proxy event (payload 1.0) for {@code GET /suma?a=2&b=3}. */
    public static APIGatewayProxyRequestEvent apiGatewayRestGet() {
        return load(API_GATEWAY_REST_GET, APIGatewayProxyRequestEvent.class);
    }

    /** Returns an EventBridge "Scheduled Event" from a rule that fires every minute. */
    public static ScheduledEvent scheduled() {
        return load(EVENTBRIDGE_SCHEDULED, ScheduledEvent.class);
    }

    /** Reads a sample event with the serializer aws-lambda-java-tests' {@link EventLoader} would pick for the type. */
    @SuppressWarnings("unchecked")
    private static <T> T load(String name, Class<T> type) {
        PojoSerializer<T> serializer = (PojoSerializer<T>) SERIALIZERS.computeIfAbsent(type,
                key -> LambdaEventSerializers.serializerFor(key, ClassLoader.getSystemClassLoader()));
        return serializer.fromJson(new ByteArrayInputStream(json(name).getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns the raw JSON of a sample event, for handlers that take a stream or a map. */
    public static String json(String name) {
        try (InputStream in = SampleEvents.class.getClassLoader().getResourceAsStream(resource(name))) {
            if (in == null) {
                throw new IllegalArgumentException("No existe el evento de ejemplo '" + name + "'. Eventos disponibles: "
                        + ALL);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("No se puede leer el evento de ejemplo '" + name + "'", unreadable);
        }
    }

    /** Returns the classpath location of a sample event. */
    public static String resource(String name) {
        return "events/" + name;
    }
}
