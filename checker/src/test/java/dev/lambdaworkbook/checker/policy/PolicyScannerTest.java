package dev.lambdaworkbook.checker.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lambdaworkbook.checker.scan.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Análisis previo de las clases de una entrega")
class PolicyScannerTest {

    private static final ExercisePolicy NO_PERMISSIONS = new ExercisePolicy("07", "dev.lambdaworkbook.sum",
            Set.of(), Set.of());
    private static final ExercisePolicy DECLARED_VARIABLE = new ExercisePolicy("07", "dev.lambdaworkbook.sum",
            Set.of(), Set.of("OUTPUT_BUCKET"));
    private static final ExercisePolicy RESOURCES = new ExercisePolicy("04", "dev.lambdaworkbook.packaging",
            Set.of(Permission.RESOURCES), Set.of());
    private static final ExercisePolicy HTTP_AND_S3 = new ExercisePolicy("05", "dev.lambdaworkbook.marketdata",
            Set.of(Permission.HTTP, Permission.S3), Set.of("AWS_REGION"));
    private static final ExercisePolicy TMP_FILES = new ExercisePolicy("04", "dev.lambdaworkbook.packaging",
            Set.of(Permission.TMP_FILES), Set.of("AWS_REGION"));

    private final PolicyScanner scanner = new PolicyScanner(Policies.parse("07 =", "prueba"));

    @TempDir
    Path folder;

    /** Wraps statements in a method {@code run} of class {@code dev.lambdaworkbook.sum.Attack}, from line 5 on. */
    private static String attack(String imports, String statements) {
        return "package dev.lambdaworkbook.sum;\n"
                + imports + "\n"
                + "public class Attack {\n"
                + "    public Object run(String text) throws Exception {\n"
                + statements + "\n"
                + "        return null;\n"
                + "    }\n"
                + "}\n";
    }

    private List<Violation> scan(ExercisePolicy policy, Map<String, String> sources) throws IOException {
        return scanner.scan(policy, SourceCompiler.compile(folder, sources));
    }

    private List<Violation> scanAttack(ExercisePolicy policy, String imports, String statements) throws IOException {
        return scan(policy, Map.of("dev.lambdaworkbook.sum.Attack", attack(imports, statements)));
    }

    static Stream<Arguments> forbiddenUses() {
        return Stream.of(
                Arguments.of("System.exit", "", "        System.exit(0);", "System.exit"),
                Arguments.of("referencia a System::exit", "import java.util.function.IntConsumer;",
                        "        IntConsumer end = System::exit; end.accept(0);", "System.exit"),
                Arguments.of("Runtime.halt", "", "        Runtime.getRuntime().halt(3);", "Runtime.halt"),
                Arguments.of("ProcessBuilder", "",
                        "        new ProcessBuilder(\"rm\", \"-rf\", \"/\").start();", "ProcessBuilder"),
                Arguments.of("Runtime.exec", "", "        Runtime.getRuntime().exec(\"id\");", "Runtime.exec"),
                Arguments.of("setAccessible", "import java.lang.reflect.Field;",
                        "        Field f = String.class.getDeclaredField(\"value\"); f.setAccessible(true);",
                        "reflexión"),
                Arguments.of("Class.forName de una clase ajena", "",
                        "        Class.forName(\"dev.lambdaworkbook.checker.run.child.Harness\");",
                        "dev.lambdaworkbook.checker.run.child.Harness"),
                Arguments.of("Class.forName con nombre calculado", "",
                        "        Class.forName(text + \"Harness\");", "no es una constante"),
                Arguments.of("MethodHandles.privateLookupIn", "import java.lang.invoke.MethodHandles;",
                        "        MethodHandles.privateLookupIn(String.class, MethodHandles.lookup());",
                        "MethodHandles"),
                Arguments.of("Lookup.findStatic", "import java.lang.invoke.*;",
                        "        MethodHandles.lookup().findStatic(System.class, \"exit\", "
                                + "MethodType.methodType(void.class, int.class));", "MethodHandles.lookup"),
                Arguments.of("sun.misc.Unsafe", "", "        Object u = sun.misc.Unsafe.class;", "sun.misc.Unsafe"),
                Arguments.of("cargador de clases", "import java.net.URLClassLoader; import java.net.URL;",
                        "        new URLClassLoader(new URL[0]);", "URLClassLoader"),
                Arguments.of("System.loadLibrary", "", "        System.loadLibrary(\"evil\");", "nativo"),
                Arguments.of("Socket", "import java.net.Socket;",
                        "        new Socket(\"127.0.0.1\", 8080).close();", "java.net.Socket"),
                Arguments.of("URL.openStream", "import java.net.URI;",
                        "        URI.create(\"http://127.0.0.1/\").toURL().openStream();", "openStream"),
                Arguments.of("HttpClient sin permiso http", "import java.net.http.HttpClient;",
                        "        HttpClient.newHttpClient();", "cliente HTTP"),
                Arguments.of("Files.delete", "import java.nio.file.*;",
                        "        Files.delete(Path.of(text));", "sistema de ficheros"),
                Arguments.of("PrintWriter sobre un fichero", "import java.io.PrintWriter;",
                        "        new PrintWriter(text).close();", "sistema de ficheros"),
                Arguments.of("FileDescriptor.out", "import java.io.*;",
                        "        new PrintStream(new FileOutputStream(FileDescriptor.out)).println(\"@@wb\");",
                        "salida estándar del proceso"),
                Arguments.of("System.setOut", "", "        System.setOut(System.err);", "System.setOut"),
                Arguments.of("variable de entorno no declarada", "",
                        "        System.getenv(\"AWS_ACCESS_KEY_ID\");", "'AWS_ACCESS_KEY_ID'"),
                Arguments.of("todo el entorno", "", "        System.getenv();", "todas las variables"),
                Arguments.of("nombre de variable calculado", "", "        System.getenv(text);",
                        "no es una constante"),
                Arguments.of("credenciales de AWS en disco", "",
                        "        String path = \"~/.aws/credentials\";", "credenciales de AWS"),
                Arguments.of("propiedad user.home", "", "        System.getProperty(\"user.home\");", "user.home"),
                Arguments.of("Thread.getAllStackTraces", "", "        Thread.getAllStackTraces();", "reflexión"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenUses")
    @DisplayName("Rechaza cada uso prohibido y nombra clase, método y línea")
    void rejectsForbiddenUse(String name, String imports, String statements, String expectedText)
            throws IOException {
        List<Violation> violations = scanAttack(NO_PERMISSIONS, imports, statements);

        assertEquals(1, violations.stream().map(Violation::line).distinct().count(),
                "Se esperaban infracciones en una sola línea para '" + name + "', pero llegaron: " + violations);
        Violation violation = violations.get(0);
        assertEquals("dev.lambdaworkbook.sum.Attack", violation.className(), "Clase de " + violation);
        assertTrue(violation.method().startsWith("run"), "Método de " + violation);
        assertEquals(5, violation.line(), "Línea de " + violation);
        assertTrue(violations.stream().anyMatch(found -> found.reason().contains(expectedText)),
                "Se esperaba un motivo con '" + expectedText + "', pero llegaron: " + violations);
    }

    @Test
    @DisplayName("Acepta código corriente: colecciones, BigDecimal, lambdas, records, patrones y VarHandle")
    void acceptsOrdinaryCode() throws IOException {
        String source = """
                package dev.lambdaworkbook.sum;

                import java.lang.invoke.MethodHandles;
                import java.lang.invoke.VarHandle;
                import java.math.BigDecimal;
                import java.nio.ByteOrder;
                import java.util.*;
                import java.util.stream.*;

                public class Ordinary {
                    record Pair(String name, BigDecimal value) { }
                    sealed interface Shape permits Square { }
                    record Square(int side) implements Shape { }

                    public String run(Map<String, String> query) {
                        List<Pair> pairs = query.entrySet().stream()
                                .map(e -> new Pair(e.getKey(), new BigDecimal(e.getValue())))
                                .sorted(Comparator.comparing(Pair::name)).collect(Collectors.toList());
                        Object shape = new Square(2);
                        VarHandle ints = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
                        int first = (int) ints.get(new byte[] {0, 0, 0, 7}, 0);
                        int area = shape instanceof Square s ? s.side() * s.side() : 0;
                        String region = System.getenv("AWS_REGION");
                        Class<?> own = getClass();
                        return "pares " + pairs + " área " + area + first + " región " + region + " " + own.getSimpleName()
                                + String.format("%s", Optional.ofNullable(System.getenv("OUTPUT_BUCKET")));
                    }

                    @Override
                    public boolean equals(Object other) {
                        return other instanceof Ordinary;
                    }

                    @Override
                    public int hashCode() {
                        return 1;
                    }
                }
                """;

        List<Violation> violations = scanner.scan(DECLARED_VARIABLE,
                SourceCompiler.compile(folder, Map.of("dev.lambdaworkbook.sum.Ordinary", source)));

        assertEquals(List.of(), violations, "Código sin usos prohibidos no debe tener infracciones");
    }

    @Test
    @DisplayName("Class.forName de una clase de la propia entrega está permitido")
    void forNameOfOwnClass() throws IOException {
        List<Violation> violations = scan(NO_PERMISSIONS, Map.of(
                "dev.lambdaworkbook.sum.Attack", attack("", "        Class.forName(\"dev.lambdaworkbook.sum.Own\");"),
                "dev.lambdaworkbook.sum.Own", "package dev.lambdaworkbook.sum; class Own { }"));

        assertEquals(List.of(), violations, "Cargar por nombre una clase propia no es una infracción");
    }

    @Test
    @DisplayName("Una llamada prohibida dentro de una lambda se atribuye al método que la declara")
    void lambdaBody() throws IOException {
        List<Violation> violations = scanAttack(NO_PERMISSIONS, "",
                "        Runnable later = () -> System.exit(1); later.run();");

        assertEquals("run (lambda)", violations.get(0).method(), "Método de " + violations.get(0));
        assertEquals(5, violations.get(0).line(), "Línea de " + violations.get(0));
    }

    @Test
    @DisplayName("Un método nativo se rechaza")
    void nativeMethod() throws IOException {
        String source = "package dev.lambdaworkbook.sum; public class Native { public native int secret(); }";

        List<Violation> violations = scan(NO_PERMISSIONS, Map.of("dev.lambdaworkbook.sum.Native", source));

        assertEquals(1, violations.size(), "Infracciones: " + violations);
        assertTrue(violations.get(0).reason().contains("método nativo secret"), violations.get(0).reason());
    }

    @Test
    @DisplayName("Una subclase de ClassLoader se rechaza por su superclase")
    void classLoaderSubclass() throws IOException {
        String source = "package dev.lambdaworkbook.sum; public class Loader extends ClassLoader { }";

        List<Violation> violations = scan(NO_PERMISSIONS, Map.of("dev.lambdaworkbook.sum.Loader", source));

        assertTrue(violations.stream().anyMatch(v -> v.reason().contains("java.lang.ClassLoader")),
                "Se esperaba una infracción por extender ClassLoader, pero llegaron: " + violations);
    }

    @Test
    @DisplayName("Un equals que devuelve siempre true se rechaza")
    void equalsAlwaysTrue() throws IOException {
        String source = """
                package dev.lambdaworkbook.sum;
                public class Liar {
                    @Override
                    public boolean equals(Object other) {
                        return true;
                    }
                }
                """;

        List<Violation> violations = scan(NO_PERMISSIONS, Map.of("dev.lambdaworkbook.sum.Liar", source));

        assertEquals(1, violations.size(), "Infracciones: " + violations);
        assertEquals("equals", violations.get(0).method(), "Método de " + violations.get(0));
        assertEquals(5, violations.get(0).line(), "Línea de " + violations.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reservedPackages")
    @DisplayName("Una clase en un paquete reservado se rechaza")
    void reservedPackage(String packageName) throws IOException {
        String source = "package " + packageName + "; public class Intruder { }";

        List<Violation> violations = scan(NO_PERMISSIONS, Map.of(packageName + ".Intruder", source));

        assertEquals(1, violations.size(), "Infracciones: " + violations);
        assertTrue(violations.get(0).reason().contains("paquete reservado '" + packageName + "'"),
                violations.get(0).reason());
        assertTrue(violations.get(0).reason().contains("dev.lambdaworkbook.sum"), violations.get(0).reason());
    }

    static Stream<String> reservedPackages() {
        return Stream.of("org.junit.jupiter.api", "org.opentest4j", "dev.lambdaworkbook.kit.grading",
                "dev.lambdaworkbook.checker.run.child", "javax.evil", "jdk.evil", "sun.evil");
    }

    @Nested
    @DisplayName("Permisos del ejercicio")
    class Permissions {

        @Test
        @DisplayName("http y s3 permiten HttpClient, pero no sockets")
        void httpAllowsClientOnly() throws IOException {
            List<Violation> client = scanAttack(HTTP_AND_S3, "import java.net.http.*; import java.net.URI;",
                    "        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(text)).build(),"
                            + " HttpResponse.BodyHandlers.ofString());");
            List<Violation> socket = scanAttack(HTTP_AND_S3, "import java.net.Socket;",
                    "        new Socket(text, 80).close();");

            assertEquals(List.of(), client, "El cliente HTTP está permitido con el permiso http");
            assertEquals(1, socket.size(), "Un socket sigue prohibido con el permiso http: " + socket);
        }

        @Test
        @DisplayName("s3 permite el SDK de AWS, pero no leer perfiles del disco")
        void s3AllowsSdkButNotProfiles() throws IOException {
            Map<String, String> sdk = Map.of(
                    "software.amazon.awssdk.services.s3.S3Client",
                    "package software.amazon.awssdk.services.s3; public class S3Client {"
                            + " public static S3Client create() { return new S3Client(); } }",
                    "software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider",
                    "package software.amazon.awssdk.auth.credentials; public class ProfileCredentialsProvider {"
                            + " public static ProfileCredentialsProvider create() { return null; } }");
            String client = attack("import software.amazon.awssdk.services.s3.S3Client;",
                    "        S3Client.create();");
            String profile = attack("import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;",
                    "        ProfileCredentialsProvider.create();");
            Path stubs = SourceCompiler.compile(folder.resolve("stubs"), sdk);

            List<Violation> withClient = scanner.scan(HTTP_AND_S3, SourceCompiler.compile(folder.resolve("a"),
                    Map.of("dev.lambdaworkbook.sum.Attack", client), stubs));
            List<Violation> withProfile = scanner.scan(HTTP_AND_S3, SourceCompiler.compile(folder.resolve("b"),
                    Map.of("dev.lambdaworkbook.sum.Attack", profile), stubs));
            List<Violation> clientWithoutS3 = scanner.scan(NO_PERMISSIONS, SourceCompiler.compile(
                    folder.resolve("c"), Map.of("dev.lambdaworkbook.sum.Attack", client), stubs));

            assertEquals(List.of(), withClient, "S3Client está permitido con el permiso s3");
            assertTrue(withProfile.get(0).reason().contains("credenciales de AWS"), withProfile.toString());
            assertTrue(clientWithoutS3.get(0).reason().contains("SDK de AWS"), clientWithoutS3.toString());
        }

        @Test
        @DisplayName("El mapa System.getenv() se admite si el ejercicio declara variables, pero no las credenciales")
        void environmentMap() throws IOException {
            List<Violation> map = scanAttack(DECLARED_VARIABLE, "",
                    "        System.getenv().get(\"OUTPUT_BUCKET\");");
            List<Violation> credentials = scanAttack(DECLARED_VARIABLE, "",
                    "        System.getenv().get(\"AWS_SECRET_ACCESS_KEY\");");

            assertEquals(List.of(), map, "El mapa del entorno se admite cuando template.yaml declara variables");
            assertEquals(1, credentials.size(), "Infracciones: " + credentials);
            assertTrue(credentials.get(0).reason().contains("'AWS_SECRET_ACCESS_KEY'"), credentials.toString());
        }

        @Test
        @DisplayName("recursos permite leer recursos del classpath, pero no cargar clases")
        void resourcesAllowReadingOnly() throws IOException {
            List<Violation> resource = scanAttack(RESOURCES, "",
                    "        getClass().getClassLoader().getResourceAsStream(\"precios/precios.csv\");");
            List<Violation> loadClass = scanAttack(RESOURCES, "",
                    "        getClass().getClassLoader().loadClass(text);");
            List<Violation> withoutPermission = scanAttack(NO_PERMISSIONS, "",
                    "        getClass().getResourceAsStream(\"/dev/lambdaworkbook/sum/SumHandlerHiddenTest.class\");");

            assertEquals(List.of(), resource, "Leer un recurso está permitido con el permiso recursos");
            assertTrue(loadClass.get(0).reason().contains("ClassLoader.loadClass"), loadClass.toString());
            assertTrue(withoutPermission.get(0).reason().contains("recursos del classpath"),
                    withoutPermission.toString());
        }

        @Test
        @DisplayName("ficheros-tmp permite ficheros bajo /tmp y rechaza otras rutas absolutas")
        void tmpFiles() throws IOException {
            List<Violation> inTmp = scanAttack(TMP_FILES, "import java.nio.file.*;",
                    "        Files.writeString(Path.of(\"/tmp/resumen.csv\"), text);");
            List<Violation> outside = scanAttack(TMP_FILES, "import java.nio.file.*;",
                    "        Files.writeString(Path.of(\"/tmp/../home/alumno/x\"), text);");

            assertEquals(List.of(), inTmp, "Escribir en /tmp está permitido con ficheros-tmp");
            assertEquals(1, outside.size(), "Infracciones: " + outside);
            assertTrue(outside.get(0).reason().contains("'/tmp/../home/alumno/x', fuera de /tmp"),
                    outside.get(0).reason());
        }
    }

    @Test
    @DisplayName("Lee clases compiladas con JDK 25 (versión de clase 69)")
    void readsJava25Classes() throws IOException {
        Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        assumeTrue(Files.isExecutable(jdk25.resolve("bin/javac")), "No hay JDK 25 en " + jdk25);
        String source = attack("", "        System.exit(0);");

        Path classes = SourceCompiler.compile(folder, Map.of("dev.lambdaworkbook.sum.Attack", source), "25", jdk25);
        List<Violation> violations = scanner.scan(NO_PERMISSIONS, classes);

        assertEquals(69, Files.readAllBytes(classes.resolve("dev/lambdaworkbook/sum/Attack.class"))[7],
                "Versión de la clase compilada con --release 25");
        assertEquals(1, violations.size(), "Infracciones: " + violations);
        assertTrue(violations.get(0).reason().contains("System.exit"), violations.get(0).reason());
    }
}
