package dev.lambdaworkbook.ticks;

import static dev.lambdaworkbook.ticks.TickFiles.file;
import static dev.lambdaworkbook.ticks.TickFiles.padded;
import static dev.lambdaworkbook.ticks.TickFiles.row;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.config.Trigger;
import dev.lambdaworkbook.kit.context.OutputCapture;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.grading.Graded;
import dev.lambdaworkbook.kit.services.s3.LocalS3Extension;
import dev.lambdaworkbook.kit.services.ticks.TickFileGenerator;
import dev.lambdaworkbook.kit.services.ticks.TickFileOptions;
import dev.lambdaworkbook.kit.services.ticks.TickFileOptions.Quirk;
import dev.lambdaworkbook.ticks.TickFiles.Filtered;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.S3Client;

@DisplayName("Ejercicio 06: filtro de ficheros de ticks de BME")
@TestClassOrder(ClassOrderer.DisplayName.class)
class TickFilterHandlerTest {

    static final FunctionConfig CONFIG = FunctionConfig.ofThisExercise();
    static final Trigger.S3 TRIGGER = CONFIG.triggers(Trigger.S3.class).get(0);
    static final String INPUT_BUCKET = TRIGGER.bucket();
    static final String OUTPUT_BUCKET = CONFIG.buckets().get("SalidaBucket");

    @RegisterExtension
    static final LocalS3Extension s3 = LocalS3Extension.withBuckets(INPUT_BUCKET, OUTPUT_BUCKET);

    /** Returns the template's environment: OUTPUT_BUCKET, OUTPUT_PREFIX and INPUT_PREFIX. */
    static Map<String, String> environment() {
        return new HashMap<>(CONFIG.resolveEnvironment(parameter -> null));
    }

    /** The output of a handler call: what it returned or threw, and what it printed. */
    record Call(List<String> keys, RuntimeException error, String output) {

        List<String> expectSuccess(String situation) {
            if (error != null) {
                throw Expect.failure(situation + ": la función debía terminar bien y lanzó " + error);
            }
            return keys;
        }

        TickFilterException expectTickFilterException(String situation, String hint) {
            if (error instanceof TickFilterException expected) {
                return expected;
            }
            throw Expect.failure(situation + ": se esperaba una TickFilterException, pero " + (error == null
                    ? "la función terminó bien y devolvió " + keys : "se lanzó " + Expect.thrown(error)) + ". " + hint);
        }
    }

    static Call call(Map<String, String> environment, S3Client client, S3Event event) {
        TestContext context = TestContext.builder().functionName(CONFIG.functionName())
                .memoryLimitInMB(CONFIG.memorySize()).timeout(Duration.ofSeconds(CONFIG.timeout())).build();
        TickFilterHandler handler = new TickFilterHandler(environment, client);
        try (OutputCapture output = OutputCapture.start()) {
            try {
                return new Call(handler.handleRequest(event, context), null, output.all());
            } catch (RuntimeException thrown) {
                return new Call(null, thrown, output.all());
            }
        }
    }

    static String outputText(String key) {
        List<String> keys = s3.keys(OUTPUT_BUCKET);
        Expect.that(keys.contains(key), () -> "Se esperaba el objeto " + Expect.show(key) + " en el bucket "
                + OUTPUT_BUCKET + " y hay " + keys + ". La clave de salida es OUTPUT_PREFIX más el nombre del "
                + "fichero de entrada, ya decodificado.");
        return new String(s3.get(OUTPUT_BUCKET, key), StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("Tarea 1: filtra y da formato")
    class Format {

        @Test
        @Graded(task = 1, points = 3)
        @DisplayName("Conserva SAN, TEF e IDX, en su orden, como VALOR,VOLUMEN,PRECIO,TIME")
        void keepsTheThreeTickers() {
            byte[] input = file(
                    row(padded("SAN"), "1", "5.4100", "09:00:18.002"),
                    row(padded("BBVA"), "300", "6.8500", "09:00:18.010"),
                    row(padded("TEF"), "80", "8.0000", "09:00:19.500"),
                    row(padded("IDX"), "5", "12.3450", "17:35:00.000"),
                    row(padded("SAN"), "250", "5.4150", "17:35:00.001"));

            Filtered filtered = TickFiles.filter(input);

            Expect.equal(List.of("VALOR,VOLUMEN,PRECIO,TIME",
                    "SAN,1,5.41,2018-03-19 09:00:18.002",
                    "TEF,80,8.0,2018-03-19 09:00:19.500",
                    "IDX,5,12.345,2018-03-19 17:35:00.000",
                    "SAN,250,5.415,2018-03-19 17:35:00.001"), filtered.lines(), "Líneas de la salida",
                    "Escribe la cabecera y, por cada fila de SAN, TEF o IDX y en el orden de entrada, VALOR sin "
                            + "espacios, VOLUMEN, PRECIO y FECHA + ' ' + HORAEJEC, separados por comas.");
            Expect.equal(new FilterStats(5, 4, 0), filtered.stats(), "FilterStats devuelto",
                    "Cuenta las filas de datos leídas, las conservadas y las mal formadas.");
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({"5.4100, 5.41", "8.0000, 8.0", "12.3450, 12.345", "0.5000, 0.5", "162.4000, 162.4",
            "10.0050, 10.005", "7.0010, 7.001"})
        @Graded(task = 1, points = 2)
        @DisplayName("PRECIO se escribe en su forma decimal más corta con al menos un decimal")
        void shortestPrice(String precio, String expected) {
            Filtered filtered = TickFiles.filter(file(row(padded("SAN"), "1", precio, "09:00:18.002")));

            Expect.equal("SAN,1," + expected + ",2018-03-19 09:00:18.002", filtered.lines().get(1),
                    "Salida para PRECIO " + precio, "Quita los ceros finales de los decimales, pero deja uno: "
                            + "8.0000 se escribe 8.0. Trabaja con el texto o con BigDecimal.stripTrailingZeros().");
        }
    }

    @Nested
    @DisplayName("Tarea 2: ficheros reales, con sus rarezas")
    class Robustness {

        @Test
        @Graded(task = 2, points = 2)
        @DisplayName("VALOR debe ser exactamente SAN, TEF o IDX tras quitar los espacios")
        void exactTicker() {
            byte[] input = file(
                    row("SANT    ", "1", "5.4100", "09:00:18.002"),
                    row("XSAN    ", "2", "5.4100", "09:00:18.003"),
                    row("san     ", "3", "5.4100", "09:00:18.004"),
                    row("   TEF  ", "4", "8.0000", "09:00:18.005"),
                    row("IDX", "5", "12.3450", "09:00:18.006"),
                    row("TEFX    ", "6", "8.0000", "09:00:18.007"));

            Filtered filtered = TickFiles.filter(input);

            Expect.equal(List.of("VALOR,VOLUMEN,PRECIO,TIME", "TEF,4,8.0,2018-03-19 09:00:18.005",
                    "IDX,5,12.345,2018-03-19 09:00:18.006"), filtered.lines(), "Salida con valores parecidos",
                    "Compara VALOR.trim() con igualdad exacta: ni contains ni startsWith, y en mayúsculas.");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Quirk.class)
        @Graded(task = 2, points = 3)
        @DisplayName("Cada rareza de los ficheros reales da la salida correcta")
        void eachQuirk(Quirk quirk) {
            TickFileOptions options = TickFileOptions.rows(3000).withSeed(quirk.ordinal() + 7).withQuirks(quirk);
            byte[] input = TickFileGenerator.bytes(options);

            Filtered filtered = TickFiles.filter(input);

            String expected = ReferenceReading.expectedOutput(input);
            Expect.that(expected.equals(filtered.output()), () -> "Con la rareza " + quirk + " la salida no es la "
                    + "esperada. Primera diferencia: " + firstDifference(expected, filtered.output()) + ". "
                    + hint(quirk));
            long shortRows = options.shortRows();
            Expect.equal(shortRows, filtered.stats().rowsMalformed(), "Filas mal formadas contadas con " + quirk,
                    "Una fila con menos de 38 campos es mal formada; la cabecera repetida y las líneas en blanco "
                            + "no son filas de datos.");
        }

        @Test
        @Graded(task = 2, points = 2)
        @DisplayName("Una fila de SAN que no se puede leer se salta y se cuenta, sin detener el filtro")
        void malformedRows() {
            byte[] input = file(
                    row(padded("SAN"), "1", "5,4100", "09:00:18.002"),
                    row(padded("SAN"), "uno", "5.4100", "09:00:18.003"),
                    row(padded("TEF"), "4", "8.0000", "9:00"),
                    "2018-03-19;7;SAN     ;10;5.4100",
                    row(padded("SAN"), "10", "5.4200", "09:00:18.009"));

            Filtered filtered = TickFiles.filter(input);

            Expect.equal(List.of("VALOR,VOLUMEN,PRECIO,TIME", "SAN,10,5.42,2018-03-19 09:00:18.009"),
                    filtered.lines(), "Salida con filas mal formadas", "Salta la fila entera si PRECIO no lleva "
                            + "punto, VOLUMEN no es un número, HORAEJEC no es HH:mm:ss.SSS o faltan campos.");
            Expect.equal(new FilterStats(5, 1, 4), filtered.stats(), "FilterStats con 4 filas mal formadas",
                    "Cuenta cada fila que saltas por mal formada, sin lanzar excepciones.");
        }
    }

    @Nested
    @DisplayName("Tarea 3: memoria constante")
    class Streaming {

        @Test
        @Graded(task = 3, points = 3)
        @DisplayName("Filtra 100 MB en una JVM con solo 64 MB de memoria")
        void smallHeap() throws IOException, InterruptedException {
            // Larger than the heap: a filter that keeps the whole input in memory cannot finish.
            long size = 100_000_000L;
            // The probe's output goes to a file: a filter that prints a line per row must not fill a pipe and stall.
            Path log = Files.createTempFile("sonda-memoria", ".txt");
            Process probe = new ProcessBuilder(ProbeLauncher.command("-Xmx64m", size)).redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();

            boolean finished = probe.waitFor(120, TimeUnit.SECONDS);
            if (!finished) {
                probe.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            // The probe writes UTF-8 (see ProbeLauncher); bytes that are not UTF-8 become replacement characters.
            String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            Files.deleteIfExists(log);

            Expect.that(finished, () -> "Filtrar 100 MB llevó más de 120 s. Lee el fichero una sola vez, en bloques "
                    + "o con un BufferedReader, sin expresiones regulares por línea.");
            Expect.that(probe.exitValue() == 0 && ProbeLauncher.keptAsExpected(output), () -> "Con -Xmx64m y "
                    + "100 MB de entrada el filtro no terminó bien: " + ProbeLauncher.summary(output) + ". Si ves "
                    + "OutOfMemoryError, no leas todo el fichero (readAllBytes, readAllLines, Files.readString): "
                    + "lee y escribe línea a línea.");
        }
    }

    @Nested
    @DisplayName("Tarea 4: el evento de S3")
    class Event {

        @Test
        @Graded(task = 4, points = 3)
        @DisplayName("El evento de ejemplo filtra bme/RV_TICK 19-03-2018 mañana.csv a filtrados/ en la salida")
        void sampleEvent() {
            byte[] input = TickFileGenerator.bytes(TickFileOptions.rows(500));
            s3.put(INPUT_BUCKET, "bme/RV_TICK 19-03-2018 mañana.csv", input);
            S3Event event = SampleEvents.s3Put();

            Call call = call(environment(), s3.client(), event);

            List<String> keys = call.expectSuccess("Con el evento de ejemplo");
            String expectedKey = environment().get("OUTPUT_PREFIX") + "RV_TICK 19-03-2018 mañana.csv";
            Expect.equal(List.of(expectedKey), keys, "Claves devueltas para el evento de ejemplo",
                    "Decodifica la clave del evento (URLDecoder.decode: + es un espacio, %C3%B1 es ñ) y escribe en "
                            + "OUTPUT_PREFIX + nombre del fichero.");
            Expect.equal(ReferenceReading.expectedOutput(input), outputText(expectedKey), "Contenido de "
                    + expectedKey, "Filtra el objeto leído de S3 con tu TickFilter.");
        }

        @Test
        @Graded(task = 4, points = 2)
        @DisplayName("Una clave con %2B es un +, y CompleteMultipartUpload se procesa igual que Put")
        void plusAndMultipart() {
            byte[] input = TickFileGenerator.bytes(TickFileOptions.rows(200));
            s3.put(INPUT_BUCKET, "bme/SAN+TEF 2018.csv", input);
            S3Event event = S3Events.event(S3Events.MULTIPART, INPUT_BUCKET, "bme/SAN%2BTEF+2018.csv");

            Call call = call(environment(), s3.client(), event);

            String expectedKey = environment().get("OUTPUT_PREFIX") + "SAN+TEF 2018.csv";
            Expect.equal(List.of(expectedKey), call.expectSuccess("Con un evento CompleteMultipartUpload"),
                    "Claves devueltas para bme/SAN%2BTEF+2018.csv", "%2B es un + y + es un espacio: "
                            + "URLDecoder.decode(clave, StandardCharsets.UTF_8) hace las dos cosas.");
            Expect.equal(ReferenceReading.expectedOutput(input), outputText(expectedKey), "Contenido de "
                    + expectedKey, "Procesa todos los eventos ObjectCreated, no solo Put.");
        }

        @Test
        @Graded(task = 4, points = 2)
        @DisplayName("El log dice cuántas filas leyó, conservó y saltó por mal formadas")
        void logsCounts() {
            byte[] input = TickFileGenerator.bytes(TickFileOptions.rows(1000).withShortRows(3));
            s3.put(INPUT_BUCKET, "bme/cortas.csv", input);
            long kept = TickFiles.filter(input).stats().rowsKept();

            Call call = call(environment(), s3.client(), S3Events.event(S3Events.PUT, INPUT_BUCKET,
                    "bme/cortas.csv"));

            call.expectSuccess("Con 3 filas cortas");
            Expect.that(call.output().contains("1000 filas leídas, " + kept + " conservadas, 3 mal formadas"),
                    () -> "El log debe decir '1000 filas leídas, " + kept + " conservadas, 3 mal formadas' y "
                            + "dice: " + Expect.show(call.output().strip()) + ". Usa context.getLogger().log().");
        }
    }

    @Nested
    @DisplayName("Tarea 5: sin bucles")
    class NoLoops {

        @Test
        @Graded(task = 5, points = 3)
        @DisplayName("Rechaza escribir en el bucket de entrada bajo el prefijo del disparador")
        void rejectsLoop() {
            s3.put(INPUT_BUCKET, "bme/a.csv", TickFileGenerator.bytes(TickFileOptions.rows(50)));
            Map<String, String> environment = environment();
            environment.put("OUTPUT_BUCKET", INPUT_BUCKET);
            environment.put("OUTPUT_PREFIX", TRIGGER.prefix() + "filtrados/");

            Call call = call(environment, s3.client(), S3Events.event(S3Events.PUT, INPUT_BUCKET, "bme/a.csv"));

            TickFilterException error = call.expectTickFilterException("Con la salida en "
                    + INPUT_BUCKET + "/" + TRIGGER.prefix() + "filtrados/", "Antes de escribir, comprueba si el "
                    + "bucket de salida es el del evento y si OUTPUT_PREFIX e INPUT_PREFIX se solapan.");
            Expect.that(error.getMessage().contains(INPUT_BUCKET), () -> "El mensaje debe nombrar el bucket y dice: "
                    + Expect.show(error.getMessage()));
            Expect.equal(List.of("bme/a.csv"), s3.keys(INPUT_BUCKET), "Objetos del bucket de entrada",
                    "No escribas nada si la salida dispararía la función otra vez.");
        }

        @Test
        @Graded(task = 5, points = 1)
        @DisplayName("En el mismo bucket, un prefijo de salida fuera del disparador sí vale")
        void sameBucketOtherPrefix() {
            s3.put(INPUT_BUCKET, "bme/a.csv", TickFileGenerator.bytes(TickFileOptions.rows(50)));
            Map<String, String> environment = environment();
            environment.put("OUTPUT_BUCKET", INPUT_BUCKET);
            environment.put("OUTPUT_PREFIX", "filtrados/");

            Call call = call(environment, s3.client(), S3Events.event(S3Events.PUT, INPUT_BUCKET, "bme/a.csv"));

            Expect.equal(List.of("filtrados/a.csv"), call.expectSuccess("Con la salida en filtrados/ del mismo "
                    + "bucket"), "Claves devueltas", "Solo se rechaza si los prefijos se solapan.");
        }

        @Test
        @Graded(task = 5, points = 1)
        @DisplayName("En template.yaml, INPUT_PREFIX es el prefijo del disparador y la salida no lo dispara")
        void templateHasNoLoop() {
            Map<String, String> environment = environment();
            String output = environment.get("OUTPUT_PREFIX") + "RV_TICK.csv";

            Expect.equal(TRIGGER.prefix(), environment.get("INPUT_PREFIX"), "INPUT_PREFIX en template.yaml",
                    "Debe ser el mismo prefijo que el filtro del evento S3.");
            Expect.that(!TRIGGER.matches(environment.get("OUTPUT_BUCKET"), output), () -> "Un fichero escrito en "
                    + environment.get("OUTPUT_BUCKET") + "/" + output + " dispararía la función otra vez.");
        }
    }

    @Nested
    @DisplayName("Tarea 6: todo o nada")
    class AllOrNothing {

        @Test
        @Graded(task = 6, points = 3)
        @DisplayName("Si la lectura se corta a mitad, no queda fichero de salida")
        void brokenInput() {
            byte[] input = TickFileGenerator.bytes(TickFileOptions.rows(20_000));
            s3.put(INPUT_BUCKET, "bme/grande.csv", input);
            S3Client breaking = FailingS3.failingAfter(s3.client(), input.length / 2);

            Call call = call(environment(), breaking, S3Events.event(S3Events.PUT, INPUT_BUCKET, "bme/grande.csv"));

            call.expectTickFilterException("Con la conexión cortada a mitad del fichero", "Captura la IOException "
                    + "y lanza TickFilterException con un mensaje en español.");
            Expect.equal(List.of(), s3.keys(OUTPUT_BUCKET), "Objetos en " + OUTPUT_BUCKET + " tras el fallo",
                    "Escribe la salida de forma que solo aparezca completa: a un temporal y putObject al final, o "
                            + "con una subida multiparte que abortas si algo falla.");
        }

        @Test
        @Graded(task = 6, points = 1)
        @DisplayName("Si el objeto del evento no existe, el error lo nombra")
        void missingInput() {
            Call call = call(environment(), s3.client(), S3Events.event(S3Events.PUT, INPUT_BUCKET,
                    "bme/no+existe.csv"));

            TickFilterException error = call.expectTickFilterException("Con un evento de un objeto que no existe",
                    "Captura NoSuchKeyException.");
            Expect.that(error.getMessage().contains("bme/no existe.csv"), () -> "El mensaje debe nombrar la clave "
                    + "decodificada 'bme/no existe.csv' y dice: " + Expect.show(error.getMessage()));
        }
    }

    static String firstDifference(String expected, String actual) {
        String[] expectedLines = expected.split("\n", -1);
        String[] actualLines = actual.split("\n", -1);
        for (int i = 0; i < Math.max(expectedLines.length, actualLines.length); i++) {
            String wanted = i < expectedLines.length ? expectedLines[i] : "(fin)";
            String got = i < actualLines.length ? actualLines[i] : "(fin)";
            if (!wanted.equals(got)) {
                return "línea " + (i + 1) + ", se esperaba " + Expect.show(wanted) + " y llegó " + Expect.show(got);
            }
        }
        return "ninguna";
    }

    private static String hint(Quirk quirk) {
        return switch (quirk) {
            case BOM -> "El fichero empieza por los bytes EF BB BF antes de la cabecera: sáltalos.";
            case CRLF -> "Las líneas acaban en \\r\\n: quita el \\r final antes de partir la línea.";
            case BLANK_LINE_AFTER_HEADER -> "Hay una línea vacía tras la cabecera: ignórala.";
            case REPEATED_HEADER -> "La cabecera aparece otra vez a mitad: no es una fila de datos.";
            case SHORT_ROWS -> "Algunas filas tienen menos de 38 campos: sáltalas y cuéntalas.";
            case LATIN1 -> "Hay bytes ISO-8859-1 en NOMBRE: no decodifiques como UTF-8 estricto, o usa ISO_8859_1.";
        };
    }
}
