package dev.lambdaworkbook.runner.cli;

import dev.lambdaworkbook.kit.config.Trigger;
import dev.lambdaworkbook.runner.ExitCode;
import dev.lambdaworkbook.runner.RunnerException;
import dev.lambdaworkbook.runner.api.LocalApi;
import dev.lambdaworkbook.runner.invoke.FunctionRuntime;
import dev.lambdaworkbook.runner.invoke.LocalFunction;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "api", sortOptions = false,
        description = "Sirve la función en http://127.0.0.1:PUERTO como una API REST de API Gateway con integración "
                + "proxy, según los eventos Api de template.yaml. Comprueba la respuesta como API Gateway: si no es "
                + "válida, el cliente recibe 502 y aquí se explica por qué. Pulsa Ctrl+C para pararla.")
final class ApiCommand implements Callable<Integer> {

    @Mixin
    FunctionOptions function;

    @Option(names = "--puerto", paramLabel = "PUERTO", defaultValue = "3000",
            description = "Puerto en 127.0.0.1 (por defecto ${DEFAULT-VALUE}; 0 elige uno libre).")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Cli.checkRange("--puerto", port, 0, 65_535);
        PrintWriter out = spec.commandLine().getOut();
        LocalFunction local = Cli.resolve(function, spec.commandLine().getErr());
        List<Trigger.Api> routes = local.config().triggers(Trigger.Api.class);
        if (routes.isEmpty()) {
            throw new RunnerException(ExitCode.CONFIGURATION, "La función '" + local.config().functionName() + "' no "
                    + "tiene ningún evento de tipo Api en " + local.config().template() + ", así que API Gateway no "
                    + "la llamaría. Añade en Events, por ejemplo: Suma: {Type: Api, Properties: {Path: /suma, "
                    + "Method: get}}.");
        }

        FunctionRuntime runtime = new FunctionRuntime(local, System.getenv(),
                text -> {
                    out.print(ConsolePrinter.mask(text, local.secretValues()));
                    out.flush();
                });
        LocalApi api = start(runtime, routes, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            runtime.close();
            stopped.countDown();
        }, "lambda-local-api-parada"));

        out.println("API local de la función '" + local.config().functionName() + "' en http://127.0.0.1:"
                + api.port());
        for (Trigger.Api route : routes) {
            out.println("  " + route.method().toUpperCase(Locale.ROOT) + " http://127.0.0.1:" + api.port()
                    + route.path());
        }
        out.println("Pulsa Ctrl+C para parar.");
        out.flush();
        stopped.await();
        return ExitCode.OK.code();
    }

    private LocalApi start(FunctionRuntime runtime, List<Trigger.Api> routes, PrintWriter out) {
        try {
            LocalApi api = new LocalApi(runtime, routes, port, out);
            api.start();
            return api;
        } catch (BindException taken) {
            runtime.close();
            throw new RunnerException(ExitCode.CONFIGURATION, "El puerto " + port + " de 127.0.0.1 está ocupado. "
                    + "Usa otro con --puerto, por ejemplo --puerto " + (port + 1) + ".");
        } catch (IOException failed) {
            runtime.close();
            throw new RunnerException(ExitCode.INTERNAL, "No se puede abrir el puerto " + port + ": "
                    + failed.getMessage(), failed);
        }
    }
}
