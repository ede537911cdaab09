package dev.lambdaworkbook.runner.cli;

import dev.lambdaworkbook.kit.services.s3.LocalS3Server;
import dev.lambdaworkbook.runner.ExitCode;
import dev.lambdaworkbook.runner.invoke.FunctionRuntime;
import dev.lambdaworkbook.runner.invoke.Invocation;
import dev.lambdaworkbook.runner.invoke.LocalFunction;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "invocar", sortOptions = false,
        description = "Invoca la función como el botón Probar de la consola de Lambda: muestra el resultado, la "
                + "respuesta, el resumen (duración, memoria) y la salida del registro.")
final class InvokeCommand implements Callable<Integer> {

    @Mixin
    FunctionOptions function;

    @Mixin
    EventInput event;

    @Option(names = "--frio", description = "Fuerza un arranque en frío en cada invocación (una JVM nueva).")
    boolean cold;

    @Option(names = "--veces", paramLabel = "N", defaultValue = "1",
            description = "Invoca N veces seguidas con el mismo evento (por defecto ${DEFAULT-VALUE}); desde la "
                    + "segunda, en caliente: el mismo handler y sus campos static.")
    int times;

    @Option(names = "--s3", description = "Arranca un servidor S3 local (en memoria) con los buckets de "
            + "template.yaml, conecta la función a él y al terminar lista lo que escribió.")
    boolean localS3;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Cli.checkRange("--veces", times, 1, 1000);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalFunction local = Cli.resolve(function, err);
        byte[] payload = event.read(local.config(), System.in);
        if (!localS3) {
            return invoke(local, payload, out, err);
        }
        try (LocalS3Server server = LocalS3Server.start()) {
            local.config().buckets().values().forEach(server::createBucket);
            int code = invoke(local.withEnvironment(server.sdkEnvironment()), payload, out, err);
            out.println();
            out.println("Objetos en el S3 local (" + server.endpoint() + "):");
            for (String bucket : local.config().buckets().values()) {
                for (String key : server.keys(bucket)) {
                    out.println("  s3://" + bucket + "/" + key);
                }
            }
            out.flush();
            return code;
        }
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
