package dev.lambdaworkbook.slides.bestpractice;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.lambdaworkbook.slides.config.OutputLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Counts the lines of every object that an S3 event announces and writes each count next to the output prefix,
 * as {@code <OUTPUT_PREFIX><key>.lineas.txt} in {@code OUTPUT_BUCKET}.
 *
 * <p>Lambda calls the constructor without arguments once per execution environment, so warm invocations reuse its
 * S3 client. Tests call the other one with a client aimed at a local S3 server and their own output location.
 */
public class LineCountHandler implements RequestHandler<S3Event, Map<String, Long>> {

    // tag::client[]
    private final S3Client s3;
    private final OutputLocation output;

    public LineCountHandler() {
        this(S3Client.create(), OutputLocation.fromEnvironment());
    }

    public LineCountHandler(S3Client s3, OutputLocation output) {
        this.s3 = s3;
        this.output = output;
    }
    // end::client[]

    @Override
    public Map<String, Long> handleRequest(S3Event event, Context context) {
        Map<String, Long> lines = new LinkedHashMap<>();
        for (S3EventNotificationRecord record : event.getRecords()) {
            // tag::delegate[]
            String bucket = record.getS3().getBucket().getName();
            String key = record.getS3().getObject().getUrlDecodedKey();
            long count = countLines(bucket, key);
            s3.putObject(request -> request.bucket(output.bucket())
                            .key(output.prefix() + key + ".lineas.txt"),
                    RequestBody.fromString(count + "\n"));
            // end::delegate[]
            lines.put(key, count);
        }
        return lines;
    }

    private long countLines(String bucket, String key) {
        try (InputStream body = s3.getObject(request -> request.bucket(bucket).key(key))) {
            return LineCounter.count(body);
        } catch (IOException e) {
            throw new UncheckedIOException("No se pudo leer s3://" + bucket + "/" + key, e);
        }
    }
}
