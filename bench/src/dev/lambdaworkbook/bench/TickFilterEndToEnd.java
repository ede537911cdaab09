package dev.lambdaworkbook.bench;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.RequestParametersEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.ResponseElementsEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.UserIdentityEntity;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.kit.services.s3.LocalS3Server;
import dev.lambdaworkbook.ticks.TickFilterHandler;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Runs exercise 06's reference handler end to end through the local S3 server: uploads the file to the input
 * bucket, sends the handler an S3 put event and times the call, which downloads, filters and uploads the result.
 */
public final class TickFilterEndToEnd {

    private static final String INPUT = "master-trading-entrada";
    private static final String OUTPUT = "master-trading-salida";

    private TickFilterEndToEnd() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String key = "bme/" + file.getFileName();
        try (LocalS3Server server = LocalS3Server.start()) {
            server.createBucket(INPUT);
            server.createBucket(OUTPUT);
            long uploadStart = System.nanoTime();
            server.client().putObject(request -> request.bucket(INPUT).key(key), RequestBody.fromFile(file));
            double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
            TickFilterHandler handler = new TickFilterHandler(
                    Map.of("OUTPUT_BUCKET", OUTPUT, "OUTPUT_PREFIX", "filtrados/", "INPUT_PREFIX", "bme/"),
                    server.newClient());
            TestContext context = TestContext.builder().functionName("filtro-ticks").memoryLimitInMB(512)
                    .timeout(Duration.ofMinutes(5)).build();

            long start = System.nanoTime();
            List<String> written = handler.handleRequest(event(key), context);
            double seconds = (System.nanoTime() - start) / 1e9;

            long outputBytes = server.client().headObject(request -> request.bucket(OUTPUT).key(written.get(0)))
                    .contentLength();
            double megabytes = Files.size(file) / 1e6;
            System.out.printf(Locale.ROOT, "extremo a extremo: subida al S3 local %.2f s; handler (descarga, filtro "
                    + "y subida de %.1f MB) %.3f s, %.0f MB/s%n", uploadSeconds, outputBytes / 1e6, seconds,
                    megabytes / seconds);
        }
    }

    private static S3Event event(String key) {
        S3Entity s3 = new S3Entity("bench", new S3BucketEntity(INPUT, new UserIdentityEntity("bench"),
                "arn:aws:s3:::" + INPUT), new S3ObjectEntity(URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"), 0L,
                null, null, null), "1.0");
        return new S3Event(List.of(new S3EventNotificationRecord("eu-west-1", "ObjectCreated:Put", "aws:s3",
                "2026-03-19T09:00:18.002Z", "2.1", new RequestParametersEntity("127.0.0.1"),
                new ResponseElementsEntity("bench", "bench"), s3, new UserIdentityEntity("bench"))));
    }
}
