package dev.lambdaworkbook.ticks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Runs when a BME tick file lands in the input bucket: streams it through {@link TickFilter} and writes the SAN, TEF
 * and IDX trades to {@code OUTPUT_BUCKET} under {@code OUTPUT_PREFIX}, with the input's file name. Returns the keys
 * written, one per record of the event.
 *
 * <p>{@code INPUT_PREFIX} is the prefix of the function's S3 trigger. The handler rejects a configuration whose
 * output its own trigger would pick up again, and an output object appears only once it is complete.
 */
public class TickFilterHandler implements RequestHandler<S3Event, List<String>> {

    private final Map<String, String> environment;
    private final S3Client s3;
    private final TickFilter filter = new TickFilter();

    /** Used by the Lambda runtime: builds the S3 client once per execution environment. */
    public TickFilterHandler() {
        this(System.getenv(), S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    /** Used by tests: the environment and the S3 client injected. */
    public TickFilterHandler(Map<String, String> environment, S3Client s3) {
        this.environment = environment;
        this.s3 = s3;
    }

    @Override
    public List<String> handleRequest(S3Event event, Context context) {
        Settings settings = readSettings();
        List<S3Object> inputs = new ArrayList<>();
        for (S3EventNotificationRecord record : event.getRecords()) {
            if (record.getEventName() == null || !record.getEventName().startsWith("ObjectCreated:")) {
                context.getLogger().log("Se ignora el evento '" + record.getEventName() + "': solo se procesan "
                        + "ObjectCreated.\n");
                continue;
            }
            S3Object input = new S3Object(record.getS3().getBucket().getName(),
                    decodeKey(record.getS3().getObject().getKey()));
            rejectLoop(settings, input);
            inputs.add(input);
        }
        List<String> written = new ArrayList<>();
        for (S3Object input : inputs) {
            String outputKey = settings.outputPrefix() + fileName(input.key());
            FilterStats stats = filterObject(input, new S3Object(settings.outputBucket(), outputKey));
            context.getLogger().log(input + " → s3://" + settings.outputBucket() + "/" + outputKey + ": "
                    + stats.rowsRead() + " filas leídas, " + stats.rowsKept() + " conservadas, "
                    + stats.rowsMalformed() + " mal formadas\n");
            written.add(outputKey);
        }
        return written;
    }

    /** The function's configuration; both prefixes may be empty. */
    record Settings(String outputBucket, String outputPrefix, String inputPrefix) {
    }

    /** A bucket and an object key, printed as an {@code s3://} address. */
    record S3Object(String bucket, String key) {

        @Override
        public String toString() {
            return "s3://" + bucket + "/" + key;
        }
    }

    Settings readSettings() {
        String bucket = environment.get("OUTPUT_BUCKET");
        if (bucket == null || bucket.isBlank()) {
            throw new TickFilterException("Falta la variable de entorno 'OUTPUT_BUCKET' (el bucket donde se escriben "
                    + "los ficheros filtrados). Defínela en Environment, en template.yaml.");
        }
        return new Settings(bucket.strip(), environment.getOrDefault("OUTPUT_PREFIX", "").strip(),
                environment.getOrDefault("INPUT_PREFIX", "").strip());
    }

    /** Decodes an event's object key, which S3 sends form-URL-encoded: {@code +} is a space, {@code %2B} a plus. */
    static String decodeKey(String encoded) {
        return encoded;
    }

    /** Rejects writing to the input's bucket under a prefix the trigger watches, which would invoke it in a loop. */
    static void rejectLoop(Settings settings, S3Object input) {
        String out = settings.outputPrefix();
        String in = settings.inputPrefix();
        if (settings.outputBucket().equals(input.bucket()) && (out.startsWith(in) || in.startsWith(out))) {
            throw new TickFilterException("La salida s3://" + settings.outputBucket() + "/" + out + " está en el "
                    + "bucket que dispara la función y su prefijo se solapa con el del disparador ('" + in + "'): cada "
                    + "fichero escrito volvería a invocarla, en bucle. Usa otro OUTPUT_BUCKET o un OUTPUT_PREFIX "
                    + "fuera de '" + in + "'.");
        }
    }

    static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private FilterStats filterObject(S3Object input, S3Object output) {
        S3MultipartOutput upload = new S3MultipartOutput(s3, output.bucket(), output.key(), "text/csv; charset=utf-8");
        try (InputStream in = s3.getObject(request -> request.bucket(input.bucket()).key(input.key()))) {
            FilterStats stats = filter.filter(in, upload);
            upload.complete();
            return stats;
        } catch (NoSuchKeyException missing) {
            throw new TickFilterException("No existe " + input + ". Comprueba que el evento nombra un objeto del bucket "
                    + "y que la clave está bien decodificada (+ es un espacio).", missing);
        } catch (IOException | SdkException | TickFilterException failed) {
            upload.abort(failed);
            throw new TickFilterException("No se pudo filtrar " + input + " en " + output + ": " + failed.getMessage()
                    + ". No se ha escrito nada.", failed);
        }
    }
}
