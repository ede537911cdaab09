package dev.lambdaworkbook.slides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the .zip that the slide «Empaquetar con Maven» builds: Lambda's Java layout, no test libraries, within
 * the size limits, and a handler that runs from the unpacked package alone.
 */
@DisplayName("Presentaciones: el .zip de los ejemplos")
class LambdaZipIT {

    private static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;
    private static final long UNZIPPED_LIMIT = 250L * 1024 * 1024;

    private static Path zip;
    private static List<String> entries;

    @BeforeAll
    static void readZip() throws IOException {
        zip = Path.of(System.getProperty("slides.zip", "target/ejemplos.zip"));
        assertTrue(Files.isRegularFile(zip), "No está " + zip + ": se construye en la fase package "
                + "(./mvnw -pl slides verify).");
        entries = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream().map(ZipEntry::getName).forEach(entries::add);
        }
    }

    @Test
    @DisplayName("las clases están en la raíz y las librerías en lib/")
    void lambdaLayout() {
        assertTrue(entries.contains("dev/lambdaworkbook/slides/hello/GreetingHandler.class"),
                "Falta dev/lambdaworkbook/slides/hello/GreetingHandler.class en la raíz del .zip: " + entries);
        for (String entry : entries) {
            boolean classOrResource = entry.startsWith("dev/") || entry.startsWith("META-INF/");
            boolean library = entry.startsWith("lib/") && (entry.equals("lib/") || entry.matches("lib/[^/]+\\.jar"));
            assertTrue(classOrResource || library, "Entrada inesperada en el .zip: '" + entry
                    + "'. Solo caben clases y recursos en la raíz y .jar directamente en lib/.");
        }
    }

    @Test
    @DisplayName("lib/ trae las dependencias de ejecución y ninguna de pruebas")
    void runtimeLibrariesOnly() {
        List<String> jars = entries.stream().filter(entry -> entry.endsWith(".jar")).toList();

        for (String needed : List.of("lib/aws-lambda-java-core-", "lib/aws-lambda-java-events-", "lib/s3-")) {
            assertTrue(jars.stream().anyMatch(jar -> jar.startsWith(needed)), "Falta " + needed + "*.jar en " + jars);
        }
        for (String testOnly : List.of("junit", "kit-", "events-1", "opentest4j", "jackson-databind")) {
            assertTrue(jars.stream().noneMatch(jar -> jar.contains(testOnly)), "El .zip lleva una dependencia de "
                    + "pruebas ('" + testOnly + "'): " + jars);
        }
    }

    @Test
    @DisplayName("cabe en los límites de Lambda: 50 MB comprimido y 250 MB descomprimido")
    void withinSizeLimits() throws IOException {
        long unzipped = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> all = file.entries(); all.hasMoreElements(); ) {
                unzipped += all.nextElement().getSize();
            }
        }

        assertTrue(Files.size(zip) < DIRECT_UPLOAD_LIMIT, zip + " ocupa " + Files.size(zip) + " bytes");
        assertTrue(unzipped < UNZIPPED_LIMIT, zip + " descomprimido ocupa " + unzipped + " bytes");
    }

    @Test
    @DisplayName("el handler se ejecuta con solo el contenido del .zip en el classpath")
    void handlerRunsFromPackage(@TempDir Path unpacked) throws Exception {
        unzip(unpacked);
        try (URLClassLoader loader = new URLClassLoader(classpath(unpacked), ClassLoader.getPlatformClassLoader())) {
            Class<?> handlerClass = loader.loadClass("dev.lambdaworkbook.slides.hello.GreetingHandler");
            Class<?> contextType = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
            Object handler = handlerClass.getConstructor().newInstance();
            Method handleRequest = handlerClass.getMethod("handleRequest", Map.class, contextType);

            Object greeting = handleRequest.invoke(handler, Map.of("nombre", "Ana"), context(loader, contextType));

            assertEquals("¡Hola, Ana!", greeting);
        }
    }

    private static void unzip(Path target) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> all = file.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                Path destination = target.resolve(entry.getName()).normalize();
                assertTrue(destination.startsWith(target), "Entrada fuera del .zip: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream content = file.getInputStream(entry)) {
                    Files.copy(content, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Builds the classpath as Lambda's Java runtime does: the package root, then the jars of lib/ by name. */
    private static URL[] classpath(Path unpacked) throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(unpacked.toUri().toURL());
        try (Stream<Path> jars = Files.list(unpacked.resolve("lib"))) {
            for (Path jar : jars.sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** Returns a Context from the package's own aws-lambda-java-core whose logger prints to standard output. */
    private static Object context(ClassLoader loader, Class<?> contextType) throws ClassNotFoundException {
        Class<?> loggerType = loader.loadClass("com.amazonaws.services.lambda.runtime.LambdaLogger");
        Object logger = Proxy.newProxyInstance(loader, new Class<?>[] {loggerType}, (proxy, method, args) -> {
            if (method.getName().equals("log") && args != null && args[0] instanceof String message) {
                System.out.println(message);
            }
            return null;
        });
        return Proxy.newProxyInstance(loader, new Class<?>[] {contextType}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "getLogger" -> logger;
                    case "getFunctionName" -> "saludo";
                    case "getRemainingTimeInMillis" -> 3000;
                    default -> null;
                });
    }
}
