package dev.lambdaworkbook.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

@DisplayName("Eventos de ejemplo")
class SampleEventsTest {

    @Test
    @DisplayName("El evento hello-world de la consola trae key1, key2 y key3")
    void helloWorldHasConsoleKeys() {
        Map<String, Object> event = SampleEvents.helloWorld();

        assertEquals(Map.of("key1", "value1", "key2", "value2", "key3", "value3"), event);
    }

    @Test
    @DisplayName("El evento S3 es un ObjectCreated:Put con hora y clave codificada")
    void s3PutHasEncodedKey() {
        S3Event event = SampleEvents.s3Put();

        S3EventNotificationRecord record = event.getRecords().get(0);
        assertEquals("ObjectCreated:Put", record.getEventName());
        assertEquals("aws:s3", record.getEventSource());
        assertEquals("2026-03-19T09:00:18.002Z", record.getEventTime().toString());
        assertEquals("master-trading-entrada", record.getS3().getBucket().getName());
        assertEquals("bme/RV_TICK+19-03-2018+ma%C3%B1ana.csv", record.getS3().getObject().getKey());
        assertEquals("bme/RV_TICK 19-03-2018 mañana.csv",
                URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8));
        assertEquals(2048L, record.getS3().getObject().getSizeAsLong());
    }

    @Test
    @DisplayName("El evento de API Gateway REST trae a y b en los dos mapas de parámetros")
    void apiGatewayHasQueryParameters() {
        APIGatewayProxyRequestEvent event = SampleEvents.apiGatewayRestGet();

        assertEquals("GET", event.getHttpMethod());
        assertEquals("/suma", event.getPath());
        assertEquals(Map.of("a", "2", "b", "3"), event.getQueryStringParameters());
        assertEquals(Map.of("a", List.of("2"), "b", List.of("3")), event.getMultiValueQueryStringParameters());
        assertEquals("prod", event.getRequestContext().getStage());
        assertEquals("c6af9ac6-7b61-11e6-9a41-93e8deadbeef", event.getRequestContext().getRequestId());
        assertNull(event.getBody());
        assertFalse(event.getIsBase64Encoded());
    }

    @Test
    @DisplayName("El evento programado de EventBridge trae detail-type y hora")
    void scheduledHasTime() {
        ScheduledEvent event = SampleEvents.scheduled();

        assertEquals("Scheduled Event", event.getDetailType());
        assertEquals("aws.events", event.getSource());
        assertEquals("2026-03-19T09:01:00.000Z", event.getTime().toString());
        assertEquals(List.of("arn:aws:events:eu-west-1:123456789012:rule/cada-minuto"), event.getResources());
    }

    @Test
    @DisplayName("Cada llamada devuelve un evento nuevo, que una prueba puede cambiar sin afectar a otra")
    void freshCopies() {
        SampleEvents.apiGatewayRestGet().getQueryStringParameters().put("a", "cambiado");
        SampleEvents.helloWorld().put("key1", "cambiado");

        assertEquals("2", SampleEvents.apiGatewayRestGet().getQueryStringParameters().get("a"));
        assertEquals("value1", SampleEvents.helloWorld().get("key1"));
    }

    @Test
    @DisplayName("Cada evento es igual al que carga EventLoader de aws-lambda-java-tests")
    void sameAsEventLoader() {
        assertEquals(EventLoader.loadEvent(SampleEvents.resource(SampleEvents.HELLO_WORLD), Map.class),
                SampleEvents.helloWorld());
        assertSameJson(S3Event.class, EventLoader.loadS3Event(SampleEvents.resource(SampleEvents.S3_PUT)),
                SampleEvents.s3Put());
        assertSameJson(APIGatewayProxyRequestEvent.class,
                EventLoader.loadApiGatewayRestEvent(SampleEvents.resource(SampleEvents.API_GATEWAY_REST_GET)),
                SampleEvents.apiGatewayRestGet());
        assertSameJson(ScheduledEvent.class,
                EventLoader.loadScheduledEvent(SampleEvents.resource(SampleEvents.EVENTBRIDGE_SCHEDULED)),
                SampleEvents.scheduled());
    }

    /** Compares two events by their JSON, written by the runtime's serializer: S3 records have no equals. */
    private static <T> void assertSameJson(Class<T> type, T expected, T actual) {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor(type, ClassLoader.getSystemClassLoader());
        ByteArrayOutputStream expectedJson = new ByteArrayOutputStream();
        ByteArrayOutputStream actualJson = new ByteArrayOutputStream();
        serializer.toJson(expected, expectedJson);
        serializer.toJson(actual, actualJson);
        assertEquals(expectedJson.toString(StandardCharsets.UTF_8), actualJson.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("Un evento que no existe da un error que lo nombra y lista los disponibles")
    void unknownEvent() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SampleEvents.json("sqs.json"));

        assertEquals("No existe el evento de ejemplo 'sqs.json'. Eventos disponibles: " + SampleEvents.ALL,
                error.getMessage());
    }

    static final List<String> ALL_EVENTS = SampleEvents.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("ALL_EVENTS")
    @DisplayName("Cada evento de ejemplo es un objeto JSON en el classpath")
    void everyEventIsJsonObject(String name) {
        String json = SampleEvents.json(name).strip();

        assertTrue(json.startsWith("{"), () -> name + " no empieza por '{': " + json);
        assertTrue(json.endsWith("}"), () -> name + " no termina en '}': " + json);
    }
}
