package dev.lambdaworkbook.packaging;

import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.zip.LambdaPackageInspector;
import dev.lambdaworkbook.kit.zip.PackageInspection;
import dev.lambdaworkbook.kit.zip.PackageProblem;
import dev.lambdaworkbook.kit.zip.UnpackedPackage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The package the build made from the student's assembly descriptor, as the graded suite reads it. Files are read in
 * the module folder under test ({@link FunctionConfig#moduleFolder()}), which need not be the working directory.
 * Messages name them relative to that folder, as template.yaml and the build do: {@code target/resumen-precios.zip}.
 */
final class LambdaPackage {

    /** Written by maven-dependency-plugin before the tests: the runtime dependencies, one path per entry. */
    static final Path RUNTIME_CLASSPATH = Path.of("target", "runtime-classpath.txt");

    /** Problems shown in a failure message; a wrong scope or folder repeats one problem for every .jar. */
    static final int SHOWN_PROBLEMS = 6;

    private LambdaPackage() {
    }

    static FunctionConfig config() {
        return FunctionConfig.ofThisExercise();
    }

    /** Returns the package as CodeUri names it, relative to the module folder: the path messages show. */
    static Path codeUri() {
        return Path.of(config().codeUri());
    }

    /** Returns the .zip named by CodeUri, failing with the command that builds it when it is missing. */
    static Path zip() {
        Path codeUri = codeUri();
        Path zip = FunctionConfig.modulePath(codeUri.toString());
        Expect.that(Files.isRegularFile(zip), () -> "No existe '" + codeUri + "', el paquete que indica CodeUri en "
                + "template.yaml. ./mvnw test -pl exercises/04 lo construye antes de las pruebas; si las lanzas desde "
                + "el IDE, ejecuta antes ./mvnw package -pl exercises/04 -DskipTests.");
        return zip;
    }

    /** Unzips the package into a folder as Lambda does. An error names the .zip as CodeUri does. */
    static UnpackedPackage unpack(Path folder) throws IOException {
        Path zip = zip();
        try {
            return UnpackedPackage.extract(zip, folder);
        } catch (IOException failed) {
            throw withCodeUri(failed, zip);
        }
    }

    /** Returns the file names of the runtime dependencies, such as commons-csv-1.14.1.jar. */
    static List<String> runtimeLibraries() throws IOException {
        Path runtimeClasspath = FunctionConfig.modulePath(RUNTIME_CLASSPATH.toString());
        Expect.that(Files.isRegularFile(runtimeClasspath), () -> "No existe '" + RUNTIME_CLASSPATH + "'. Ejecuta "
                + "las pruebas con ./mvnw test -pl exercises/04, que lo genera.");
        String classpath = Files.readString(runtimeClasspath).strip();
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).getFileName().toString()).sorted().toList();
    }

    static PackageInspection inspect() throws IOException {
        LambdaPackageInspector inspector = LambdaPackageInspector.forHandler(config().handler())
                .expectingLibraries(runtimeLibraries());
        Path zip = zip();
        try {
            return inspector.inspect(zip);
        } catch (IOException failed) {
            throw withCodeUri(failed, zip);
        }
    }

    /** Returns the error with the .zip named as in CodeUri, instead of by its path in the module folder. */
    private static IOException withCodeUri(IOException failed, Path zip) {
        String message = String.valueOf(failed.getMessage());
        String codeUri = codeUri().toString();
        if (zip.toString().equals(codeUri) || !message.contains(zip.toString())) {
            return failed;
        }
        return new IOException(message.replace(zip.toString(), codeUri), failed);
    }

    /** Fails with the first problems of these kinds and the hint, unless there is none. */
    static void expectNo(PackageInspection inspection, Set<PackageProblem.Kind> kinds, String hint) {
        List<PackageProblem> problems = inspection.problems().stream()
                .filter(problem -> kinds.contains(problem.kind())).toList();
        Expect.that(problems.isEmpty(), () -> "Problemas en '" + codeUri() + "':" + problems.stream()
                .limit(SHOWN_PROBLEMS).map(problem -> System.lineSeparator() + "  - " + problem.message())
                .collect(Collectors.joining()) + (problems.size() > SHOWN_PROBLEMS ? System.lineSeparator()
                + "  ... y " + (problems.size() - SHOWN_PROBLEMS) + " más." : "") + System.lineSeparator() + hint);
    }
}
