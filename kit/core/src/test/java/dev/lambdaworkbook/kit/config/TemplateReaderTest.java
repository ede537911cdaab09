package dev.lambdaworkbook.kit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("TemplateReader")
class TemplateReaderTest {

    /** A template that uses every construct of the supported subset. */
    static final String FULL = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Description: Plantilla con todo lo admitido
            Metadata:
              Workbook:
                StudentFiles: [src/main/java, template.yaml]
            Parameters:
              ApiKey:
                Type: String
                NoEcho: true
              Region:
                Type: String
                Default: eu-west-1
            Globals:
              Function:
                Timeout: 20
                Environment:
                  Variables:
                    LOG_LEVEL: INFO
                    SHARED: global
            Resources:
              EntradaBucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: master-trading-entrada
              SalidaBucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: master-trading-salida
              FiltroFunction:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: filtro
                  Handler: dev.lambdaworkbook.ticks.TickFilterHandler::handleRequest
                  Runtime: java21
                  Architectures: [arm64]
                  CodeUri: target/filtro.zip
                  MemorySize: 1024
                  Environment:
                    Variables:
                      API_KEY: !Ref ApiKey
                      REGION: !Ref Region
                      OUTPUT_BUCKET: !Ref SalidaBucket
                      SHARED: propia
                      RETRIES: 3
                  Events:
                    CadaMinuto:
                      Type: Schedule
                      Properties:
                        Schedule: rate(1 minute)
                        Enabled: false
                    Ficheros:
                      Type: S3
                      Properties:
                        Bucket: !Ref EntradaBucket
                        Events: s3:ObjectCreated:*
                        Filter:
                          S3Key:
                            Rules:
                              - Name: prefix
                                Value: bme/
                              - Name: suffix
                                Value: .csv
                    Suma:
                      Type: Api
                      Properties:
                        Path: /suma
                        Method: GET
            """;

    /** The smallest template the reader accepts. */
    static final String MINIMAL = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              HolaFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: dev.lambdaworkbook.hello.HelloHandler
                  Runtime: java21
            """;

    @TempDir
    Path folder;

    private Path write(String yaml) throws IOException {
        return Files.writeString(folder.resolve("template.yaml"), yaml, StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("lo que admite")
    class Supported {

        @Test
        @DisplayName("la función: nombre, handler, runtime, arquitectura, memoria, timeout y paquete")
        void function() throws IOException {
            FunctionConfig config = TemplateReader.read(write(FULL));

            assertEquals("FiltroFunction", config.logicalId());
            assertEquals("filtro", config.functionName());
            assertEquals("dev.lambdaworkbook.ticks.TickFilterHandler::handleRequest", config.handler());
            assertEquals("dev.lambdaworkbook.ticks.TickFilterHandler", config.handlerClass());
            assertEquals("handleRequest", config.handlerMethod());
            assertEquals("java21", config.runtime());
            assertEquals("arm64", config.architecture());
            assertEquals(1024, config.memorySize());
            assertEquals("target/filtro.zip", config.codeUri());
            assertEquals(folder.resolve("template.yaml"), config.template());
        }

        @Test
        @DisplayName("los valores por defecto de SAM cuando faltan")
        void defaults() throws IOException {
            FunctionConfig config = TemplateReader.read(write(MINIMAL));

            assertEquals("HolaFunction", config.functionName());
            assertEquals("handleRequest", config.handlerMethod());
            assertEquals("dev.lambdaworkbook.hello.HelloHandler", config.handlerClass());
            assertEquals("x86_64", config.architecture());
            assertEquals(128, config.memorySize());
            assertEquals(3, config.timeout());
            assertEquals(".", config.codeUri());
            assertEquals(Map.of(), config.environment());
            assertEquals(List.of(), config.triggers());
            assertEquals(List.of("src/main/java"), config.studentFiles());
        }

        @Test
        @DisplayName("Globals.Function da los valores que la función no pone y mezcla el entorno")
        void globals() throws IOException {
            FunctionConfig config = TemplateReader.read(write(FULL));

            assertEquals(20, config.timeout());
            assertEquals(new EnvironmentValue.Literal("INFO"), config.environment().get("LOG_LEVEL"));
            assertEquals(new EnvironmentValue.Literal("propia"), config.environment().get("SHARED"));
        }

        @Test
        @DisplayName("el entorno de Globals llega a una función que no tiene el suyo")
        void globalEnvironmentOnly() throws IOException {
            String yaml = MINIMAL.replace("Resources:\n", "Globals:\n  Function:\n    Environment:\n"
                    + "      Variables:\n        LOG_LEVEL: DEBUG\nResources:\n");

            FunctionConfig config = TemplateReader.read(write(yaml));

            assertEquals(Map.of("LOG_LEVEL", new EnvironmentValue.Literal("DEBUG")), config.environment());
        }

        @Test
        @DisplayName("el entorno: literales, parámetros secretos o con valor por defecto y buckets")
        void environment() throws IOException {
            FunctionConfig config = TemplateReader.read(write(FULL));

            assertEquals(new EnvironmentValue.ParameterRef("ApiKey", true, null), config.environment().get("API_KEY"));
            assertEquals(new EnvironmentValue.ParameterRef("Region", false, "eu-west-1"),
                    config.environment().get("REGION"));
            assertEquals(new EnvironmentValue.Literal("master-trading-salida"),
                    config.environment().get("OUTPUT_BUCKET"));
            assertEquals(new EnvironmentValue.Literal("3"), config.environment().get("RETRIES"));
            assertEquals(Map.of("EntradaBucket", "master-trading-entrada", "SalidaBucket", "master-trading-salida"),
                    config.buckets());
        }

        @Test
        @DisplayName("los disparadores Schedule, S3 y Api")
        void triggers() throws IOException {
            FunctionConfig config = TemplateReader.read(write(FULL));

            assertEquals(List.of(
                    new Trigger.Schedule("CadaMinuto", "rate(1 minute)", false),
                    new Trigger.S3("Ficheros", "EntradaBucket", "master-trading-entrada",
                            List.of("s3:ObjectCreated:*"), "bme/", ".csv"),
                    new Trigger.Api("Suma", "/suma", "get")), config.triggers());
            assertEquals(List.of(new Trigger.Api("Suma", "/suma", "get")), config.triggers(Trigger.Api.class));
        }

        @Test
        @DisplayName("un disparador S3 solo se activa con su bucket, prefijo y sufijo")
        void s3Matches() throws IOException {
            Trigger.S3 s3 = TemplateReader.read(write(FULL)).triggers(Trigger.S3.class).get(0);

            assertTrue(s3.matches("master-trading-entrada", "bme/ticks.csv"));
            assertFalse(s3.matches("master-trading-salida", "bme/ticks.csv"));
            assertFalse(s3.matches("master-trading-entrada", "otros/ticks.csv"));
            assertFalse(s3.matches("master-trading-entrada", "bme/ticks.txt"));
        }

        @Test
        @DisplayName("Metadata.Workbook.StudentFiles dice qué ficheros entrega el alumno")
        void studentFiles() throws IOException {
            FunctionConfig config = TemplateReader.read(write(FULL));

            assertEquals(List.of("src/main/java", "template.yaml"), config.studentFiles());
        }

        @Test
        @DisplayName("resolveEnvironment toma el valor dado, si no el de por defecto")
        void resolvesEnvironment() throws IOException {
            FunctionConfig config = TemplateReader.read(write(FULL));

            Map<String, String> resolved = config.resolveEnvironment(Map.of("ApiKey", "secreta")::get);

            assertEquals(Map.of("LOG_LEVEL", "INFO", "SHARED", "propia", "API_KEY", "secreta", "REGION",
                    "eu-west-1", "OUTPUT_BUCKET", "master-trading-salida", "RETRIES", "3"), resolved);
            assertEquals("eu-west-2", config.resolveEnvironment(Map.of("ApiKey", "k", "Region", "eu-west-2")::get)
                    .get("REGION"));
        }

        @Test
        @DisplayName("resolveEnvironment sin valor para un parámetro sin defecto explica cómo darlo")
        void missingParameterValue() throws IOException {
            FunctionConfig config = TemplateReader.read(write(FULL));

            TemplateException error = assertThrows(TemplateException.class,
                    () -> config.resolveEnvironment(Map.of("ApiKey", "")::get));

            assertEquals("Falta el valor del parámetro 'ApiKey' que usa la variable de entorno 'API_KEY' en "
                    + folder.resolve("template.yaml") + ". Defínelo antes de ejecutar, por ejemplo: export ApiKey=...",
                    error.getMessage());
        }
    }

    @Nested
    @DisplayName("lo que rechaza")
    class Rejected {

        static Stream<Arguments> changes() {
            return Stream.of(
                    change("sin Transform", "Transform: AWS::Serverless-2016-10-31\n", "",
                            "falta 'Transform: AWS::Serverless-2016-10-31' (vale 'null')"),
                    change("dos funciones", "  EntradaBucket:\n", """
                              OtraFunction:
                                Type: AWS::Serverless::Function
                                Properties: {Handler: a.B, Runtime: java21}
                              EntradaBucket:
                            """, "debe haber exactamente un recurso AWS::Serverless::Function y hay 2 "
                            + "[OtraFunction, FiltroFunction]"),
                    change("runtime que no es Java", "Runtime: java21", "Runtime: python3.12",
                            "Runtime vale 'python3.12', que no es un runtime de Java de Lambda. Usa java21."),
                    change("Timeout 0", "Timeout: 20", "Timeout: 0",
                            "Timeout vale '0'; debe ser un entero entre 1 y 900 segundos."),
                    change("Timeout 901", "Timeout: 20", "Timeout: 901",
                            "Timeout vale '901'; debe ser un entero entre 1 y 900 segundos."),
                    change("Timeout como texto", "Timeout: 20", "Timeout: '20'", "Timeout vale '20'; debe ser un entero"),
                    change("MemorySize 64", "MemorySize: 1024", "MemorySize: 64",
                            "MemorySize vale '64'; debe ser un entero entre 128 y 10240 MB."),
                    change("!Sub en FunctionName", "FunctionName: filtro", "FunctionName: !Sub '${AWS::StackName}-f'",
                            "FunctionName usa '!Sub', que no está soportada aquí. Escribe el valor literal."),
                    change("!GetAtt en el entorno", "OUTPUT_BUCKET: !Ref SalidaBucket",
                            "OUTPUT_BUCKET: !GetAtt SalidaBucket.Arn",
                            "Environment.Variables.OUTPUT_BUCKET usa '!GetAtt', que no está soportada."),
                    change("!Ref a nada", "REGION: !Ref Region", "REGION: !Ref Zona",
                            "REGION usa '!Ref Zona', pero no hay ningún parámetro ni bucket llamado así."),
                    change("S3 con un bucket que no está en la plantilla", "Bucket: !Ref EntradaBucket",
                            "Bucket: !Ref OtroBucket", "Bucket usa '!Ref OtroBucket', pero en Resources no hay un "
                            + "AWS::S3::Bucket con ese nombre."),
                    change("S3 sin Events", "            Events: s3:ObjectCreated:*\n", "",
                            "falta Resources.FiltroFunction.Properties.Events.Ficheros.Properties.Events"),
                    change("S3 con un evento de borrado", "Events: s3:ObjectCreated:*", "Events: s3:ObjectRemoved:*",
                            "Events contiene 's3:ObjectRemoved:*'"),
                    change("S3 con una regla de filtro desconocida", "Name: suffix", "Name: contains",
                            "Rules tiene Name 'contains'; solo se admiten prefix y suffix."),
                    change("tipo de evento desconocido", "Type: Api", "Type: SQS",
                            "Suma.Type vale 'SQS'; se admiten Schedule, S3 y Api."),
                    change("clave de evento desconocida", "          Type: Api\n",
                            "          Type: Api\n          Condition: X\n",
                            "Events.Suma.Condition no está soportada."),
                    change("Api sin barra inicial", "Path: /suma", "Path: suma", "Path vale 'suma'; debe empezar por '/'."),
                    change("Api con un método desconocido", "Method: GET", "Method: FETCH",
                            "Method vale 'fetch'; usa get, post, put, delete, patch, head, options o any."),
                    change("Schedule con Enabled de texto", "Enabled: false", "Enabled: 'no'",
                            "Enabled vale 'no'; usa true o false."),
                    change("propiedad de función desconocida", "MemorySize: 1024", "MemorySize: 1024\n      Layers: [x]",
                            "Resources.FiltroFunction.Properties.Layers no está soportada. Propiedades admitidas:"),
                    change("propiedad vacía", "MemorySize: 1024", "MemorySize:",
                            "Resources.FiltroFunction.Properties.MemorySize está vacía; escribe su valor o quita la clave."),
                    change("handler con un método no válido", "TickFilterHandler::handleRequest",
                            "TickFilterHandler::handle-request", "Handler vale "
                            + "'dev.lambdaworkbook.ticks.TickFilterHandler::handle-request'; debe ser "
                            + "'paquete.Clase::metodo' o 'paquete.Clase'."),
                    change("handler con espacios", "TickFilterHandler::handleRequest", "Tick Filter",
                            "Handler vale 'dev.lambdaworkbook.ticks.Tick Filter'"),
                    change("nombre de función no válido", "FunctionName: filtro", "FunctionName: mi función",
                            "FunctionName vale 'mi función'; usa de 1 a 64 letras, dígitos, '-' o '_'."),
                    change("dos arquitecturas", "Architectures: [arm64]", "Architectures: [arm64, x86_64]",
                            "Architectures vale [arm64, x86_64]; usa [x86_64] o [arm64]."),
                    change("sección desconocida", "Resources:\n", "Conditions: {}\nResources:\n",
                            "la sección 'Conditions' no está soportada."),
                    change("recurso de otro tipo", "Type: AWS::S3::Bucket\n    Properties:\n      BucketName: "
                            + "master-trading-salida", "Type: AWS::DynamoDB::Table\n    Properties: {}",
                            "Resources.SalidaBucket es de tipo 'AWS::DynamoDB::Table', que no está soportado."),
                    change("bucket con mayúsculas", "BucketName: master-trading-salida",
                            "BucketName: Master_Salida", "BucketName vale 'Master_Salida'; un bucket se llama con 3 a "
                            + "63 minúsculas, dígitos, '.' o '-'."),
                    change("Globals de la API", "Globals:\n", "Globals:\n  Api: {}\n",
                            "Globals.Api no está soportada; solo Globals.Function."),
                    change("propiedad vacía en Globals", "    Timeout: 20\n", "    Timeout:\n",
                            "Globals.Function.Timeout está vacía; escribe su valor o quita la clave."),
                    change("propiedad de Globals desconocida", "    Timeout: 20\n", "    Timeout: 20\n    Tracing: Active\n",
                            "Globals.Function.Tracing no está soportada."),
                    change("clave de Environment desconocida", "      Environment:\n        Variables:\n          API_KEY",
                            "      Environment:\n        Vars: {}\n        Variables:\n          API_KEY",
                            "Environment.Vars no está soportada. Propiedades admitidas: Variables"),
                    change("nombre de variable no válido", "RETRIES: 3", "3RETRIES: 3",
                            "el nombre '3RETRIES' no es válido para una variable de entorno."),
                    change("parámetro que no es String", "Type: String\n    NoEcho", "Type: Number\n    NoEcho",
                            "Parameters.ApiKey.Type vale 'Number'; solo se admite 'String'."),
                    change("StudentFiles fuera del ejercicio", "[src/main/java, template.yaml]",
                            "[../otro, template.yaml]", "StudentFiles contiene '../otro'; usa rutas relativas"),
                    change("claves repetidas", "MemorySize: 1024", "MemorySize: 1024\n      MemorySize: 512",
                            "No se puede leer"),
                    change("YAML mal sangrado", "Resources:\n", "Resources:\n\tmal: 1\n",
                            "line 22, column 1:"),
                    change("dos puntos sin valor", "Path: /suma", "Path: /suma::", "Revisa la sangría (solo espacios) "
                            + "y los dos puntos tras cada clave."));
        }

        /** Describes a change to {@link #FULL}: the text to replace, its replacement and part of the expected error. */
        private static Arguments change(String name, String from, String to, String message) {
            return Arguments.of(name, from, to, message);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("changes")
        @DisplayName("cada construcción fuera del subconjunto da un error en español que dice dónde y qué poner")
        void rejects(String name, String from, String to, String message, @TempDir Path temp) throws IOException {
            String yaml = replaceOnce(FULL, from, to);
            Path template = Files.writeString(temp.resolve("template.yaml"), yaml, StandardCharsets.UTF_8);

            TemplateException error = assertThrows(TemplateException.class, () -> TemplateReader.read(template));

            assertTrue(error.getMessage().startsWith("Configuración no válida en '" + template + "': ")
                    || error.getMessage().startsWith("No se puede leer '" + template + "' como YAML"),
                    error.getMessage());
            assertTrue(error.getMessage().contains(message), () -> "se esperaba \"" + message + "\" en: "
                    + error.getMessage());
        }

        /** Replaces the first occurrence, failing when it is missing so that a typo in a table row cannot pass. */
        private static String replaceOnce(String yaml, String from, String to) {
            assertTrue(yaml.contains(from), () -> "el texto a cambiar no está en la plantilla: " + from);
            int start = yaml.indexOf(from);
            return yaml.substring(0, start) + to + yaml.substring(start + from.length());
        }

        @Test
        @DisplayName("un fichero que no existe da un error que lo nombra")
        void missingFile() {
            Path missing = Path.of("no-existe", "template.yaml");

            TemplateException error = assertThrows(TemplateException.class, () -> TemplateReader.read(missing));

            assertEquals("No se encuentra la configuración de la función: '" + missing
                    + "'. Cada ejercicio la tiene en su carpeta como template.yaml.", error.getMessage());
        }
    }
}
