package dev.lambdaworkbook.runner.cli;

import dev.lambdaworkbook.kit.config.Trigger;
import dev.lambdaworkbook.kit.services.s3.LocalS3Server;
import dev.lambdaworkbook.runner.ExitCode;
import dev.lambdaworkbook.runner.RunnerException;
import dev.lambdaworkbook.runner.SpanishNumbers;
import dev.lambdaworkbook.runner.events.EventFactory;
import dev.lambdaworkbook.runner.events.Json;
import dev.lambdaworkbook.runner.invoke.FunctionRuntime;
import dev.lambdaworkbook.runner.invoke.Invocation;
import dev.lambdaworkbook.runner.invoke.LocalFunction;
import dev.lambdaworkbook.runner.services.SyntheticTickFile;
import dev.lambdaworkbook.runner.trigger.S3Watcher;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.sync.RequestBody;

@Command(name = "s3", sortOptions = false,
        description = "Arranca un servidor S3 local en 127.0.0.1 con los buckets de template.yaml e invoca la función "
                + "con un evento de S3 real cada vez que se sube un objeto que coincide con su disparador. La función "
                + "recibe las variables del AWS SDK que apuntan a ese servidor. Sin --terminar, sigue esperando "
                + "subidas hasta que pulses Ctrl+C.")
final class S3Command implements Callable<Integer> {

    private static final long POLL_MILLIS = 300;

    @Mixin
    FunctionOptions function;

    @Option(names = "--puerto", paramLabel = "PUERTO", defaultValue = "9000",
            description = "Puerto del servidor S3 en 127.0.0.1 (por defecto ${DEFAULT-VALUE}; 0 elige uno libre).")
    int port;

    @Option(names = "--subir", paramLabel = "FICHERO", description = "Sube este fichero al bucket del disparador "
            + "al arrancar, con el prefijo del filtro delante del nombre; repítelo para subir varios.")
    List<Path> uploads = new ArrayList<>();

    @Mixin
    TickOptions ticks;

    @Option(names = "--clave", paramLabel = "CLAVE", description = "Clave del único fichero que subes (con "
            + "--subir o --generar-ticks), en vez de prefijo + nombre del fichero.")
    String key;

    @Option(names = "--terminar", description = "Termina en cuanto la función procese los ficheros de --subir y "
            + "--generar-ticks, en vez de seguir esperando subidas.")
    boolean finish;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Cli.checkRange("--puerto", port, 0, 65_535);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        checkUploads();
        LocalFunction resolved = Cli.resolve(function, err);
        Trigger.S3 trigger = triggerOf(resolved);
        warnAboutLoops(resolved, trigger, err);
        try (LocalS3Server server = start()) {
            resolved.config().buckets().values().forEach(server::createBucket);
            LocalFunction local = resolved.withEnvironment(server.sdkEnvironment());
            Set<String> buckets = new LinkedHashSet<>(resolved.config().buckets().values());
            S3Watcher watcher = new S3Watcher(server, List.copyOf(buckets));
            watcher.poll();
            printBanner(out, server, trigger, buckets);
            try (FunctionRuntime runtime = new FunctionRuntime(local, System.getenv(), null)) {
                upload(server, trigger, out);
                uploadGeneratedTicks(server, trigger, out);
                return watch(server, watcher, runtime, trigger, new ConsolePrinter(out, err, local), out, err);
            }
        }
    }

    private int watch(LocalS3Server server, S3Watcher watcher, FunctionRuntime runtime, Trigger.S3 trigger,
            ConsolePrinter printer, PrintWriter out, PrintWriter err) throws InterruptedException {
        boolean allSucceeded = true;
        while (true) {
            List<S3Watcher.Created> created = watcher.poll();
            for (S3Watcher.Created object : created) {
                if (!trigger.matches(object.bucket(), object.key())) {
                    out.println("Nuevo objeto s3://" + object.bucket() + "/" + object.key() + " ("
                            + SpanishNumbers.whole(object.size()) + " bytes)" + (object.bucket().equals(trigger.bucket()) ? "; no casa con el filtro del "
                            + "disparador" + filter(trigger) + ", así que no invoca la función." : "."));
                    continue;
                }
                out.println();
                out.println("=== s3://" + object.bucket() + "/" + object.key() + " (" + object.eventName() + ") ===");
                out.flush();
                Invocation invocation = runtime.invoke(Json.bytes(EventFactory.s3(object.eventName(), object.bucket(),
                        object.key(), object.size(), object.eTag(), Instant.now())), false);
                printer.print(invocation);
                allSucceeded &= invocation.success();
                reportOwnWrites(server, watcher.poll(), trigger, runtime.function().secretValues(), out, err);
            }
            out.flush();
            if (finish) {
                return (allSucceeded ? ExitCode.OK : ExitCode.FUNCTION_ERROR).code();
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * Shows the objects the function wrote during its invocation. One that matches the function's own trigger would
     * invoke it again on AWS, over and over: it is reported and not invoked.
     */
    private static void reportOwnWrites(LocalS3Server server, List<S3Watcher.Created> written, Trigger.S3 trigger,
            Set<String> secrets, PrintWriter out, PrintWriter err) {
        for (S3Watcher.Created object : written) {
            out.println("La función escribió s3://" + object.bucket() + "/" + object.key() + " ("
                    + SpanishNumbers.whole(object.size()) + " bytes):");
            ObjectPreview.print(server.client(), object.bucket(), object.key(), object.size(), secrets, out);
            if (trigger.matches(object.bucket(), object.key())) {
                err.println("Aviso: s3://" + object.bucket() + "/" + object.key() + " casa con el disparador de la "
                        + "propia función" + filter(trigger) + ". En AWS la volvería a invocar en bucle (y cada "
                        + "invocación se cobra); aquí no se invoca. Escribe en otro bucket o fuera de ese prefijo.");
            }
        }
        err.flush();
    }

    private void checkUploads() {
        ticks.check();
        int files = uploads.size() + (ticks.requested() ? 1 : 0);
        if (key != null && files != 1) {
            throw new RunnerException(ExitCode.USAGE, "--clave '" + key + "' necesita exactamente un fichero que "
                    + "subir (un --subir o --generar-ticks), y hay " + files + ".");
        }
        if (finish && files == 0) {
            throw new RunnerException(ExitCode.USAGE, "--terminar necesita algo que subir al arrancar: añade "
                    + "--subir FICHERO o --generar-ticks FILAS.");
        }
        for (Path file : uploads) {
            if (!Files.isRegularFile(file)) {
                throw new RunnerException(ExitCode.CONFIGURATION, "No existe el fichero a subir '" + file + "'.");
            }
        }
    }

    private void upload(LocalS3Server server, Trigger.S3 trigger, PrintWriter out) {
        for (Path file : uploads) {
            String objectKey = key != null ? key : trigger.prefix() + file.getFileName();
            server.client().putObject(request -> request.bucket(trigger.bucket()).key(objectKey),
                    RequestBody.fromFile(file));
            out.println("Subido " + file + " a s3://" + trigger.bucket() + "/" + objectKey);
        }
        out.flush();
    }

    private void uploadGeneratedTicks(LocalS3Server server, Trigger.S3 trigger, PrintWriter out) {
        if (!ticks.requested()) {
            return;
        }
        try (SyntheticTickFile file = ticks.write(out)) {
            String objectKey = key != null ? key : trigger.prefix() + file.name();
            server.client().putObject(request -> request.bucket(trigger.bucket()).key(objectKey),
                    RequestBody.fromFile(file.path()));
            out.println("Subido a s3://" + trigger.bucket() + "/" + objectKey);
        }
        out.flush();
    }

    private LocalS3Server start() {
        try {
            return LocalS3Server.start(port);
        } catch (IllegalStateException failed) {
            throw new RunnerException(ExitCode.CONFIGURATION, "No se puede arrancar el servidor S3 local en el puerto "
                    + port + ". Si está ocupado, usa otro con --puerto, por ejemplo --puerto 0.", failed);
        }
    }

    private static Trigger.S3 triggerOf(LocalFunction local) {
        List<Trigger.S3> triggers = local.config().triggers(Trigger.S3.class);
        if (triggers.isEmpty()) {
            throw new RunnerException(ExitCode.CONFIGURATION, "La función '" + local.config().functionName() + "' no "
                    + "tiene ningún evento de tipo S3 en " + local.config().template() + ". Añade en Events un "
                    + "evento {Type: S3, Properties: {Bucket: !Ref TuBucket, Events: s3:ObjectCreated:*}}.");
        }
        return triggers.get(0);
    }

    /** Warns before anything runs when a variable of the function names its own trigger bucket. */
    private static void warnAboutLoops(LocalFunction local, Trigger.S3 trigger, PrintWriter err) {
        Set<String> variables = new LinkedHashSet<>();
        local.environment().forEach((name, value) -> {
            if (trigger.bucket().equals(value)) {
                variables.add(name);
            }
        });
        Optional.of(variables).filter(names -> !names.isEmpty()).ifPresent(names -> {
            err.println("Aviso: la variable " + String.join(", ", names) + " apunta al bucket '" + trigger.bucket()
                    + "', el mismo que dispara la función" + filter(trigger) + ". Si la función escribe ahí claves "
                    + "que casan con el filtro, en AWS se invocaría a sí misma en bucle.");
            err.flush();
        });
    }

    private void printBanner(PrintWriter out, LocalS3Server server, Trigger.S3 trigger, Set<String> buckets) {
        out.println("Servidor S3 local en " + server.endpoint() + " con los buckets " + String.join(", ", buckets)
                + ".");
        out.println("Disparador '" + trigger.name() + "': s3://" + trigger.bucket() + "/" + trigger.prefix() + "*"
                + trigger.suffix() + " (" + String.join(", ", trigger.events()) + ").");
        if (!finish) {
            out.println("Sube ficheros desde otra terminal, por ejemplo con la AWS CLI:");
            server.sdkEnvironment().forEach((name, value) -> out.println("  export " + name + "=" + value));
            out.println("  aws s3 cp FICHERO s3://" + trigger.bucket() + "/" + trigger.prefix() + "FICHERO");
            out.println("Pulsa Ctrl+C para parar; los objetos se pierden al parar.");
        }
        out.flush();
    }

    private static String filter(Trigger.S3 trigger) {
        if (trigger.prefix().isEmpty() && trigger.suffix().isEmpty()) {
            return "";
        }
        return " (prefijo '" + trigger.prefix() + "', sufijo '" + trigger.suffix() + "')";
    }
}
