package dev.lambdaworkbook.checker.build;

import dev.lambdaworkbook.checker.compile.Suite;
import dev.lambdaworkbook.checker.compile.SuiteBuilder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Makes the files an exercise's suite reads from {@code target/}, which {@code ./mvnw test} would have built
 * before the tests, without running Maven per submission. They are declared in the solution's
 * {@code corrector.properties}:
 * <ul>
 *   <li>{@code classpath-runtime}: the runtime dependencies, one path per entry, as maven-dependency-plugin's
 *       {@code build-classpath} writes them;
 *   <li>{@code zip} and {@code zip.descriptor}: the package maven-assembly-plugin builds with the student's
 *       descriptor, made by {@link AssemblyZip}.
 * </ul>
 */
public final class BuildOutputs {

    private BuildOutputs() {
    }

    /**
     * Writes the declared outputs into the working copy.
     *
     * @param classes the classes compiled from the submission
     * @throws BuildException when the student's descriptor cannot be built
     */
    public static void write(Suite suite, Path copy, Path classes) throws BuildException, IOException {
        Path file = suite.exercise().solution().resolve(SuiteBuilder.BUILD_FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            settings.load(in);
        }
        String classpath = settings.getProperty("classpath-runtime");
        if (classpath != null) {
            Path target = copy.resolve(classpath);
            Files.createDirectories(target.getParent());
            Files.writeString(target, suite.runtimeLibraries().stream().map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator)));
        }
        String zip = settings.getProperty("zip");
        if (zip != null) {
            Path descriptor = copy.resolve(settings.getProperty("zip.descriptor", "src/assembly/zip.xml"));
            String baseName = "exercise-" + suite.exercise().id() + "-1.0.0-SNAPSHOT";
            AssemblyZip.Project project = new AssemblyZip.Project(copy, baseName,
                    List.of(classes, copy.resolve("src/main/resources")), suite.runtimeLibraries(),
                    suite.libraries());
            AssemblyZip.build(descriptor, project, copy.resolve(zip));
        }
    }
}
