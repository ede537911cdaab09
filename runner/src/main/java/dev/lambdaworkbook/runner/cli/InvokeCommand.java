package dev.lambdaworkbook.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaworkbook.kit.config.TemplateException;
import dev.lambdaworkbook.kit.services.s3.LocalS3Server;
import dev.lambdaworkbook.runner.ExitCode;
import dev.lambdaworkbook.runner.RunnerException;
import dev.lambdaworkbook.runner.SpanishNumbers;
import dev.lambdaworkbook.runner.events.Json;
import dev.lambdaworkbook.runner.invoke.FunctionRuntime;
import dev.lambdaworkbook.runner.invoke.Invocation;
import dev.lambdaworkbook.runner.invoke.LocalFunction;
import dev.lambdaworkbook.runner.services.LocalMarketDataApi;
import dev.lambdaworkbook.runner.services.SyntheticTickFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

@Command(name = "invocar", sortOptions = false,
        description = "Invoca la función como el botón Probar de la consola de Lambda: muestra el resultado, la "
                + "respuesta, el resumen (duración, memoria) y la salida del registro. Mientras no escribas el "
                + "código de una tarea, verás la UnsupportedOperationException del código de partida.")
final class InvokeCommand implements Callable<Integer> {

    @Mixin
    FunctionOptions function;

    @Mixin
    EventInput event;

    @Option(names = "--frio", description = "Con --veces: cada invocación arranca en frío, en una JVM nueva, en "
            + "vez de reutilizar el handler de la anterior.")
    boolean cold;

    @Option(names = "--veces", paramLabel = "N", defaultValue = "1",
            description = "Invoca N veces seguidas con el mismo evento (por defecto ${DEFAULT-VALUE}); desde la "
                    + "segunda, en caliente: el mismo handler y sus campos static.")
    int times;

    @Option(names = "--s3", description = "Arranca un servidor S3 local (en memoria) con los buckets de "
            + "template.yaml y conecta la función a él. Al terminar lista sus objetos, con las primeras líneas de "
            + "los que escribió la función.")
    boolean localS3;

    @Option(names = "--api-falsa", description = "Arranca en 127.0.0.1 una imitación de la API de datos de mercado "
            + "del curso, con datos deterministas, y la para al terminar. Da a los parámetros ApiUrl y ApiKey de "
            + "template.yaml su URL y una clave que acepta, salvo los que ya tengas definidos en tu entorno. La "
            + "clave no se muestra.")
    boolean fakeApi;

    @Mixin
    TickOptions ticks;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Cli.checkRange("--veces", times, 1, 1000);
        ticks.check();
        if (ticks.requested() && !localS3) {
            throw new RunnerException(ExitCode.USAGE, "--generar-ticks sube el fichero al servidor S3 local, y "
                    + "ese servidor solo arranca con --s3. Añade --s3.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (LocalMarketDataApi api = fakeApi ? startFakeApi() : null) {
            LocalFunction local = api == null ? resolveWithHint(err) : connect(api, out, err);
            byte[] payload = event.read(local.config(), System.in);
            if (!localS3) {
                int code = invoke(local, payload, out, err);
                printRequests(api, out);
                return code;
            }
            return invokeWithS3(local, payload, api, out, err);
        }
    }

    private static LocalMarketDataApi startFakeApi() {
        try {
            return LocalMarketDataApi.start(System::getenv);
        } catch (IllegalStateException failed) {
            throw new RunnerException(ExitCode.CONFIGURATION, "No se pudo arrancar la API de datos de mercado falsa "
                    + "en 127.0.0.1: " + failed.getMessage(), failed);
        }
    }

    /** Resolves the function; a missing ApiUrl or ApiKey gets a hint to try --api-falsa. */
    private LocalFunction resolveWithHint(PrintWriter err) {
        Set<String> unset = new HashSet<>();
        Function<String, String> parameters = name -> {
            String value = System.getenv(name);
            if (value == null || value.isEmpty()) {
                unset.add(name);
            }
            return value;
        };
        try {
            return Cli.resolve(function, err, parameters);
        } catch (RunnerException missing) {
            boolean marketData = unset.contains(LocalMarketDataApi.URL_PARAMETER)
                    || unset.contains(LocalMarketDataApi.KEY_PARAMETER);
            if (!(missing.getCause() instanceof TemplateException) || !marketData) {
                throw missing;
            }
            throw new RunnerException(missing.exitCode(), missing.getMessage() + " Para probar sin la API del "
                    + "curso, añade --api-falsa (y --s3 si la función escribe en S3): la función usará una "
                    + "imitación local de la API.", missing);
        }
    }

    /** Resolves the function with the fake's URL and key as its parameters and prints where the fake listens. */
    private LocalFunction connect(LocalMarketDataApi api, PrintWriter out, PrintWriter err) {
        LocalFunction local = Cli.resolve(function, err, api::parameter).withSecret(api.key());
        if (!LocalMarketDataApi.usedBy(local.config())) {
            throw new RunnerException(ExitCode.USAGE, "--api-falsa da valor a los parámetros "
                    + LocalMarketDataApi.URL_PARAMETER + " y " + LocalMarketDataApi.KEY_PARAMETER + ", pero "
                    + local.config().template() + " no usa ninguno de los dos. Quita --api-falsa: solo sirve para "
                    + "funciones que llaman a la API de datos de mercado, como la del ejercicio 05.");
        }
        String key = api.usesStudentKey() ? "tu clave de ApiKey, que esta API acepta"
                : "una clave generada para esta ejecución, que no se muestra";
        out.println("API de datos de mercado falsa en " + api.baseUrl() + ", con datos deterministas."
                + (api.studentUrl() == null ? " La función recibe su URL y " + key + "." : ""));
        out.println();
        out.flush();
        if (api.studentUrl() != null) {
            err.println("Aviso: tienes definida la variable ApiUrl ('" + api.studentUrl() + "'), así que la función "
                    + "llamará a esa URL y no a la API falsa. Para usar la API falsa, ejecuta antes: unset ApiUrl");
        }
        if (!localS3 && !local.config().buckets().isEmpty()) {
            err.println("Aviso: sin --s3, la función intentará escribir en el S3 de AWS con tus credenciales. "
                    + "Añade --s3 para usar un S3 local.");
        }
        err.flush();
        return local;
    }

    private int invokeWithS3(LocalFunction resolved, byte[] payload, LocalMarketDataApi api, PrintWriter out,
            PrintWriter err) throws InterruptedException {
        try (LocalS3Server server = LocalS3Server.start()) {
            resolved.config().buckets().values().forEach(server::createBucket);
            Set<String> buckets = new LinkedHashSet<>(resolved.config().buckets().values());
            Set<String> uploaded = ticks.requested() ? uploadTicks(server, payload, out) : Set.of();
            uploaded.forEach(object -> buckets.add(object.substring(0, object.indexOf('/'))));
            LocalFunction local = resolved.withEnvironment(server.sdkEnvironment());
            int code = invoke(local, payload, out, err);
            printRequests(api, out);
            printObjects(server, buckets, uploaded, local, out);
            return code;
        }
    }

    /** Lists every object with its size, and the first lines of those the runner did not upload itself. */
    private static void printObjects(LocalS3Server server, Set<String> buckets, Set<String> uploaded,
            LocalFunction local, PrintWriter out) {
        out.println();
        out.println("Objetos en el S3 local (" + server.endpoint() + "), que se borran al terminar:");
        boolean none = true;
        for (String bucket : buckets) {
            for (S3Object object : server.client().listObjectsV2Paginator(request -> request.bucket(bucket))
                    .contents()) {
                none = false;
                out.println("  s3://" + bucket + "/" + object.key() + " (" + SpanishNumbers.whole(object.size()) + " bytes)");
                if (!uploaded.contains(bucket + "/" + object.key())) {
                    ObjectPreview.print(server.client(), bucket, object.key(), object.size(),
                            local.secretValues(), out);
                }
            }
        }
        if (none) {
            out.println("  (ninguno)");
        }
        out.flush();
    }

    /**
     * Uploads one synthetic tick file to the bucket and decoded key of every record of the S3 event, so that the
     * object the event announces exists, and returns them as {@code bucket/key}.
     */
    private Set<String> uploadTicks(LocalS3Server server, byte[] payload, PrintWriter out) {
        List<S3Location> objects = s3Objects(payload);
        Set<String> uploaded = new LinkedHashSet<>();
        try (SyntheticTickFile file = ticks.write(out)) {
            for (S3Location object : objects) {
                String bucket = object.bucket();
                String key = URLDecoder.decode(object.encodedKey(), StandardCharsets.UTF_8);
                if (!server.bucketExists(bucket)) {
                    server.createBucket(bucket);
                }
                server.client().putObject(request -> request.bucket(bucket).key(key),
                        RequestBody.fromFile(file.path()));
                out.println("Subido a s3://" + bucket + "/" + key + ", el objeto que anuncia el evento.");
                uploaded.add(bucket + "/" + key);
            }
        }
        out.println();
        out.flush();
        return uploaded;
    }

    /** The object one record of an S3 event announces, with its key encoded as S3 sends it. */
    private record S3Location(String bucket, String encodedKey) {
    }

    private static List<S3Location> s3Objects(byte[] payload) {
        List<S3Location> objects = new ArrayList<>();
        try {
            for (JsonNode record : Json.MAPPER.readTree(payload).path("Records")) {
                String bucket = record.path("s3").path("bucket").path("name").asText("");
                String key = record.path("s3").path("object").path("key").asText("");
                if (!bucket.isEmpty() && !key.isEmpty()) {
                    objects.add(new S3Location(bucket, key));
                }
            }
        } catch (IOException notJson) {
            objects.clear();
        }
        if (objects.isEmpty()) {
            throw new RunnerException(ExitCode.USAGE, "--generar-ticks sube el fichero a la clave que anuncia el "
                    + "evento de S3, y este evento no tiene ningún registro con Records[].s3.bucket.name y "
                    + "Records[].s3.object.key. Usa --evento s3-put o un evento de 'lambda-local evento s3'.");
        }
        return objects;
    }

    /** Lists the requests the fake API received, with the key hidden. */
    private static void printRequests(LocalMarketDataApi api, PrintWriter out) {
        if (api == null) {
            return;
        }
        List<String> requests = api.requestLines();
        out.println();
        out.println("Peticiones que recibió la API falsa: " + requests.size());
        requests.forEach(line -> out.println("  " + line));
        out.flush();
    }

    private int invoke(LocalFunction local, byte[] payload, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        boolean allSucceeded = true;
        try (FunctionRuntime runtime = new FunctionRuntime(local, System.getenv(), null)) {
            ConsolePrinter printer = new ConsolePrinter(out, err, local);
            for (int run = 1; run <= times; run++) {
                if (times > 1) {
                    out.println((run > 1 ? "\n" : "") + "=== Invocación " + run + " de " + times + " ===");
                }
                Invocation invocation = runtime.invoke(payload, cold && run > 1);
                printer.print(invocation);
                allSucceeded &= invocation.success();
            }
        }
        return (allSucceeded ? ExitCode.OK : ExitCode.FUNCTION_ERROR).code();
    }
}
