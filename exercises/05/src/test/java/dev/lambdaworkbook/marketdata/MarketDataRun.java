package dev.lambdaworkbook.marketdata;

import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.context.ManualClock;
import dev.lambdaworkbook.kit.context.OutputCapture;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.services.LoopbackTls;
import dev.lambdaworkbook.kit.services.marketdata.MarketDataApiExtension;
import dev.lambdaworkbook.kit.services.s3.LocalS3Extension;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the student's handler against the local S3 server and the market-data API fake, and keeps everything a
 * reader of the logs could see: the result or exception, and all printed output.
 */
final class MarketDataRun {

    static final FunctionConfig CONFIG = FunctionConfig.ofThisExercise();
    static final String BUCKET = CONFIG.buckets().get("DatosBucket");
    /** The instant of the test clock, 19 March 2026 at 09:00:18 UTC, and the object key it gives. */
    static final String NOW = "2026-03-19T09:00:18Z";
    static final String KEY_AT_NOW = "Santander_09_00_18_19_03_2026.csv";

    /** The fake speaks plain HTTP on 127.0.0.1, so the client needs no CA certificates (see {@link LoopbackTls}). */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .sslContext(LoopbackTls.context())
            .build();

    private MarketDataRun() {
    }

    /** What a call left behind. */
    record Outcome(String result, RuntimeException error, String output) {

        /** Returns every text where a key could leak: printed output, the error and its causes with stack traces. */
        String everythingVisible() {
            StringBuilder text = new StringBuilder(output);
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                text.append('\n').append(cause);
                for (StackTraceElement frame : cause.getStackTrace()) {
                    text.append('\n').append(frame);
                }
            }
            return text.toString();
        }

        /** Fails unless the call ended with a {@link MarketDataException}, and returns it. */
        MarketDataException expectMarketDataException(String situation, String hint) {
            if (error instanceof MarketDataException expected) {
                return expected;
            }
            failIfUnfinished(situation + ": se esperaba una MarketDataException", hint);
            throw Expect.failure(situation + ": se esperaba una MarketDataException, pero "
                    + (error == null ? "la función terminó bien y devolvió " + Expect.show(result)
                            : "se lanzó " + Expect.thrown(error)) + ". " + hint);
        }

        /**
         * Fails when the call stopped at a task the starter leaves undone (an UnsupportedOperationException), naming
         * that task before the test's own hint.
         */
        void failIfUnfinished(String situation, String hint) {
            if (error instanceof UnsupportedOperationException unfinished) {
                throw Expect.failure(situation + ", pero se lanzó UnsupportedOperationException («"
                        + unfinished.getMessage() + "»). Termina antes esa tarea"
                        + (hint.isBlank() ? "." : "; después, para esta prueba: " + hint));
            }
        }

        /** Fails unless the call returned normally, and returns what it returned. */
        String expectSuccess(String situation) {
            if (error != null) {
                throw Expect.failure(situation + ": la función debía terminar bien y lanzó " + error
                        + " (revisa la tarea que nombra el mensaje)");
            }
            return result;
        }
    }

    /** Returns the three variables of the template, pointing at the running fake and the template's bucket. */
    static Map<String, String> environment(MarketDataApiExtension api) {
        Map<String, String> environment = new HashMap<>();
        environment.put("API_KEY", api.apiKey());
        environment.put("API_URL", api.baseUrl().toString());
        environment.put("OUTPUT_BUCKET", BUCKET);
        return environment;
    }

    static MarketDataHandler handler(Map<String, String> environment, LocalS3Extension s3, Clock clock) {
        return new MarketDataHandler(environment, HTTP, s3.client(), clock);
    }

    /** Calls the handler once with the template's timeout and captures its output. */
    static Outcome call(Map<String, String> environment, LocalS3Extension s3) {
        return call(handler(environment, s3, ManualClock.at(NOW)), Duration.ofSeconds(CONFIG.timeout()));
    }

    /** Calls a handler once with a given function timeout and captures its output. */
    static Outcome call(MarketDataHandler handler, Duration functionTimeout) {
        TestContext context = TestContext.builder()
                .functionName(CONFIG.functionName())
                .memoryLimitInMB(CONFIG.memorySize())
                .timeout(functionTimeout)
                .build();
        try (OutputCapture output = OutputCapture.start()) {
            try {
                String result = handler.handleRequest(Map.of(), context);
                return new Outcome(result, null, output.all());
            } catch (RuntimeException thrown) {
                return new Outcome(null, thrown, output.all());
            }
        }
    }

    /** Fails unless the output bucket is empty: a failed call must not leave a file. */
    static void expectNothingWritten(LocalS3Extension s3, String situation) {
        List<String> keys = s3.keys(BUCKET);
        Expect.equal(List.of(), keys, "Objetos en el bucket " + BUCKET + " tras " + situation,
                "Si algo falla, lanza la excepción antes de llamar a putObject: no debe quedar ningún CSV.");
    }

    /** Fails if the key appears anywhere a log reader could see it. */
    static void expectKeyHidden(Outcome outcome, String key, String situation) {
        Expect.that(!outcome.everythingVisible().contains(key), () -> "Tras " + situation + " la clave de la API "
                + "aparece en la salida, en el mensaje de la excepción o en su causa. Nunca la imprimas ni la pongas en "
                + "un mensaje: fíjate en que la URL de la petición la contiene, así que no escribas esa URL.");
    }
}
