package dev.lambdaworkbook.checker.compile;

import dev.lambdaworkbook.checker.CheckerException;
import dev.lambdaworkbook.checker.workbook.ClasspathSource;
import dev.lambdaworkbook.checker.workbook.Exercise;
import dev.lambdaworkbook.checker.workbook.Fingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** Compiles each exercise's tests once and keeps them in a cache folder named after their fingerprint. */
public final class SuiteBuilder {

    /** Changes whenever the layout of a cached suite changes. */
    private static final String FORMAT = "suite-1";
    private static final String HARNESS_PACKAGE = "dev/lambdaworkbook/checker/run/child";
    /** The checker's settings for an exercise, kept with its solution: the build outputs its suite reads. */
    public static final String BUILD_FILE = "corrector.properties";

    private final ClasspathSource classpaths;
    private final Path cache;

    public SuiteBuilder(ClasspathSource classpaths, Path cache) {
        this.classpaths = classpaths;
        this.cache = cache;
    }

    public Suite build(Exercise exercise) {
        if (!exercise.hasReference()) {
            throw new CheckerException("El ejercicio " + exercise.id() + " no tiene solución de referencia en '"
                    + exercise.referenceSources() + "': sin ella no hay pruebas ocultas ni plan de pruebas.");
        }
        try {
            List<Path> libraries = jarred(classpaths.testClasspath(exercise));
            List<Path> runtime = classpaths.runtimeClasspath(exercise);
            String fingerprint = fingerprint(exercise, libraries, runtime);
            Path folder = cache.resolve("suites").resolve(exercise.id() + "-" + fingerprint.substring(0, 16));
            if (!Files.isRegularFile(folder.resolve("suite.properties"))) {
                compileInto(exercise, libraries, folder);
            }
            return load(exercise, fingerprint, libraries, folder, runtime);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private String fingerprint(Exercise exercise, List<Path> libraries, List<Path> runtime) {
        Fingerprint fingerprint = new Fingerprint().add(FORMAT).add(exercise.id()).add(JavaCompilation.RELEASE);
        for (Path part : List.of(exercise.visibleTests(), exercise.hiddenTests(), exercise.referenceSources(),
                exercise.folder().resolve("src/test/resources"), exercise.solution().resolve("src/test/resources"),
                exercise.folder().resolve("src/main/resources"), exercise.folder().resolve("template.yaml"),
                exercise.referenceTemplate())) {
            fingerprint.addTree(part);
        }
        fingerprint.add(exercise.studentFiles().toString()).addTree(exercise.solution().resolve(BUILD_FILE));
        return fingerprint.addClasspath(libraries).add(runtime.toString()).addClasspath(checkerCode()).hex();
    }

    private void compileInto(Exercise exercise, List<Path> libraries, Path folder) throws IOException {
        Files.createDirectories(folder.getParent());
        Path work = Files.createTempDirectory(folder.getParent(), "." + exercise.id() + "-");
        Path reference = work.resolve("reference");
        JavaCompilation.Result compiled = JavaCompilation.compile(javaFiles(exercise.referenceSources()), libraries,
                reference, exercise.solution());
        if (!compiled.success()) {
            throw new CheckerException("La solución de referencia del ejercicio " + exercise.id()
                    + " no compila:\n" + compiled.describe(10));
        }
        Path testClasses = work.resolve("test-classes");
        List<Path> classpath = new ArrayList<>(libraries);
        classpath.add(reference);
        List<Path> sources = new ArrayList<>(javaFiles(exercise.visibleTests()));
        sources.addAll(javaFiles(exercise.hiddenTests()));
        compiled = JavaCompilation.compile(sources, classpath, testClasses, exercise.folder().getParent().getParent());
        if (!compiled.success()) {
            throw new CheckerException("Las pruebas del ejercicio " + exercise.id()
                    + " no compilan contra la solución de referencia:\n" + compiled.describe(10));
        }
        List<Path> contents = new ArrayList<>(List.of(testClasses, exercise.folder().resolve("src/test/resources"),
                exercise.solution().resolve("src/test/resources")));
        if (!exercise.studentOwns("src/main/resources")) {
            contents.add(exercise.folder().resolve("src/main/resources"));
        }
        Jars.write(work.resolve("tests.jar"), contents);

        Properties properties = new Properties();
        properties.setProperty("testClasses", String.join(",", testClassNames(testClasses)));
        properties.setProperty("hiddenClasses", String.join(",", classNames(exercise.hiddenTests())));
        try (var out = Files.newOutputStream(work.resolve("suite.properties"))) {
            properties.store(out, "Pruebas compiladas del ejercicio " + exercise.id());
        }
        try {
            Files.move(work, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException alreadyBuilt) {
            if (!Files.isRegularFile(folder.resolve("suite.properties"))) {
                throw alreadyBuilt;
            }
        }
    }

    private static Suite load(Exercise exercise, String fingerprint, List<Path> libraries, Path folder,
            List<Path> runtime) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(folder.resolve("suite.properties"))) {
            properties.load(in);
        }
        return new Suite(exercise, fingerprint, libraries, folder.resolve("tests.jar"), folder.resolve("reference"),
                split(properties.getProperty("testClasses")), new LinkedHashSet<>(
                        split(properties.getProperty("hiddenClasses"))), folder, runtime);
    }

    /** Replaces class folders on the class path by jars of their content, named by a hash of it. */
    private List<Path> jarred(List<Path> classpath) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (Path entry : classpath) {
            if (Files.isDirectory(entry)) {
                String hash = new Fingerprint().addTree(entry).hex().substring(0, 16);
                String name = entry.getParent().getParent().getFileName() + "-" + hash + ".jar";
                Path jar = cache.resolve("jars").resolve(name);
                if (!Files.isRegularFile(jar)) {
                    Jars.write(jar, List.of(entry));
                }
                jars.add(jar);
            } else if (Files.isRegularFile(entry)) {
                jars.add(entry);
            }
        }
        return jars;
    }

    /** Returns the checker's own classes: a new build of the checker re-runs references and submissions. */
    private static List<Path> checkerCode() {
        try {
            return List.of(Path.of(SuiteBuilder.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Returns the jar of the harness classes that run inside the child JVM, written once per checker build. */
    public Path harnessJar() {
        try {
            Path source = Path.of(SuiteBuilder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source)) {
                return harnessJarFrom(source);
            }
            try (FileSystem jar = FileSystems.newFileSystem(source)) {
                return harnessJarFrom(jar.getPath("/"));
            }
        } catch (IOException | URISyntaxException failure) {
            throw new IllegalStateException("No se pudo preparar el jar del arnés de pruebas", failure);
        }
    }

    private Path harnessJarFrom(Path classes) throws IOException {
        Path copy = Files.createTempDirectory("arnes");
        try {
            Path from = classes.resolve(HARNESS_PACKAGE);
            Path to = Files.createDirectories(copy.resolve(HARNESS_PACKAGE));
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(file.getFileName().toString()));
                }
            }
            String hash = new Fingerprint().addTree(copy).hex().substring(0, 16);
            Path jar = cache.resolve("jars").resolve("harness-" + hash + ".jar");
            if (!Files.isRegularFile(jar)) {
                Jars.write(jar, List.of(copy));
            }
            return jar;
        } finally {
            deleteTree(copy);
        }
    }

    static List<Path> javaFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(path -> path.toString().endsWith(".java") && Files.isRegularFile(path)).sorted()
                    .toList();
        }
    }

    /** Returns the top-level classes Surefire would run by default: Test*, *Test, *Tests, *TestCase. */
    private static List<String> testClassNames(Path classes) throws IOException {
        try (Stream<Path> walk = Files.walk(classes)) {
            return walk.map(path -> classes.relativize(path).toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .filter(SuiteBuilder::isTestClassName).sorted().toList();
        }
    }

    private static boolean isTestClassName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.startsWith("Test") || simple.endsWith("Test") || simple.endsWith("Tests")
                || simple.endsWith("TestCase");
    }

    private static List<String> classNames(Path sources) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path file : javaFiles(sources)) {
            String relative = sources.relativize(file).toString();
            names.add(relative.substring(0, relative.length() - ".java".length()).replace('/', '.'));
        }
        return names;
    }

    private static List<String> split(String value) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
