package dev.lambdaworkbook.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.config.Trigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Invokes the deployed function once, synchronously, as the console's Test button does, and prints the result and
 * the end of its log that Lambda returns with it (at most 4 KB).
 */
final class Invocation {

    private final LambdaClient lambda;
    private final Changes changes;

    Invocation(LambdaClient lambda, Changes changes) {
        this.lambda = lambda;
        this.changes = changes;
    }

    /** Returns the sample event of the function's first trigger, or the console's hello-world event. */
    static Path defaultEvent(Path repository, FunctionConfig config) {
        String name = "hello-world.json";
        if (!config.triggers().isEmpty()) {
            Trigger first = config.triggers().get(0);
            if (first instanceof Trigger.Api) {
                name = "apigateway-rest-get.json";
            } else if (first instanceof Trigger.S3) {
                name = "s3-put.json";
            } else {
                name = "eventbridge-scheduled.json";
            }
        }
        return repository.resolve("events").resolve(name);
    }

    /** Returns the query string of the sample API event, such as {@code a=2&b=3}, or empty when it has none. */
    static String sampleQuery(Path repository) {
        Path sample = repository.resolve("events").resolve("apigateway-rest-get.json");
        if (!Files.isRegularFile(sample)) {
            return "";
        }
        JsonNode parameters = Json.parse(event(sample, Optional.empty()), "El evento '" + sample + "'")
                .path("queryStringParameters");
        StringBuilder query = new StringBuilder();
        parameters.properties().forEach(parameter -> query.append(query.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(parameter.getValue().asText(), StandardCharsets.UTF_8)));
        return query.toString();
    }

    /** Reads the event; an S3 event is pointed at the deployed bucket, whose name carries the student's prefix. */
    static String event(Path file, Optional<String> deployedBucket) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new DeployException(DeployException.USAGE, "No existe el fichero de evento '" + file
                    + "'. Indica un JSON que exista con --evento FICHERO.", missing);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("No se puede leer el evento '" + file + "'", unreadable);
        }
        JsonNode event = Json.parse(text, "El evento '" + file + "'");
        if (deployedBucket.isEmpty() || !event.path("Records").isArray()) {
            return text;
        }
        for (JsonNode record : event.path("Records")) {
            if (record.path("s3").path("bucket") instanceof ObjectNode bucket) {
                bucket.put("name", deployedBucket.get());
                bucket.put("arn", "arn:aws:s3:::" + deployedBucket.get());
            }
        }
        return Json.write(event);
    }

    /** Invokes the function; returns whether it ran without a function error. */
    boolean invoke(String function, Path eventFile, String event) {
        changes.step("Invocación de prueba de '" + function + "' con " + eventFile.getFileName() + ":");
        if (changes.plan()) {
            changes.note("(con --plan no se invoca)");
            return true;
        }
        InvokeResponse response = lambda.invoke(request -> request.functionName(function)
                .invocationType(InvocationType.REQUEST_RESPONSE).logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String(event)));
        boolean succeeded = response.functionError() == null;
        changes.note("Estado: " + (succeeded ? "correcta" : "error de la función (" + response.functionError() + ")")
                + ", HTTP " + response.statusCode());
        changes.note("Respuesta:");
        String payload = response.payload() == null ? "" : response.payload().asUtf8String();
        Json.pretty(payload).lines().forEach(line -> changes.note("  " + line));
        if (response.logResult() != null) {
            changes.note("Log (últimos 4 KB):");
            new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8).lines()
                    .forEach(line -> changes.note("  " + line));
        }
        return succeeded;
    }
}
