package dev.lambdaworkbook.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The sample events of the workbook, loaded with aws-lambda-java-tests' {@link EventLoader} into the typed classes
 * of aws-lambda-java-events, as the Java runtime would deserialise them.
 *
 * <p>Each event is a JSON file at the top of the {@code events/} folder and on the classpath as {@code events/NAME}.
 * Every call returns a fresh object, so a test may change it freely.
 */
public final class SampleEvents {

    public static final String HELLO_WORLD = "hello-world.json";
    public static final String S3_PUT = "s3-put.json";
    public static final String API_GATEWAY_REST_GET = "apigateway-rest-get.json";
    public static final String EVENTBRIDGE_SCHEDULED = "eventbridge-scheduled.json";

    /** Every sample event, sorted by file name. */
    public static final List<String> ALL = List.of(API_GATEWAY_REST_GET, EVENTBRIDGE_SCHEDULED, HELLO_WORLD, S3_PUT);

    private SampleEvents() {
    }

    /** Returns the Lambda console's "hello-world" test event: {@code key1} to {@code key3}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> helloWorld() {
        return EventLoader.loadEvent(resource(HELLO_WORLD), Map.class);
    }

    /** Returns an S3 {@code ObjectCreated:Put} event whose object key is form-URL-encoded, as S3 sends it. */
    public static S3Event s3Put() {
        return EventLoader.loadS3Event(resource(S3_PUT));
    }

    /** Returns an API Gateway REST API proxy event (payload 1.0) for {@code GET /suma?a=2&b=3}. */
    public static APIGatewayProxyRequestEvent apiGatewayRestGet() {
        return EventLoader.loadApiGatewayRestEvent(resource(API_GATEWAY_REST_GET));
    }

    /** Returns an EventBridge "Scheduled Event" from a rule that fires every minute. */
    public static ScheduledEvent scheduled() {
        return EventLoader.loadScheduledEvent(resource(EVENTBRIDGE_SCHEDULED));
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
