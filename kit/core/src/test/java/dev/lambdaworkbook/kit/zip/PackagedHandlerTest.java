package dev.lambdaworkbook.kit.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaworkbook.kit.context.RecordingLogger;
import dev.lambdaworkbook.kit.context.TestContext;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Handler cargado desde un paquete descomprimido")
class PackagedHandlerTest {

    private static final String SOURCE = """
            package demo;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import com.amazonaws.services.lambda.runtime.logging.LogLevel;
            import java.util.Map;

            public class Greeter implements RequestHandler<Map<String, Object>, String> {
                @Override
                public String handleRequest(Map<String, Object> event, Context context) {
                    context.getLogger().log("hola " + event.get("name"));
                    context.getLogger().log("aviso", LogLevel.WARN);
                    if (event.containsKey("fail")) {
                        throw new IllegalStateException("fallo pedido");
                    }
                    return context.getFunctionName() + ":" + event.get("name") + ":"
                            + getClass().getClassLoader().getName();
                }
            }
            """;

    @TempDir
    Path folder;

    @Test
    @DisplayName("el handler corre con su propio classpath y el contexto de la prueba")
    void runsFromPackage() throws Exception {
        UnpackedPackage unpacked = UnpackedPackage.extract(packageWith(true), folder.resolve("task"));
        RecordingLogger logger = new RecordingLogger();
        TestContext context = TestContext.builder().functionName("saludo").logger(logger).build();

        Object result;
        try (PackagedHandler handler = PackagedHandler.load(unpacked, "demo.Greeter::handleRequest")) {
            result = handler.invoke(Map.of("name", "Ana"), context);

            assertSame(handler.classLoader(), handler.handlerClass().getClassLoader());
            Class<?> packageContext = handler.classLoader().loadClass(Context.class.getName());
            assertNotSame(Context.class, packageContext, "el paquete trae su propio aws-lambda-java-core");
        }

        assertEquals("saludo:Ana:paquete-lambda", result);
        assertEquals(List.of("hola Ana", "aviso"), logger.messages());
    }

    @Test
    @DisplayName("la excepción del handler llega sin envolver")
    void exceptionUnwrapped() throws Exception {
        UnpackedPackage unpacked = UnpackedPackage.extract(packageWith(true), folder.resolve("task"));

        try (PackagedHandler handler = PackagedHandler.load(unpacked, "demo.Greeter")) {
            Exception thrown = assertThrows(Exception.class,
                    () -> handler.invoke(Map.of("fail", true), TestContext.builder().build()));

            assertEquals("java.lang.IllegalStateException", thrown.getClass().getName());
            assertEquals("fallo pedido", thrown.getMessage());
        }
    }

    @Test
    @DisplayName("sin aws-lambda-java-core en lib/ la clase no carga, como en Lambda")
    void missingLibraryFailsToLoad() throws Exception {
        UnpackedPackage unpacked = UnpackedPackage.extract(packageWith(false), folder.resolve("task"));

        assertThrows(NoClassDefFoundError.class, () -> PackagedHandler.load(unpacked, "demo.Greeter"));
    }

    @Test
    @DisplayName("un método que no existe se nombra en el error")
    void missingMethod() throws Exception {
        UnpackedPackage unpacked = UnpackedPackage.extract(packageWith(true), folder.resolve("task"));

        NoSuchMethodException error = assertThrows(NoSuchMethodException.class,
                () -> PackagedHandler.load(unpacked, "demo.Greeter::saluda"));

        assertTrue(error.getMessage().contains("no tiene un método público 'saluda(evento)'"), error.getMessage());
    }

    @Test
    @DisplayName("el classpath es la raíz y luego lib/*.jar en orden de String")
    void classpathOrder() throws IOException {
        Path zip = Zips.with("demo/A.class", "lib/b-1.jar", "lib/a-1.jar", "lib/B-1.jar", "lib/sub/c-1.jar",
                "lib/notas.txt").writeTo(folder.resolve("orden.zip"));

        UnpackedPackage unpacked = UnpackedPackage.extract(zip, folder.resolve("task"));

        Path root = unpacked.root();
        assertEquals(List.of(root, root.resolve("lib/B-1.jar"), root.resolve("lib/a-1.jar"),
                root.resolve("lib/b-1.jar")), unpacked.classpath());
    }

    @Test
    @DisplayName("una entrada que se sale de la carpeta no se descomprime")
    void zipSlipRejected() {
        Path zip = Zips.with("demo/A.class", "../../fuera.txt").writeTo(folder.resolve("malo.zip"));

        IOException error = assertThrows(IOException.class,
                () -> UnpackedPackage.extract(zip, folder.resolve("task")));

        assertTrue(error.getMessage().contains("'../../fuera.txt'"), error.getMessage());
        assertTrue(Files.notExists(folder.resolve("fuera.txt")));
    }

    @Test
    @DisplayName("solo se descomprime en una carpeta vacía")
    void nonEmptyFolderRejected() throws IOException {
        Path zip = Zips.with("demo/A.class").writeTo(folder.resolve("a.zip"));
        Path task = Files.createDirectories(folder.resolve("task"));
        Files.writeString(task.resolve("viejo.txt"), "x");

        IOException error = assertThrows(IOException.class, () -> UnpackedPackage.extract(zip, task));

        assertTrue(error.getMessage().contains("no está vacía"), error.getMessage());
    }

    /** Compiles the sample handler and zips it in Lambda's layout, with or without aws-lambda-java-core in lib/. */
    private Path packageWith(boolean coreLibrary) throws IOException, URISyntaxException {
        Path core = Path.of(Context.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path sources = Files.createDirectories(folder.resolve("src/demo"));
        Path classes = Files.createDirectories(folder.resolve("classes"));
        Path source = Files.writeString(sources.resolve("Greeter.java"), SOURCE);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-classpath", core.toString(), "-d", classes.toString(),
                source.toString());
        assertEquals(0, status, "el handler de ejemplo debería compilar");

        Zips zips = Zips.with().add("demo/Greeter.class", Files.readAllBytes(classes.resolve("demo/Greeter.class")));
        if (coreLibrary) {
            zips.add("lib/" + core.getFileName(), Files.readAllBytes(core));
        }
        return zips.writeTo(folder.resolve("greeter.zip"));
    }
}
