package dev.lambdaworkbook.kit.services.s3;

import dev.lambdaworkbook.kit.services.cli.Arguments;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link LocalS3Server} from a shell until Ctrl+C, for the local runner and for trying things by hand.
 *
 * <pre>java -cp ... dev.lambdaworkbook.kit.services.s3.LocalS3Main --puerto 9000 --bucket entrada --bucket salida</pre>
 */
public final class LocalS3Main {

    private static final String HELP = """
            Uso: LocalS3Main [--puerto N] [--bucket NOMBRE]...

            Arranca un servidor S3 local (en memoria) en 127.0.0.1 y lo mantiene hasta que pulses Ctrl+C.
            Los objetos se pierden al pararlo.

              --puerto N        puerto TCP en 127.0.0.1; 0 (por defecto) elige uno libre
              --bucket NOMBRE   crea ese bucket al arrancar; repítelo para crear varios
              --ayuda           muestra esta ayuda
            """;

    private LocalS3Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args, Set.of("puerto", "bucket"), Set.of("ayuda"));
        } catch (Arguments.UsageException usage) {
            System.err.println("Error: " + usage.getMessage());
            System.err.print(HELP);
            System.exit(2);
            return;
        }
        if (arguments.flag("ayuda")) {
            System.out.print(HELP);
            return;
        }
        int port = (int) arguments.number("puerto", 0, 0, 65_535);
        LocalS3Server server = LocalS3Server.start(port);
        arguments.all("bucket").forEach(server::createBucket);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "local-s3-stop"));

        System.out.println("Servidor S3 local en " + server.endpoint() + " (Ctrl+C para pararlo)");
        System.out.println("Buckets: " + (arguments.all("bucket").isEmpty() ? "ninguno" : arguments.all("bucket")));
        System.out.println("Variables para el AWS SDK:");
        server.sdkEnvironment().forEach((name, value) -> System.out.println("  export " + name + "=" + value));
        stopped.await();
    }
}
