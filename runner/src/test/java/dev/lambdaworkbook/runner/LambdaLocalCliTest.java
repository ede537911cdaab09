package dev.lambdaworkbook.runner;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.runner.cli.LambdaLocal;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Órdenes de lambda-local")
class LambdaLocalCliTest {

    private static final String FIXTURES = "dev.lambdaworkbook.runner.fixtures.";

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    @DisplayName("invocar muestra resultado, respuesta, resumen y registro como la pestaña Probar")
    void invokePrintsTheTestTab() throws Exception {
        Path template = TestFunctions.template(folder, FIXTURES + "HelloHandler", 512, 3, "");

        int code = run("invocar", "--plantilla", template.toString(), "--classpath", classpath(),
                "--evento", "hello-world");

        assertEquals(0, code, err::toString);
        String golden = """
                Resultado de la ejecución: correcto

                Respuesta:
                "Hola, value1"

                Resumen:
                  ID de la solicitud:        <id>
                  Duración de inicio:        <ms es>
                  Duración:                  <ms es>
                  Duración facturada:        <n> ms
                  Memoria configurada:       512 MB
                  Memoria máxima utilizada:  <n> MB

                Salida del registro:
                START RequestId: <id> Version: $LATEST
                Evento recibido con 3 claves
                END RequestId: <id>
                REPORT RequestId: <id>\tDuration: <ms>\tBilled Duration: <n> ms\tMemory Size: 512 MB\t\
                Max Memory Used: <n> MB\tInit Duration: <ms>
                """;
        assertEquals(golden, normalise(out.toString()));
    }

    @Test
    @DisplayName("invocar con un error sale con 1 y muestra el JSON de error y una pista")
    void invokeFailureExitsWithOne() throws Exception {
        Path template = TestFunctions.template(folder, FIXTURES + "NoExiste", 256, 3, "");

        int code = run("invocar", "--plantilla", template.toString(), "--classpath", classpath());

        assertEquals(1, code);
        assertTrue(out.toString().contains("Resultado de la ejecución: error"), out.toString());
        assertTrue(out.toString().contains("\"errorMessage\": \"Class not found: " + FIXTURES + "NoExiste\""),
                out.toString());
        assertTrue(err.toString().contains("Pista: Handler vale '" + FIXTURES + "NoExiste'"), err.toString());
    }

    @Test
    @DisplayName("--veces 2 hace la segunda invocación en caliente, sin Init Duration")
    void repeatedInvocationsAreWarm() throws Exception {
        Path template = TestFunctions.template(folder, FIXTURES + "CounterHandler", 256, 3, "");

        int code = run("invocar", "--plantilla", template.toString(), "--classpath", classpath(), "--veces", "2");

        assertEquals(0, code, err::toString);
        String second = out.toString().substring(out.toString().indexOf("=== Invocación 2 de 2 ==="));
        assertTrue(second.contains("\"estatico\": 2"), second);
        assertFalse(second.contains("Init Duration"), second);
        assertFalse(second.contains("Duración de inicio"), second);
    }

    @Test
    @DisplayName("Un evento que no es JSON se rechaza con código 2 y el fichero entre comillas")
    void invalidEventFile() throws Exception {
        Path template = TestFunctions.template(folder, FIXTURES + "HelloHandler", 256, 3, "");
        Path event = Files.writeString(folder.resolve("evento.json"), "{\"a\": 1,}");

        int code = run("invocar", "--plantilla", template.toString(), "--classpath", classpath(), "--fichero",
                event.toString());

        assertEquals(2, code);
        assertTrue(err.toString().startsWith("lambda-local: error: El evento de '" + event + "' no es JSON válido"),
                err.toString());
    }

    @Test
    @DisplayName("Una opción desconocida se explica en español y sale con 2")
    void unknownOption() {
        int code = run("invocar", "--veloz");

        assertEquals(2, code);
        assertTrue(err.toString().contains("lambda-local: error: no se reconoce '--veloz'."), err.toString());
        assertTrue(err.toString().contains("./lambda-local invocar --help"), err.toString());
    }

    @Test
    @DisplayName("Un ejercicio que no existe sale con 3 y lista los que hay")
    void unknownExercise() {
        int code = run("invocar", "99");

        assertEquals(3, code);
        assertTrue(err.toString().contains("No existe el ejercicio '99'. Ejercicios disponibles: "), err.toString());
    }

    @Test
    @DisplayName("evento api genera un evento proxy con null donde no hay valores")
    void generatedApiEvent() {
        int code = run("evento", "api", "--ruta", "/suma", "--param", "a=2", "--param", "b=3", "--param", "b=4");

        assertEquals(0, code, err::toString);
        String event = out.toString();
        assertTrue(event.contains("\"queryStringParameters\": {\n    \"a\": \"2\",\n    \"b\": \"4\"\n  }"), event);
        assertTrue(event.contains("\"headers\": null"), event);
        assertTrue(event.contains("\"body\": null"), event);
    }

    @Test
    @DisplayName("evento s3 codifica la clave como S3: espacio como + y ñ como %C3%B1")
    void generatedS3Event() {
        int code = run("evento", "s3", "--clave", "bme/RV_TICK 19-03-2018 mañana.csv");

        assertEquals(0, code, err::toString);
        assertTrue(out.toString().contains("\"key\": \"bme/RV_TICK+19-03-2018+ma%C3%B1ana.csv\""), out.toString());
    }

    // solo-profesorado
    @Test
    @DisplayName("invocar 07 --solucion compila la solución real y suma a + b del evento de ejemplo")
    void solutionOfExercise07() {
        Assumptions.assumeTrue(Files.exists(Path.of("../solutions/07/pom.xml")), "solutions/07 no está en esta copia");

        int code = run("invocar", "07", "--solucion");

        assertEquals(0, code, err::toString);
        assertTrue(out.toString().contains("\"statusCode\": 200"), out.toString());
        assertTrue(out.toString().contains("5"), out.toString());
    }
    // /solo-profesorado

    @Test
    @DisplayName("sin soluciones, --solucion no sale en la ayuda pero se sigue aceptando")
    void solutionOptionHiddenWithoutSolutions() {
        var commandLine = LambdaLocal.commandLine();

        LambdaLocal.hideSolutionOption(commandLine);

        var invoke = commandLine.getSubcommands().get("invocar");
        assertFalse(invoke.getUsageMessage().contains("--solucion"), invoke.getUsageMessage());
        assertTrue(invoke.getCommandSpec().findOption("--solucion").hidden(), "La opción debe quedar oculta.");
        var parsed = commandLine.parseArgs("invocar", "07", "--solucion");
        assertTrue(parsed.subcommand().hasMatchedOption("--solucion"), "La opción oculta debe seguir aceptándose.");
    }

    @Test
    @DisplayName("Los ejemplos de la ayuda caben en 80 columnas y sus opciones existen")
    void helpExamplesParse() {
        var commandLine = LambdaLocal.commandLine();
        commandLine.setUsageHelpWidth(80);

        String help = commandLine.getUsageMessage();

        List<String> examples = new ArrayList<>();
        for (String line : help.split("\n")) {
            assertTrue(line.length() <= 80, "Línea de la ayuda de más de 80 columnas: '" + line + "'");
            if (line.startsWith("  ./lambda-local ")) {
                examples.add(line.substring("  ./lambda-local ".length()).replace(" \\", "").strip());
            }
        }
        assertTrue(examples.size() >= 5, help);
        for (String example : examples) {
            var parser = LambdaLocal.commandLine();
            assertDoesNotThrow(() -> parser.parseArgs(example.split(" +")),
                    "El ejemplo de la ayuda './lambda-local " + example + "' usa opciones que no existen.");
        }
    }

    private int run(String... args) {
        var commandLine = LambdaLocal.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    @DisplayName("programar con una expresión no válida sale con 3 y nombra el campo de template.yaml")
    void invalidScheduleNamesTheTemplateField() {
        Path template = TestFunctions.template(folder, FIXTURES + "HelloHandler", 256, 3, """
                      Events:
                        CadaMinuto:
                          Type: Schedule
                          Properties:
                            Schedule: cron(0/15 * * * * *)
                """);

        int code = run("programar", "--plantilla", template.toString(), "--classpath", classpath(), "--ahora", "1");

        assertEquals(3, code, out::toString);
        assertTrue(err.toString().contains("En " + template + ", Events.CadaMinuto.Properties.Schedule: La "
                + "expresión de programación 'cron(0/15 * * * * *)' no es válida"), err.toString());
    }

    private static String classpath() {
        return TestFunctions.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** Replaces what changes on every run (ids, timings, memory) so the rest can be compared exactly. */
    static String normalise(String output) {
        String text = output.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
        // Lambda's own log lines use a decimal point and the runner's Spanish lines a decimal comma.
        text = text.replaceAll("\\d+\\.\\d{2} ms", "<ms>");
        text = text.replaceAll("\\d+,\\d{2} ms", "<ms es>");
        text = text.replaceAll("\\d+ (ms|MB)", "<n> $1");
        // The configured memory is part of the expected output, so it goes back in.
        return text.replace("Memory Size: <n> MB", "Memory Size: 512 MB")
                .replace("Memoria configurada:       <n> MB", "Memoria configurada:       512 MB");
    }
}
