package dev.lambdaworkbook.kit.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.kit.zip.LambdaPackageInspector.Limits;
import dev.lambdaworkbook.kit.zip.LambdaPackageInspector.Upload;
import dev.lambdaworkbook.kit.zip.PackageProblem.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Inspector de paquetes .zip de Lambda")
class LambdaPackageInspectorTest {

    private static final String HANDLER = "dev.example.PriceHandler::handleRequest";
    private static final String CLASS_ENTRY = "dev/example/PriceHandler.class";
    private static final LambdaPackageInspector INSPECTOR = LambdaPackageInspector.forHandler(HANDLER)
            .expectingLibraries(List.of("commons-csv-1.14.1.jar", "commons-io-2.20.0.jar"));

    @TempDir
    Path folder;

    @Test
    @DisplayName("un paquete con clases en la raíz y dependencias en lib/ es válido")
    void validLayout() throws IOException {
        Path zip = Zips.with(CLASS_ENTRY, "dev/example/PriceHandler$Row.class", "precios/ibex.csv",
                "META-INF/MANIFEST.MF", "lib/commons-io-2.20.0.jar", "lib/commons-csv-1.14.1.jar",
                "lib/Zeta-1.0.jar").writeTo(folder.resolve("function.zip"));

        PackageInspection inspection = INSPECTOR.inspect(zip);

        assertEquals(List.of(), inspection.problems());
        assertTrue(inspection.isValid());
        assertEquals(CLASS_ENTRY, inspection.handlerEntry());
        assertEquals(List.of("Zeta-1.0.jar", "commons-csv-1.14.1.jar", "commons-io-2.20.0.jar"),
                inspection.libraries(), "lib/*.jar en el orden de String, como los carga Lambda");
        assertEquals("El paquete 'function.zip' tiene la estructura que espera Lambda.", inspection.report());
    }

    @Test
    @DisplayName("el handler dentro de un .jar de lib/ también está en el classpath")
    void handlerInLibraryJar() throws IOException {
        byte[] appJar = Zips.with(CLASS_ENTRY).bytes();
        Path zip = Zips.with("lib/commons-io-2.20.0.jar", "lib/commons-csv-1.14.1.jar")
                .add("lib/app-1.0.jar", appJar).writeTo(folder.resolve("function.zip"));

        PackageInspection inspection = INSPECTOR.inspect(zip);

        assertTrue(inspection.isValid(), inspection.report());
        assertEquals("lib/app-1.0.jar!/" + CLASS_ENTRY, inspection.handlerEntry());
    }

    @Test
    @DisplayName("clases bajo target/classes/ se señalan con la entrada y la ruta correcta")
    void classesUnderTargetClasses() throws IOException {
        Path zip = Zips.with("target/classes/" + CLASS_ENTRY, "lib/commons-io-2.20.0.jar",
                "lib/commons-csv-1.14.1.jar").writeTo(folder.resolve("function.zip"));

        PackageInspection inspection = INSPECTOR.inspect(zip);

        PackageProblem problem = single(inspection, Kind.CLASSES_IN_BUILD_FOLDER);
        assertEquals("target/classes/" + CLASS_ENTRY, problem.entry());
        assertTrue(problem.message().contains("'target/classes/" + CLASS_ENTRY + "'"), problem.message());
        assertTrue(problem.message().contains("en la raíz del .zip: '" + CLASS_ENTRY + "'"), problem.message());
        assertNull(inspection.handlerEntry());
    }

    @Test
    @DisplayName("todo dentro de una carpeta de proyecto se señala, con sus .jar fuera de lib/")
    void projectFolder() throws IOException {
        Path zip = Zips.with("resumen-precios/" + CLASS_ENTRY, "resumen-precios/lib/commons-io-2.20.0.jar",
                "resumen-precios/lib/commons-csv-1.14.1.jar").writeTo(folder.resolve("function.zip"));

        PackageInspection inspection = INSPECTOR.inspect(zip);

        PackageProblem problem = single(inspection, Kind.PROJECT_FOLDER);
        assertTrue(problem.message().contains("dentro de la carpeta 'resumen-precios/'"), problem.message());
        assertEquals(2, inspection.problems(Kind.JAR_OUTSIDE_LIB).size(), inspection.report());
        assertEquals(List.of(), inspection.problems(Kind.MISSING_LIBRARY), "ya se dijo que están fuera de lib/");
    }

    @Test
    @DisplayName("un .jar en libs/ se señala y se propone su sitio en lib/")
    void jarsUnderLibs() throws IOException {
        Path zip = Zips.with(CLASS_ENTRY, "libs/commons-csv-1.14.1.jar", "lib/commons-io-2.20.0.jar",
                "lib/extra/other-1.0.jar").writeTo(folder.resolve("function.zip"));

        PackageInspection inspection = INSPECTOR.inspect(zip);

        List<PackageProblem> outside = inspection.problems(Kind.JAR_OUTSIDE_LIB);
        assertEquals(List.of("libs/commons-csv-1.14.1.jar", "lib/extra/other-1.0.jar"),
                outside.stream().map(PackageProblem::entry).toList());
        assertTrue(outside.get(0).message().contains("Muévelo a 'lib/commons-csv-1.14.1.jar'"),
                outside.get(0).message());
        assertEquals(List.of("commons-io-2.20.0.jar"), inspection.libraries());
    }

    @Test
    @DisplayName("un único .jar de la aplicación en la raíz se señala y falta el handler")
    void singleAppJarAtRoot() throws IOException {
        Path zip = Zips.with().add("resumen-precios.jar", Zips.with(CLASS_ENTRY).bytes())
                .writeTo(folder.resolve("function.zip"));

        PackageInspection inspection = LambdaPackageInspector.forHandler(HANDLER).inspect(zip);

        PackageProblem atRoot = single(inspection, Kind.APP_JAR_AT_ROOT);
        assertEquals("resumen-precios.jar", atRoot.entry());
        PackageProblem missing = single(inspection, Kind.MISSING_HANDLER);
        assertTrue(missing.message().contains("está dentro de 'resumen-precios.jar', en la raíz del .zip"),
                missing.message());
    }

    @Test
    @DisplayName("sin la clase del handler el mensaje nombra la ruta que falta")
    void missingHandler() throws IOException {
        Path zip = Zips.with("dev/example/Other.class").writeTo(folder.resolve("function.zip"));

        PackageInspection inspection = LambdaPackageInspector.forHandler(HANDLER).inspect(zip);

        PackageProblem problem = single(inspection, Kind.MISSING_HANDLER);
        assertEquals(CLASS_ENTRY, problem.entry());
        assertTrue(problem.message().contains("Falta la clase del handler 'dev.example.PriceHandler'"),
                problem.message());
        assertFalse(inspection.isValid());
    }

    @Test
    @DisplayName("las librerías de pruebas se señalan y las de runtime no")
    void testLibraries() throws IOException {
        Path zip = Zips.with(CLASS_ENTRY, "lib/commons-io-2.20.0.jar", "lib/commons-csv-1.14.1.jar",
                "lib/commons-codec-1.19.0.jar", "lib/junit-jupiter-api-5.14.4.jar", "lib/opentest4j-1.3.0.jar",
                "lib/mockito-core-5.24.0.jar", "lib/kit-1.0.0-SNAPSHOT.jar", "lib/events-1.0.0-SNAPSHOT.jar",
                "lib/junit-platform-launcher-1.14.4.jar", "lib/aws-lambda-java-events-3.16.1.jar")
                .writeTo(folder.resolve("function.zip"));

        PackageInspection inspection = INSPECTOR.inspect(zip);

        assertEquals(List.of("lib/junit-jupiter-api-5.14.4.jar", "lib/opentest4j-1.3.0.jar",
                "lib/mockito-core-5.24.0.jar", "lib/kit-1.0.0-SNAPSHOT.jar", "lib/events-1.0.0-SNAPSHOT.jar",
                "lib/junit-platform-launcher-1.14.4.jar"),
                inspection.problems(Kind.TEST_LIBRARY).stream().map(PackageProblem::entry).toList());
        assertEquals(inspection.problems(Kind.TEST_LIBRARY), inspection.problems(), "solo las de pruebas");
    }

    @Test
    @DisplayName("una dependencia de runtime ausente se nombra")
    void missingLibrary() throws IOException {
        Path zip = Zips.with(CLASS_ENTRY, "lib/commons-csv-1.14.1.jar").writeTo(folder.resolve("function.zip"));

        PackageInspection inspection = INSPECTOR.inspect(zip);

        PackageProblem problem = single(inspection, Kind.MISSING_LIBRARY);
        assertEquals("lib/commons-io-2.20.0.jar", problem.entry());
        assertTrue(problem.message().contains("NoClassDefFoundError"), problem.message());
    }

    @Test
    @DisplayName("los ficheros de firma de la raíz se señalan, no los de dentro de un .jar")
    void signatureFiles() throws IOException {
        byte[] signedJar = Zips.with("META-INF/SIGNER.SF", "META-INF/SIGNER.RSA").bytes();
        Path zip = Zips.with(CLASS_ENTRY, "META-INF/MANIFEST.MF", "META-INF/BC.SF", "META-INF/BC.RSA",
                "META-INF/OTHER.dsa", "META-INF/maven/x/pom.xml", "lib/commons-io-2.20.0.jar")
                .add("lib/commons-csv-1.14.1.jar", signedJar).writeTo(folder.resolve("function.zip"));

        PackageInspection inspection = INSPECTOR.inspect(zip);

        assertEquals(List.of("META-INF/BC.SF", "META-INF/BC.RSA", "META-INF/OTHER.dsa"),
                inspection.problems().stream().map(PackageProblem::entry).toList());
        assertEquals(inspection.problems(Kind.SIGNATURE_FILE), inspection.problems());
    }

    @Test
    @DisplayName("los límites de tamaño: subida directa y descomprimido")
    void sizeLimits() throws IOException {
        byte[] noise = new byte[4_000];
        new Random(7).nextBytes(noise);
        Path zip = Zips.with(CLASS_ENTRY).add("datos.bin", noise).writeTo(folder.resolve("grande.zip"));
        LambdaPackageInspector small = LambdaPackageInspector.forHandler(HANDLER).withLimits(new Limits(1_000, 3_000));

        PackageInspection direct = small.inspect(zip);
        PackageInspection throughS3 = small.uploadedThrough(Upload.S3).inspect(zip);

        assertTrue(direct.zipSize() > 1_000, "el .zip de prueba debe superar el límite: " + direct.zipSize());
        assertEquals(4_000 + CLASS_ENTRY.length(), direct.unzippedSize());
        assertEquals(List.of(Kind.TOO_LARGE_FOR_DIRECT_UPLOAD, Kind.TOO_LARGE_UNZIPPED),
                direct.problems().stream().map(PackageProblem::kind).toList());
        assertTrue(direct.problems().get(0).message().contains("Súbelo a través de un bucket de S3"),
                direct.problems().get(0).message());
        assertEquals(List.of(Kind.TOO_LARGE_UNZIPPED), throughS3.problems().stream().map(PackageProblem::kind).toList());
    }

    @Test
    @DisplayName("los límites de Lambda son 50 MB y 250 MB")
    void lambdaLimits() {
        assertEquals("50,0 MB", LambdaPackageInspector.megabytes(Limits.LAMBDA.directUpload()));
        assertEquals("250,0 MB", LambdaPackageInspector.megabytes(Limits.LAMBDA.unzipped()));
    }

    @Test
    @DisplayName("una entrada con '..' se señala como insegura")
    void unsafeEntry() throws IOException {
        Path zip = Zips.with(CLASS_ENTRY, "../fuera.txt", "lib/../../otro.txt").writeTo(folder.resolve("f.zip"));

        PackageInspection inspection = LambdaPackageInspector.forHandler(HANDLER).inspect(zip);

        assertEquals(List.of("../fuera.txt", "lib/../../otro.txt"),
                inspection.problems(Kind.UNSAFE_ENTRY).stream().map(PackageProblem::entry).toList());
    }

    @Test
    @DisplayName("un fichero que no existe o no es un .zip da un error en español")
    void unreadable() throws IOException {
        Path missing = folder.resolve("no-existe.zip");
        Path text = Files.writeString(folder.resolve("texto.zip"), "no soy un zip");

        NoSuchFileException absent = assertThrows(NoSuchFileException.class, () -> INSPECTOR.inspect(missing));
        IOException notZip = assertThrows(IOException.class, () -> INSPECTOR.inspect(text));

        assertTrue(absent.getMessage().contains("No existe el paquete '" + missing + "'"), absent.getMessage());
        assertTrue(notZip.getMessage().contains("no es un .zip válido"), notZip.getMessage());
    }

    @Test
    @DisplayName("el informe lista los primeros problemas y cuenta el resto")
    void reportIsBounded() throws IOException {
        Zips zips = Zips.with(CLASS_ENTRY);
        for (int index = 0; index < 15; index++) {
            zips.add("libs/dep" + index + "-1.0.jar", Zips.with("x").bytes());
        }
        Path zip = zips.writeTo(folder.resolve("muchos.zip"));

        String report = LambdaPackageInspector.forHandler(HANDLER).inspect(zip).report();

        assertTrue(report.startsWith("El paquete 'muchos.zip' tiene 15 problemas:"), report);
        assertEquals(1 + PackageInspection.REPORTED_PROBLEMS + 1, report.lines().count(), report);
        assertTrue(report.endsWith("... y 3 más."), report);
    }

    private static PackageProblem single(PackageInspection inspection, Kind kind) {
        List<PackageProblem> problems = inspection.problems(kind);
        assertEquals(1, problems.size(), "se esperaba un problema " + kind + ": " + inspection.report());
        return problems.get(0);
    }
}
