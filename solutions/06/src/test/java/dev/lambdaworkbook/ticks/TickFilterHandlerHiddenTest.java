package dev.lambdaworkbook.ticks;

import static dev.lambdaworkbook.ticks.TickFiles.padded;
import static dev.lambdaworkbook.ticks.TickFiles.row;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.grading.Graded;
import dev.lambdaworkbook.kit.services.s3.LocalS3Extension;
import dev.lambdaworkbook.kit.services.ticks.BmeLayout;
import dev.lambdaworkbook.kit.services.ticks.TickFileGenerator;
import dev.lambdaworkbook.kit.services.ticks.TickFileOptions;
import dev.lambdaworkbook.ticks.TickFilterHandlerTest.Call;
import dev.lambdaworkbook.ticks.TickFiles.Filtered;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

@DisplayName("Ejercicio 06: pruebas ocultas")
class TickFilterHandlerHiddenTest {

    private static final String INPUT_BUCKET = TickFilterHandlerTest.INPUT_BUCKET;
    private static final String OUTPUT_BUCKET = TickFilterHandlerTest.OUTPUT_BUCKET;

    @RegisterExtension
    static final LocalS3Extension s3 = LocalS3Extension.withBuckets(INPUT_BUCKET, OUTPUT_BUCKET);

    private static Call call(Map<String, String> environment, S3Client client, S3Event event) {
        return TickFilterHandlerTest.call(environment, client, event);
    }

    @Test
    @Graded(task = 2, points = 2)
    @DisplayName("Las columnas se buscan por su nombre en la cabecera")
    void columnsByName() {
        List<String> names = new ArrayList<>(BmeLayout.HEADER);
        names.set(3, "PRECIO");
        names.set(4, "VOLUMEN");
        String line = row(padded("TEF"), "8.0100", "75", "10:15:00.250");

        Filtered filtered = TickFiles.filter((String.join(";", names) + "\n" + line + "\n")
                .getBytes(StandardCharsets.UTF_8));

        Expect.equal(List.of("VALOR,VOLUMEN,PRECIO,TIME", "TEF,75,8.01,2018-03-19 10:15:00.250"), filtered.lines(),
                "Salida con PRECIO y VOLUMEN intercambiados en la cabecera", "Busca cada columna por su nombre.");
    }

    @Test
    @Graded(task = 2, points = 2)
    @DisplayName("Todas las rarezas juntas en 20.000 filas dan la salida de referencia")
    void allQuirksTogether() {
        TickFileOptions options = TickFileOptions.rows(20_000).withSeed(42).withAllQuirks();
        byte[] input = TickFileGenerator.bytes(options);

        Filtered filtered = TickFiles.filter(input);

        String expected = ReferenceReading.expectedOutput(input);
        Expect.that(expected.equals(filtered.output()), () -> "Con todas las rarezas, primera diferencia: "
                + TickFilterHandlerTest.firstDifference(expected, filtered.output()));
        Expect.equal(options.shortRows(), filtered.stats().rowsMalformed(), "Filas mal formadas",
                "Solo las filas cortas son mal formadas en este fichero.");
        Expect.equal(20_000L, filtered.stats().rowsRead(), "Filas leídas",
                "Ni la cabecera repetida ni la línea en blanco son filas de datos.");
    }

    @Test
    @Graded(task = 2, points = 1)
    @DisplayName("La última fila cuenta aunque no acabe en salto de línea")
    void lastLineWithoutNewline() {
        String text = TickFiles.HEADER + "\r\n" + row(padded("IDX"), "3", "12.3000", "17:29:59.999");

        Filtered filtered = TickFiles.filter(text.getBytes(StandardCharsets.UTF_8));

        Expect.equal(List.of("VALOR,VOLUMEN,PRECIO,TIME", "IDX,3,12.3,2018-03-19 17:29:59.999"), filtered.lines(),
                "Salida de un fichero sin salto de línea final", "Procesa lo que queda al llegar al final.");
    }

    @Test
    @Graded(task = 2, points = 1)
    @DisplayName("Un fichero vacío o solo con la cabecera da solo la cabecera de salida")
    void emptyInputs() {
        Filtered empty = TickFiles.filter(new byte[0]);
        Filtered headerOnly = TickFiles.filter(TickFiles.file());

        Expect.equal("VALOR,VOLUMEN,PRECIO,TIME\n", empty.output(), "Salida de un fichero vacío",
                "Escribe siempre la cabecera de salida.");
        Expect.equal("VALOR,VOLUMEN,PRECIO,TIME\n", headerOnly.output(), "Salida de un fichero con solo cabecera",
                "La cabecera no es una fila de datos.");
        Expect.equal(new FilterStats(0, 0, 0), headerOnly.stats(), "FilterStats con solo cabecera", "");
    }

    @Test
    @Graded(task = 2, points = 1)
    @DisplayName("Una fila de SAN con un campo de más es mal formada")
    void extraField() {
        Filtered filtered = TickFiles.filter(TickFiles.file(row(padded("SAN"), "1", "5.4100", "09:00:18.002")
                + ";extra"));

        Expect.equal(new FilterStats(1, 0, 1), filtered.stats(), "FilterStats con 39 campos",
                "Compara el número de campos con el de la cabecera.");
    }

    @Test
    @Graded(task = 2, points = 1)
    @DisplayName("Una línea basura de 2 MB sin separadores se salta y se cuenta, y el resto se filtra")
    void hugeGarbageLine() {
        String garbage = "x".repeat(2 * 1024 * 1024);
        String text = TickFiles.HEADER + "\n" + row(padded("SAN"), "1", "5.4100", "09:00:18.002") + "\n" + garbage
                + "\n" + "y".repeat(100_000) + "\n" + row(padded("TEF"), "2", "8.0000", "09:00:19.000") + "\n";

        Filtered filtered = TickFiles.filter(text.getBytes(StandardCharsets.ISO_8859_1));

        Expect.equal(List.of("VALOR,VOLUMEN,PRECIO,TIME", "SAN,1,5.41,2018-03-19 09:00:18.002",
                "TEF,2,8.0,2018-03-19 09:00:19.000"), filtered.lines(), "Salida con dos líneas basura enormes",
                "Una línea sin separadores es una fila mal formada, por larga que sea.");
        Expect.equal(new FilterStats(4, 2, 2), filtered.stats(), "FilterStats con dos líneas basura", "");
    }

    @Test
    @Graded(task = 4, points = 2)
    @DisplayName("Un evento con dos registros escribe dos salidas, en orden, e ignora ObjectRemoved")
    void severalRecords() {
        s3.put(INPUT_BUCKET, "bme/uno.csv", TickFileGenerator.bytes(TickFileOptions.rows(100)));
        s3.put(INPUT_BUCKET, "bme/dos.csv", TickFileGenerator.bytes(TickFileOptions.rows(100).withSeed(2)));
        S3Event event = S3Events.event(S3Events.PUT, INPUT_BUCKET, "bme/uno.csv", "bme/dos.csv");
        event.getRecords().add(S3Events.record("ObjectRemoved:Delete", INPUT_BUCKET, "bme/tres.csv"));

        Call call = call(TickFilterHandlerTest.environment(), s3.client(), event);

        Expect.equal(List.of("filtrados/uno.csv", "filtrados/dos.csv"), call.expectSuccess("Con dos registros"),
                "Claves devueltas", "Recorre todos los registros y salta los que no son ObjectCreated.");
        Expect.equal(List.of("filtrados/dos.csv", "filtrados/uno.csv"), s3.keys(OUTPUT_BUCKET),
                "Objetos en el bucket de salida", "Escribe una salida por registro.");
    }

    @Test
    @Graded(task = 5, points = 1)
    @DisplayName("Sin prefijo de disparador, cualquier salida en el mismo bucket se rechaza")
    void wholeBucketTrigger() {
        s3.put(INPUT_BUCKET, "bme/a.csv", TickFileGenerator.bytes(TickFileOptions.rows(10)));
        Map<String, String> environment = TickFilterHandlerTest.environment();
        environment.put("OUTPUT_BUCKET", INPUT_BUCKET);
        environment.put("INPUT_PREFIX", "");

        Call call = call(environment, s3.client(), S3Events.event(S3Events.PUT, INPUT_BUCKET, "bme/a.csv"));

        call.expectTickFilterException("Con INPUT_PREFIX vacío y la salida en el bucket de entrada",
                "Un prefijo vacío se solapa con todos.");
        Expect.equal(List.of("bme/a.csv"), s3.keys(INPUT_BUCKET), "Objetos del bucket de entrada", "");
    }

    @Test
    @Graded(task = 6, points = 2)
    @DisplayName("Un fallo a mitad de un fichero grande no deja objeto ni partes de una subida multiparte")
    void brokenLargeInput() {
        byte[] input = TickFileGenerator.bytes(TickFileOptions.rows(50_000));
        s3.put(INPUT_BUCKET, "bme/dia.csv", input);
        S3Client breaking = FailingS3.failingAfter(s3.client(), input.length - input.length / 20);

        Call call = call(TickFilterHandlerTest.environment(), breaking, S3Events.event(S3Events.PUT, INPUT_BUCKET,
                "bme/dia.csv"));

        call.expectTickFilterException("Con la conexión cortada al 95 % de un fichero de "
                + input.length / 1_000_000 + " MB", "Captura la IOException y lanza TickFilterException.");
        Expect.equal(List.of(), s3.keys(OUTPUT_BUCKET), "Objetos en " + OUTPUT_BUCKET + " tras el fallo",
                "La salida solo debe aparecer completa.");
        int pending = s3.client().listMultipartUploads(request -> request.bucket(OUTPUT_BUCKET)).uploads().size();
        Expect.equal(0, pending, "Subidas multiparte sin terminar en " + OUTPUT_BUCKET,
                "Si usas subida multiparte, llama a abortMultipartUpload cuando algo falla.");
    }

    @Test
    @Graded(task = 6, points = 1)
    @DisplayName("Si el bucket de salida no existe, el error lo dice y no se escribe nada")
    void missingOutputBucket() {
        s3.put(INPUT_BUCKET, "bme/a.csv", TickFileGenerator.bytes(TickFileOptions.rows(10)));
        Map<String, String> environment = TickFilterHandlerTest.environment();
        environment.put("OUTPUT_BUCKET", "bucket-que-no-existe");

        Call call = call(environment, s3.client(), S3Events.event(S3Events.PUT, INPUT_BUCKET, "bme/a.csv"));

        call.expectTickFilterException("Con un OUTPUT_BUCKET que no existe", "Captura la excepción del SDK.");
        Expect.equal(List.of("bme/a.csv"), s3.keys(INPUT_BUCKET), "Objetos del bucket de entrada", "");
    }
}
