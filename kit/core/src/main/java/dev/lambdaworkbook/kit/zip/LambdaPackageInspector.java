package dev.lambdaworkbook.kit.zip;

import dev.lambdaworkbook.kit.zip.PackageProblem.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Checks a .zip deployment package against the layout Lambda's Java runtime loads: compiled classes and resources
 * at the root, dependency .jar files directly in {@code lib/}. The runtime's class loader puts the root first and then
 * {@code lib/*.jar} sorted by name (aws-lambda-java-runtime-interface-client, {@code CustomerClassLoader}); it never
 * looks inside a .jar elsewhere.
 *
 * <pre>{@code
 * PackageInspection inspection = LambdaPackageInspector.forHandler("dev.example.Handler::handleRequest")
 *         .expectingLibraries(List.of("commons-csv-1.14.1.jar"))
 *         .uploadedThrough(LambdaPackageInspector.Upload.S3)
 *         .inspect(Path.of("target/function.zip"));
 * }</pre>
 */
public final class LambdaPackageInspector {

    /** The route of the package to Lambda: a direct upload has a lower size limit than an upload through S3. */
    public enum Upload { DIRECT, S3 }

    /**
     * Size limits in bytes.
     *
     * @param directUpload the largest .zip Lambda accepts through a direct upload
     * @param unzipped the largest total size of the unzipped entries
     */
    public record Limits(long directUpload, long unzipped) {

        /**
         * Lambda's quotas, 50 MB zipped for a direct upload and 250 MB unzipped, in bytes as the Lambda API's
         * GetAccountSettings reports them (CodeSizeZipped and CodeSizeUnzipped).
         */
        public static final Limits LAMBDA = new Limits(52_428_800L, 262_144_000L);
    }

    private static final Pattern TEST_LIBRARY = Pattern.compile("(junit|junit-jupiter(-api|-engine|-params)?"
            + "|junit-platform-[a-z-]+|junit-vintage-engine|opentest4j|apiguardian-api|mockito-[a-z-]+"
            + "|byte-buddy-agent|objenesis|hamcrest(-core|-library)?|assertj-core|aws-lambda-java-tests"
            + "|kit|kit-services|events)-\\d[^/]*\\.jar", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)",
            Pattern.CASE_INSENSITIVE);
    private static final Locale SPANISH = Locale.forLanguageTag("es-ES");

    private final String handlerClass;
    private final Set<String> expectedLibraries;
    private final Upload upload;
    private final Limits limits;

    private LambdaPackageInspector(String handlerClass, Set<String> expectedLibraries, Upload upload, Limits limits) {
        this.handlerClass = handlerClass;
        this.expectedLibraries = expectedLibraries;
        this.upload = upload;
        this.limits = limits;
    }

    /**
     * Starts an inspector for a handler string, {@code package.Class::method} or {@code package.Class}, with no
     * expected libraries, a direct upload and Lambda's limits.
     */
    public static LambdaPackageInspector forHandler(String handler) {
        int separator = handler.indexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        return new LambdaPackageInspector(className, Set.of(), Upload.DIRECT, Limits.LAMBDA);
    }

    /** Returns an inspector that also requires these .jar file names, such as {@code commons-csv-1.14.1.jar}, in lib/. */
    public LambdaPackageInspector expectingLibraries(Collection<String> jarFileNames) {
        return new LambdaPackageInspector(handlerClass, Set.copyOf(jarFileNames), upload, limits);
    }

    public LambdaPackageInspector uploadedThrough(Upload newUpload) {
        return new LambdaPackageInspector(handlerClass, expectedLibraries, newUpload, limits);
    }

    public LambdaPackageInspector withLimits(Limits newLimits) {
        return new LambdaPackageInspector(handlerClass, expectedLibraries, upload, newLimits);
    }

    /** Returns the entry where Lambda looks for the handler class, e.g. {@code dev/example/Handler.class}. */
    public String handlerEntry() {
        return handlerClass.replace('.', '/') + ".class";
    }

    /**
     * Inspects a .zip file.
     *
     * @throws IOException when the file is missing or is not a .zip; its Spanish message names the file
     */
    public PackageInspection inspect(Path zip) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new NoSuchFileException(zip.toString(), null, "No existe el paquete '" + zip + "'.");
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return inspect(zip, file);
        } catch (ZipException notZip) {
            throw new IOException("'" + zip + "' no es un .zip válido (" + notZip.getMessage()
                    + "). Vuelve a construir el paquete.", notZip);
        }
    }

    private PackageInspection inspect(Path zip, ZipFile file) throws IOException {
        List<String> names = new ArrayList<>();
        long unzipped = 0;
        for (ZipEntry entry : Collections.list(file.entries())) {
            names.add(entry.getName());
            unzipped += Math.max(0, entry.getSize());
        }
        List<PackageProblem> problems = new ArrayList<>();
        names.stream().filter(LambdaPackageInspector::unsafe).forEach(name -> problems.add(new PackageProblem(
                Kind.UNSAFE_ENTRY, name, "La entrada '" + name + "' tiene una ruta absoluta o con '..', que se "
                        + "saldría de la carpeta de la función. Crea el .zip con rutas relativas.")));
        List<String> libraries = libraries(names);
        String handlerFound = locateHandler(file, names, libraries, problems);
        checkJars(names, problems);
        checkExpectedLibraries(names, libraries, problems);
        checkSignatures(names, problems);
        long zipSize = Files.size(zip);
        checkSizes(zip, zipSize, unzipped, problems);
        return new PackageInspection(zip, zipSize, unzipped, handlerFound, libraries, problems);
    }

    private static boolean unsafe(String name) {
        return name.startsWith("/") || name.contains("\\") || name.matches("([A-Za-z]:).*")
                || ("/" + name + "/").contains("/../");
    }

    /** Returns the .jar file names directly in lib/, in the order Lambda adds them to the classpath. */
    private static List<String> libraries(List<String> names) {
        TreeSet<String> jars = new TreeSet<>();
        for (String name : names) {
            if (name.startsWith("lib/") && name.indexOf('/', "lib/".length()) < 0 && isJar(name)) {
                jars.add(name.substring("lib/".length()));
            }
        }
        return List.copyOf(jars);
    }

    private String locateHandler(ZipFile file, List<String> names, List<String> libraries,
            List<PackageProblem> problems) throws IOException {
        String expected = handlerEntry();
        if (names.contains(expected)) {
            return expected;
        }
        for (String name : names) {
            if (name.endsWith("/" + expected)) {
                problems.add(misplacedHandler(name, name.substring(0, name.length() - expected.length())));
                return null;
            }
        }
        for (String library : libraries) {
            if (jarContains(file, "lib/" + library, expected)) {
                return "lib/" + library + "!/" + expected;
            }
        }
        for (String name : names) {
            if (isJar(name) && name.indexOf('/') < 0 && jarContains(file, name, expected)) {
                problems.add(new PackageProblem(Kind.MISSING_HANDLER, name, "La clase del handler '" + handlerClass
                        + "' está dentro de '" + name + "', en la raíz del .zip, y Lambda no busca clases dentro de "
                        + "un .jar de la raíz. Pon las clases compiladas en la raíz del .zip o sube el .jar solo."));
                return null;
            }
        }
        problems.add(new PackageProblem(Kind.MISSING_HANDLER, expected, "Falta la clase del handler '" + handlerClass
                + "': el .zip no contiene '" + expected + "' ni en la raíz ni en un .jar de lib/. ¿Compilaste antes "
                + "de empaquetar? ¿Coincide el Handler de template.yaml con el nombre de tu clase?"));
        return null;
    }

    private PackageProblem misplacedHandler(String found, String folder) {
        String expected = handlerEntry();
        if (("/" + folder).contains("/classes/")) {
            return new PackageProblem(Kind.CLASSES_IN_BUILD_FOLDER, found, "La clase del handler está en '" + found
                    + "', pero Lambda la busca en la raíz del .zip: '" + expected + "'. Empaqueta el contenido de '"
                    + folder + "', no la carpeta.");
        }
        return new PackageProblem(Kind.PROJECT_FOLDER, found, "El paquete está dentro de la carpeta '" + folder
                + "': la clase del handler está en '" + found + "' y Lambda la busca en '" + expected
                + "'. Crea el .zip sin carpeta raíz, con las clases y lib/ directamente en la raíz.");
    }

    private static boolean jarContains(ZipFile file, String jarName, String entryName) throws IOException {
        try (InputStream jar = file.getInputStream(file.getEntry(jarName));
                ZipInputStream entries = new ZipInputStream(jar)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().equals(entryName)) {
                    return true;
                }
            }
            return false;
        } catch (ZipException notJar) {
            return false;
        }
    }

    private static void checkJars(List<String> names, List<PackageProblem> problems) {
        for (String name : names) {
            if (!isJar(name)) {
                continue;
            }
            String fileName = name.substring(name.lastIndexOf('/') + 1);
            if (name.indexOf('/') < 0) {
                problems.add(new PackageProblem(Kind.APP_JAR_AT_ROOT, name, "'" + name + "' está en la raíz del .zip "
                        + "y Lambda no mira dentro de un .jar de la raíz: carga las clases de la raíz y los .jar de "
                        + "lib/. Si es tu aplicación, pon sus clases en la raíz (o sube ese .jar solo, sin .zip); si "
                        + "es una dependencia, muévela a 'lib/" + fileName + "'."));
            } else if (!name.equals("lib/" + fileName)) {
                problems.add(new PackageProblem(Kind.JAR_OUTSIDE_LIB, name, "'" + name + "' está fuera de lib/ y "
                        + "Lambda no lo añade al classpath: solo carga los .jar que están directamente en lib/. "
                        + "Muévelo a 'lib/" + fileName + "'."));
            }
            if (TEST_LIBRARY.matcher(fileName).matches()) {
                problems.add(new PackageProblem(Kind.TEST_LIBRARY, name, "'" + name + "' es una librería de "
                        + "pruebas: la función no la usa en Lambda y solo agranda el paquete. Empaqueta solo las "
                        + "dependencias de runtime, sin las de scope test."));
            }
        }
    }

    private void checkExpectedLibraries(List<String> names, List<String> libraries, List<PackageProblem> problems) {
        for (String library : new TreeSet<>(expectedLibraries)) {
            boolean anywhere = names.stream().anyMatch(name -> name.equals(library) || name.endsWith("/" + library));
            if (!libraries.contains(library) && !anywhere) {
                problems.add(new PackageProblem(Kind.MISSING_LIBRARY, "lib/" + library, "Falta 'lib/" + library
                        + "': es una dependencia de runtime y sin ella la función falla con NoClassDefFoundError "
                        + "en cuanto la usa."));
            }
        }
    }

    private static void checkSignatures(List<String> names, List<PackageProblem> problems) {
        for (String name : names) {
            if (SIGNATURE.matcher(name).matches()) {
                problems.add(new PackageProblem(Kind.SIGNATURE_FILE, name, "'" + name + "' es la firma de una "
                        + "librería que se desempaquetó dentro del paquete y ya no corresponde a su contenido. "
                        + "Quítala: si el paquete se usa como .jar, la JVM rechaza sus clases con SecurityException "
                        + "(Invalid signature file digest)."));
            }
        }
    }

    private void checkSizes(Path zip, long zipSize, long unzipped, List<PackageProblem> problems) {
        String name = zip.getFileName().toString();
        if (upload == Upload.DIRECT && zipSize > limits.directUpload()) {
            problems.add(new PackageProblem(Kind.TOO_LARGE_FOR_DIRECT_UPLOAD, name, "'" + name + "' ocupa "
                    + megabytes(zipSize) + " y la subida directa a Lambda admite hasta "
                    + megabytes(limits.directUpload()) + ". Súbelo a través de un bucket de S3."));
        }
        if (unzipped > limits.unzipped()) {
            problems.add(new PackageProblem(Kind.TOO_LARGE_UNZIPPED, name, "Descomprimido, '" + name + "' ocupa "
                    + megabytes(unzipped) + " y Lambda admite hasta " + megabytes(limits.unzipped())
                    + " contando las capas. Quita las dependencias que la función no usa."));
        }
    }

    private static boolean isJar(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    /** Formats bytes as MB of 1,048,576 bytes, the unit of Lambda's quotas, e.g. {@code 50,0 MB}. */
    static String megabytes(long bytes) {
        return String.format(SPANISH, "%.1f MB", bytes / 1_048_576.0);
    }
}
