package dev.lambdaworkbook.runner.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaworkbook.kit.context.TestContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the events AWS services send to Lambda, in the shapes of the workbook's sample events (and of
 * {@code sam local generate-event}): S3 {@code ObjectCreated}, API Gateway REST proxy (payload 1.0) and EventBridge
 * "Scheduled Event".
 */
public final class EventFactory {

    private static final String ACCOUNT = TestContext.DEFAULT_ACCOUNT;
    private static final DateTimeFormatter API_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private EventFactory() {
    }

    /**
     * Returns an S3 notification for one object. The key goes form-URL-encoded, as S3 sends it: a space becomes
     * {@code +}, an ñ {@code %C3%B1}, while {@code /} stays.
     */
    public static ObjectNode s3(String eventName, String bucket, String key, long size, String eTag, Instant time) {
        ObjectNode record = Json.object();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", TestContext.DEFAULT_REGION);
        record.put("eventTime", time.truncatedTo(ChronoUnit.MILLIS).toString());
        record.put("eventName", eventName);
        record.putObject("userIdentity").put("principalId", "AWS:AIDAJDPLRKLG7UEXAMPLE");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode response = record.putObject("responseElements");
        response.put("x-amz-request-id", randomHex(8).toUpperCase(Locale.ROOT));
        response.put("x-amz-id-2", randomHex(32));
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "lambda-local");
        ObjectNode bucketNode = s3.putObject("bucket");
        bucketNode.put("name", bucket);
        bucketNode.putObject("ownerIdentity").put("principalId", "A3NL1KOZZKExample");
        bucketNode.put("arn", "arn:aws:s3:::" + bucket);
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(key));
        object.put("size", size);
        object.put("eTag", eTag);
        object.put("sequencer", randomHex(9).toUpperCase(Locale.ROOT));
        ObjectNode event = Json.object();
        event.putArray("Records").add(record);
        return event;
    }

    /** Encodes an object key as S3 writes it in event notifications. */
    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /**
     * Returns an API Gateway REST proxy event. Absent maps are JSON null, as API Gateway sends them; in the
     * single-value maps the last value of a repeated name wins, the multi-value maps keep them all.
     *
     * @param resource the route as declared in the template, e.g. {@code /suma} or {@code /precio/{ticker}}
     * @param pathParameters values of the route's {@code {name}} parts, or empty
     * @param body the body as text, or null
     * @param host the Host the client used, e.g. {@code 127.0.0.1:3000}
     */
    public static ObjectNode api(String method, String path, String resource, Map<String, List<String>> query,
            Map<String, List<String>> headers, Map<String, String> pathParameters, String body, boolean base64,
            String host, Instant time) {
        ObjectNode event = Json.object();
        event.put("resource", resource);
        event.put("path", path);
        event.put("httpMethod", method);
        putMaps(event, "headers", "multiValueHeaders", headers);
        putMaps(event, "queryStringParameters", "multiValueQueryStringParameters", query);
        if (pathParameters.isEmpty()) {
            event.putNull("pathParameters");
        } else {
            ObjectNode parameters = event.putObject("pathParameters");
            pathParameters.forEach(parameters::put);
        }
        event.putNull("stageVariables");
        ObjectNode context = event.putObject("requestContext");
        context.put("resourceId", randomHex(3));
        context.put("resourcePath", resource);
        context.put("httpMethod", method);
        context.put("extendedRequestId", randomHex(8));
        context.put("requestTime", API_TIME.format(time));
        context.put("path", "/prod" + path);
        context.put("accountId", ACCOUNT);
        context.put("protocol", "HTTP/1.1");
        context.put("stage", "prod");
        context.put("domainPrefix", "localhost");
        context.put("requestTimeEpoch", time.toEpochMilli());
        context.put("requestId", UUID.randomUUID().toString());
        ObjectNode identity = context.putObject("identity");
        identity.put("sourceIp", "127.0.0.1");
        identity.put("userAgent", first(headers, "User-Agent"));
        context.put("domainName", host);
        context.put("apiId", "lambdalocal");
        if (body == null) {
            event.putNull("body");
        } else {
            event.put("body", body);
        }
        event.put("isBase64Encoded", base64);
        return event;
    }

    /** Returns an EventBridge "Scheduled Event" from the rule {@code ruleName}, fired at {@code time}. */
    public static ObjectNode scheduled(String ruleName, Instant time) {
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", ACCOUNT);
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", TestContext.DEFAULT_REGION);
        event.putArray("resources").add("arn:aws:events:" + TestContext.DEFAULT_REGION + ":" + ACCOUNT + ":rule/"
                + ruleName);
        event.putObject("detail");
        return event;
    }

    private static void putMaps(ObjectNode event, String single, String multiple, Map<String, List<String>> values) {
        if (values.isEmpty()) {
            event.putNull(single);
            event.putNull(multiple);
            return;
        }
        ObjectNode last = event.putObject(single);
        ObjectNode all = event.putObject(multiple);
        values.forEach((name, list) -> {
            last.put(name, list.get(list.size() - 1));
            ArrayNode array = all.putArray(name);
            list.forEach(array::add);
        });
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new java.security.SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
