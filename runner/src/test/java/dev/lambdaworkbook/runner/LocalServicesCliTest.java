package dev.lambdaworkbook.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.runner.cli.LambdaLocal;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Servicios locales de lambda-local: API falsa, S3 y ficheros de ticks")
class LocalServicesCliTest {

    private static final String FIXTURES = "dev.lambdaworkbook.runner.fixtures.";
    /** Every key the fake makes up starts like this, so none may appear in the output. */
    private static final String RANDOM_KEY_PREFIX = "wb-local-";
    private static final Pattern EXPECTED_COUNTS = Pattern.compile("registrará: (\\d+ filas leídas, \\d+ "
            + "conservadas, \\d+ mal formadas)\\.");

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    @DisplayName("--api-falsa da URL y clave a la función, oculta la clave y lista las peticiones")
    void fakeApiGoldenOutput() throws IOException {
        assumeStudentHasNoApiVariables();
        Path template = marketDataTemplate();

        int code = run("invocar", "--plantilla", template.toString(), "--classpath", classpath(), "--api-falsa");

        assertEquals(0, code, err::toString);
        String golden = """
                API de datos de mercado falsa en http://127.0.0.1:<puerto>, con datos deterministas. La función \
                recibe su URL y una clave generada para esta ejecución, que no se muestra.

                Resultado de la ejecución: correcto

                Respuesta:
                "HTTP 200"

                Resumen:
                  ID de la solicitud:        <id>
                  Duración de inicio:        <ms es>
                  Duración:                  <ms es>
                  Duración facturada:        <n> ms
                  Memoria configurada:       512 MB
                  Memoria máxima utilizada:  <n> MB

                Salida del registro:
                START RequestId: <id> Version: $LATEST
                Clave usada: ****
                END RequestId: <id>
                REPORT RequestId: <id>\tDuration: <ms>\tBilled Duration: <n> ms\tMemory Size: 512 MB\t\
                Max Memory Used: <n> MB\tInit Duration: <ms>

                Peticiones que recibió la API falsa: 1
                  GET /data/time_series?market=IBEX&ticker=SAN&key=****
                """;
        assertEquals(golden, LambdaLocalCliTest.normalise(out.toString()).replaceAll("127\\.0\\.0\\.1:\\d+",
                "127.0.0.1:<puerto>"));
        assertFalse(out.toString().contains(RANDOM_KEY_PREFIX), out::toString);
        assertFalse(err.toString().contains(RANDOM_KEY_PREFIX), err::toString);
    }

    @Test
    @DisplayName("--api-falsa con una plantilla sin ApiUrl ni ApiKey sale con 2 y lo explica")
    void fakeApiNeedsItsParameters() {
        Path template = TestFunctions.template(folder, FIXTURES + "HelloHandler", 256, 3, "");

        int code = run("invocar", "--plantilla", template.toString(), "--classpath", classpath(), "--api-falsa");

        assertEquals(2, code, out::toString);
        assertTrue(err.toString().contains("--api-falsa da valor a los parámetros ApiUrl y ApiKey, pero "
                + template + " no usa ninguno de los dos."), err.toString());
    }

    @Test
    @DisplayName("Sin ApiKey ni --api-falsa, el error propone --api-falsa")
    void missingApiKeySuggestsFakeApi() throws IOException {
        assumeStudentHasNoApiVariables();
        Path template = marketDataTemplate();

        int code = run("invocar", "--plantilla", template.toString(), "--classpath", classpath());

        assertEquals(3, code, out::toString);
        assertTrue(err.toString().contains("Falta el valor del parámetro 'ApiKey'"), err.toString());
        assertTrue(err.toString().contains("añade --api-falsa"), err.toString());
    }

    @Test
    @DisplayName("--generar-ticks sin --s3, --rarezas solo y 0 filas salen con 2")
    void tickOptionsAreChecked() {
        Path template = TestFunctions.template(folder, FIXTURES + "HelloHandler", 256, 3, "");
        String[] base = {"invocar", "--plantilla", template.toString(), "--classpath", classpath()};

        int withoutS3 = run(concat(base, "--generar-ticks", "10"));
        int quirksAlone = run(concat(base, "--s3", "--rarezas"));
        int zeroRows = run(concat(base, "--s3", "--generar-ticks", "0"));

        assertEquals(List.of(2, 2, 2), List.of(withoutS3, quirksAlone, zeroRows), err::toString);
        assertTrue(err.toString().contains("--generar-ticks sube el fichero al servidor S3 local, y ese servidor "
                + "solo arranca con --s3. Añade --s3."), err.toString());
        assertTrue(err.toString().contains("--rarezas solo tiene sentido con --generar-ticks FILAS"), err.toString());
        assertTrue(err.toString().contains("Valor no válido para --generar-ticks: '0'."), err.toString());
    }

    @Test
    @DisplayName("--generar-ticks con un evento que no es de S3 sale con 2 y propone s3-put")
    void generatedTicksNeedAnS3Event() {
        Path template = TestFunctions.template(folder, FIXTURES + "HelloHandler", 256, 3, "");

        int code = run("invocar", "--plantilla", template.toString(), "--classpath", classpath(), "--s3",
                "--generar-ticks", "10", "--evento", "hello-world");

        assertEquals(2, code, out::toString);
        assertTrue(err.toString().contains("Usa --evento s3-put"), err.toString());
    }

    @Test
    @DisplayName("ticks escribe un RV_TICK con cabecera, las filas pedidas y los recuentos esperados")
    void ticksWritesAFile() throws IOException {
        Path file = folder.resolve("RV_TICK 19-03-2018.csv");

        int code = run("ticks", file.toString(), "--filas", "50");

        assertEquals(0, code, err::toString);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(51, lines.size(), "cabecera y 50 filas de datos");
        assertTrue(lines.get(0).startsWith("FECHA;SECUENCIA;VALOR;VOLUMEN;PRECIO;"), lines.get(0));
        assertTrue(lines.get(1).startsWith("2018-03-19;1;"), "El nombre por defecto dice 19-03-2018, y la "
                + "primera fila es de otro día: " + lines.get(1));
        Matcher counts = EXPECTED_COUNTS.matcher(out.toString());
        assertTrue(counts.find(), out.toString());
        assertTrue(counts.group(1).startsWith("50 filas leídas, "), counts.group(1));
        assertTrue(counts.group(1).endsWith(", 0 mal formadas"), counts.group(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            RV_TICK 20-03-2018.csv | 2018-03-20
            ticks-2018-03-21.csv   | 2018-03-21
            """)
    @DisplayName("ticks toma el día de negociación de la fecha del nombre del fichero")
    void ticksUsesTheDateInTheName(String name, String day) throws IOException {
        Path file = folder.resolve(name);

        int code = run("ticks", file.toString(), "--filas", "5");

        assertEquals(0, code, err::toString);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertTrue(lines.get(1).startsWith(day + ";1;"), lines.get(1));
        assertTrue(lines.get(5).startsWith(day + ";5;"), lines.get(5));
        assertFalse(out.toString().contains("no lleva fecha"), out.toString());
    }

    @Test
    @DisplayName("ticks sin fecha en el nombre avisa de que los ticks son del 19-03-2018")
    void ticksWithoutDateSaysWhichDay() throws IOException {
        Path file = folder.resolve("mi-fichero.csv");

        int code = run("ticks", file.toString(), "--filas", "2");

        assertEquals(0, code, err::toString);
        String firstRow = Files.readAllLines(file, StandardCharsets.UTF_8).get(1);
        assertTrue(firstRow.startsWith("2018-03-19;"), firstRow);
        assertTrue(out.toString().contains("El nombre no lleva fecha día-mes-año: los ticks son del 19-03-2018."),
                out.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            RV_TICK 24-03-2018.csv | La fecha '2018-03-24' cae en fin de semana
            RV_TICK 31-02-2018.csv | La fecha '31-02-2018' del nombre 'RV_TICK 31-02-2018.csv' no existe
            RV_TICK 20-03-18.csv   | lleva '20-03-18', que no es una fecha día-mes-año con el año en cuatro cifras
            """)
    @DisplayName("ticks rechaza con 2 una fecha del nombre que no es un día de bolsa, sin escribir nada")
    void ticksRejectsABadDateInTheName(String name, String message) {
        Path file = folder.resolve(name);

        int code = run("ticks", file.toString(), "--filas", "5");

        assertEquals(2, code, out::toString);
        assertTrue(err.toString().contains(message), err.toString());
        assertFalse(Files.exists(file), "no debe quedar el fichero " + file);
    }

    @Test
    @DisplayName("ticks sobre una carpeta sale con 2 y propone un nombre de fichero")
    void ticksRejectsAFolder() {
        int code = run("ticks", folder.toString());

        assertEquals(2, code, out::toString);
        assertTrue(err.toString().contains("'" + folder + "' es una carpeta. Indica un fichero, por ejemplo '"
                + folder.resolve("RV_TICK 19-03-2018.csv") + "'."), err.toString());
    }

    // solo-profesorado
    @Test
    @DisplayName("invocar 05 --solucion --api-falsa --s3 escribe el CSV del Santander en el S3 local")
    void exercise05EndToEnd() {
        assumeSolution("05");
        assumeStudentHasNoApiVariables();

        int code = run("invocar", "05", "--solucion", "--api-falsa", "--s3");

        assertEquals(0, code, () -> out + "\n" + err);
        String text = out.toString();
        assertTrue(text.contains("Peticiones que recibió la API falsa: 1\n"
                + "  GET /data/time_series?market=IBEX&ticker=SAN&key=****\n"), text);
        assertTrue(Pattern.compile("  s3://master-trading-datos-mercado/Santander_\\d{2}_\\d{2}_\\d{2}_\\d{2}_\\d{2}"
                + "_\\d{4}\\.csv \\([\\d.]+ bytes\\)\n    date,close\n    2015-01-02,").matcher(text).find(), text);
        assertFalse(text.contains(RANDOM_KEY_PREFIX), text);
        assertFalse(err.toString().contains(RANDOM_KEY_PREFIX), err.toString());
    }

    @Test
    @DisplayName("invocar 06 --solucion --s3 --generar-ticks filtra el objeto que anuncia el evento")
    void exercise06InvokeWithGeneratedTicks() {
        assumeSolution("06");

        int code = run("invocar", "06", "--solucion", "--s3", "--generar-ticks", "300", "--rarezas");

        assertEquals(0, code, () -> out + "\n" + err);
        String text = out.toString();
        assertTrue(text.contains("Subido a s3://master-trading-entrada/bme/RV_TICK 19-03-2018 mañana.csv, el "
                + "objeto que anuncia el evento."), text);
        Matcher counts = EXPECTED_COUNTS.matcher(text);
        assertTrue(counts.find(), text);
        assertTrue(text.contains("mañana.csv: " + counts.group(1) + "\n"), "El registro de la solución debe dar los "
                + "recuentos anunciados, '" + counts.group(1) + "':\n" + text);
        assertTrue(text.contains("  s3://master-trading-salida/filtrados/RV_TICK 19-03-2018 mañana.csv ("), text);
        assertTrue(text.contains("    VALOR,VOLUMEN,PRECIO,TIME\n"), text);
        // The SDK's SLF4J warning is part of the log, as in Lambda, and the runner explains it.
        assertTrue(text.contains("SLF4J(W): No SLF4J providers were found."), text);
        assertTrue(err.toString().contains("Nota: las líneas «SLF4J(W)» del registro las escribe el SDK de AWS"),
                err.toString());
    }

    @Test
    @DisplayName("s3 06 --solucion --generar-ticks --terminar procesa el fichero subido y termina")
    void exercise06TriggerWithGeneratedTicks() {
        assumeSolution("06");

        int code = run("s3", "06", "--solucion", "--generar-ticks", "200", "--terminar", "--puerto", "0");

        assertEquals(0, code, () -> out + "\n" + err);
        String text = out.toString();
        assertTrue(text.contains("Subido a s3://master-trading-entrada/bme/RV_TICK 19-03-2018.csv\n"), text);
        assertTrue(text.contains("=== s3://master-trading-entrada/bme/RV_TICK 19-03-2018.csv (ObjectCreated:Put) ==="),
                text);
        assertTrue(text.contains("La función escribió s3://master-trading-salida/filtrados/RV_TICK 19-03-2018.csv ("),
                text);
        assertFalse(text.contains("Pulsa Ctrl+C"), "Con --terminar no hay nada que parar:\n" + text);
    }
    // /solo-profesorado

    private Path marketDataTemplate() throws IOException {
        String yaml = """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  ApiKey:
                    Type: String
                    NoEcho: true
                  ApiUrl:
                    Type: String
                Resources:
                  DatosFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: datos
                      Handler: %s
                      Runtime: java21
                      MemorySize: 512
                      Timeout: 10
                      Environment:
                        Variables:
                          API_KEY: !Ref ApiKey
                          API_URL: !Ref ApiUrl
                """.formatted(FIXTURES + "MarketDataClient");
        return Files.writeString(folder.resolve("template.yaml"), yaml);
    }

    private static void assumeStudentHasNoApiVariables() {
        Assumptions.assumeTrue(System.getenv("ApiKey") == null && System.getenv("ApiUrl") == null,
                "ApiKey o ApiUrl están definidas en este entorno, y tienen prioridad sobre la API falsa");
    }

    // solo-profesorado
    private static void assumeSolution(String exercise) {
        Assumptions.assumeTrue(Files.exists(Path.of("../solutions/" + exercise + "/pom.xml")),
                "solutions/" + exercise + " no está en esta copia");
    }
    // /solo-profesorado

    private int run(String... args) {
        var commandLine = LambdaLocal.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static String classpath() {
        return TestFunctions.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
