package dev.lambdaworkbook.ticks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Se ejecuta cuando llega un fichero de ticks de BME al bucket de entrada: lo filtra con {@link TickFilter} y escribe
 * el resultado en {@code OUTPUT_BUCKET}, bajo {@code OUTPUT_PREFIX}, con el nombre del fichero de entrada. Devuelve las
 * claves escritas.
 *
 * <p>Lee el README.md del ejercicio: explica cada tarea y el contrato que comprueban las pruebas.
 */
public class TickFilterHandler implements RequestHandler<S3Event, List<String>> {

    private final Map<String, String> environment;
    private final S3Client s3;
    private final TickFilter filter = new TickFilter();

    /** Lo usa Lambda: crea el cliente de S3 una sola vez por entorno de ejecución. */
    public TickFilterHandler() {
        this(System.getenv(), S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build());
    }

    /** Lo usan las pruebas: el entorno y el cliente de S3 llegan desde fuera. */
    public TickFilterHandler(Map<String, String> environment, S3Client s3) {
        this.environment = environment;
        this.s3 = s3;
    }

    @Override
    public List<String> handleRequest(S3Event event, Context context) {
        Settings settings = readSettings();
        List<String> written = new ArrayList<>();
        for (S3EventNotificationRecord record : event.getRecords()) {
            // TODO Tarea 4: procesa solo los eventos cuyo nombre empieza por "ObjectCreated:".
            String bucket = record.getS3().getBucket().getName();
            String key = decodeKey(record.getS3().getObject().getKey());
            String outputKey = settings.outputPrefix() + fileName(key);
            rejectLoop(settings, bucket);
            FilterStats stats = filterObject(bucket, key, settings.outputBucket(), outputKey);
            context.getLogger().log("s3://" + bucket + "/" + key + " → s3://" + settings.outputBucket() + "/"
                    + outputKey + ": " + stats.rowsRead() + " filas leídas, " + stats.rowsKept() + " conservadas, "
                    + stats.rowsMalformed() + " mal formadas\n");
            written.add(outputKey);
        }
        return written;
    }

    /** La configuración de la función; los dos prefijos pueden estar vacíos. */
    record Settings(String outputBucket, String outputPrefix, String inputPrefix) {
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

    /** Tarea 4: S3 envía la clave codificada como en un formulario: + es un espacio, %2B un +, %C3%B1 una ñ. */
    static String decodeKey(String encoded) {
        // TODO Tarea 4: decodifícala con URLDecoder y UTF-8.
        throw new UnsupportedOperationException("Tarea 4 sin hacer: todavía no decodificas la clave del evento.");
    }

    static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** Tarea 5: rechaza una salida que el propio disparador de la función volvería a recoger. */
    static void rejectLoop(Settings settings, String inputBucket) {
        // TODO Tarea 5: si el bucket de salida es el del evento y OUTPUT_PREFIX e INPUT_PREFIX se solapan (uno empieza
        //  por el otro), lanza TickFilterException antes de leer o escribir nada.
        throw new UnsupportedOperationException("Tarea 5: evita los bucles");
    }

    /** Tareas 4 y 6: lee el objeto de S3, lo filtra y escribe la salida; la salida aparece solo si está completa. */
    private FilterStats filterObject(String bucket, String key, String outputBucket, String outputKey) {
        // TODO Tarea 4: lee el objeto con s3.getObject (es un InputStream) y pásalo por filter.filter.
        // TODO Tarea 6: escribe la salida en un fichero temporal y súbela con putObject solo al terminar, o usa una
        //  subida multiparte y abórtala si algo falla. Si el objeto no existe (NoSuchKeyException) o la lectura
        //  falla, lanza TickFilterException que nombre la clave.
        throw new UnsupportedOperationException("Tarea 4: filtra el objeto del evento");
    }
}
