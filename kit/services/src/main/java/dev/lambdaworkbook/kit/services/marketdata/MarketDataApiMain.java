package dev.lambdaworkbook.kit.services.marketdata;

import dev.lambdaworkbook.kit.services.cli.Arguments;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the {@link MarketDataApiFake} from a shell until Ctrl+C, for the local runner and for trying requests by hand.
 *
 * <pre>java -cp ... dev.lambdaworkbook.kit.services.marketdata.MarketDataApiMain --puerto 8089 --clave mi-clave</pre>
 */
public final class MarketDataApiMain {

    private static final String HELP = """
            Uso: MarketDataApiMain [--puerto N] [--clave CLAVE] [--fallo TIPO] [--retardo-ms N]

            Arranca en 127.0.0.1 una imitación local de la API de datos de mercado del curso, con datos
            deterministas, y la mantiene hasta que pulses Ctrl+C.

              --puerto N       puerto TCP en 127.0.0.1; 0 (por defecto) elige uno libre
              --clave CLAVE    la única clave que acepta el parámetro 'key'; sin ella se genera una al azar
              --fallo TIPO     responde siempre con un fallo: none, too_many_requests, rate_limit_notice,
                               empty_series, server_error o unavailable
              --retardo-ms N   espera N milisegundos antes de cada respuesta (máximo 60000)
              --ayuda          muestra esta ayuda

            Ejemplo de petición:
              curl 'http://127.0.0.1:PUERTO/data/time_series?market=IBEX&ticker=SAN&key=CLAVE'
            """;

    private MarketDataApiMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Arguments arguments;
        MarketDataApiFake.Fault fault;
        long delayMillis;
        try {
            arguments = Arguments.parse(args, Set.of("puerto", "clave", "fallo", "retardo-ms"), Set.of("ayuda"));
            fault = fault(arguments.value("fallo", "none"));
            delayMillis = arguments.number("retardo-ms", 0, 0, MarketDataApiFake.MAX_DELAY.toMillis());
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
        String key = arguments.value("clave", MarketDataApiFake.randomKey());
        MarketDataApiFake fake = MarketDataApiFake.start(port, key);
        fake.fault(fault);
        fake.delay(Duration.ofMillis(delayMillis));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fake.close();
            stopped.countDown();
        }, "market-data-api-stop"));

        System.out.println("API de datos de mercado (imitación local) en " + fake.baseUrl() + " (Ctrl+C para pararla)");
        System.out.println("Mercados y valores:");
        MarketDataApiFake.catalogue().forEach(System.out::println);
        if (!arguments.all("clave").isEmpty()) {
            System.out.println("Clave: la que indicaste con --clave");
        } else {
            System.out.println("Clave generada: " + key);
        }
        stopped.await();
    }

    private static MarketDataApiFake.Fault fault(String name) {
        try {
            return MarketDataApiFake.Fault.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new Arguments.UsageException("Tipo de fallo desconocido: '" + name + "'. Usa none, "
                    + "too_many_requests, rate_limit_notice, empty_series, server_error o unavailable.");
        }
    }
}
