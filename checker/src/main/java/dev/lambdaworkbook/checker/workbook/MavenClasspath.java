package dev.lambdaworkbook.checker.workbook;

import dev.lambdaworkbook.checker.CheckerException;
import dev.lambdaworkbook.checker.grade.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Resolves every exercise's test class path with one Maven run over the reactor ({@code compile
 * dependency:build-classpath -am}) and its runtime class path with a second one, and caches both under a fingerprint
 * of the build files and of the kit's and events' sources, so later runs start without Maven.
 */
public final class MavenClasspath implements ClasspathSource {

    private static final String OUTPUT = "target/checker-classpath.txt";
    private static final String RUNTIME_OUTPUT = "target/checker-runtime-classpath.txt";
    private static final String RUNTIME_SUFFIX = ".runtime";
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private final Workbook workbook;
    private final Path cache;
    private final Consumer<String> log;
    private Map<String, List<Path>> resolved;

    public MavenClasspath(Workbook workbook, Path cache, Consumer<String> log) {
        this.workbook = workbook;
        this.cache = cache;
        this.log = log;
    }

    @Override
    public synchronized List<Path> testClasspath(Exercise exercise) {
        return resolved(exercise.id());
    }

    @Override
    public synchronized List<Path> runtimeClasspath(Exercise exercise) {
        return resolved(exercise.id() + RUNTIME_SUFFIX);
    }

    private List<Path> resolved(String key) {
        if (resolved == null) {
            resolved = resolveAll();
        }
        String id = key.replace(RUNTIME_SUFFIX, "");
        List<Path> classpath = resolved.get(key);
        if (classpath == null) {
            throw new CheckerException("El ejercicio " + id + " no está en el reactor de Maven: añade "
                    + "<module>" + id + "</module> a solutions/pom.xml.");
        }
        return classpath;
    }

    private Map<String, List<Path>> resolveAll() {
        Map<String, String> modules = modules();
        Path saved = cache.resolve("classpath-3-" + fingerprint(modules).substring(0, 16) + ".properties");
        try {
            if (!Files.isRegularFile(saved)) {
                runMaven(modules);
                save(saved, modules);
            }
            return load(saved);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Returns, per exercise, the reactor module that tests it: its solution, or the exercise when none exists. */
    private Map<String, String> modules() {
        List<String> solutions = listedModules(workbook.root().resolve("solutions/pom.xml"));
        List<String> exercises = listedModules(workbook.root().resolve("exercises/pom.xml"));
        Map<String, String> modules = new LinkedHashMap<>();
        for (Exercise exercise : workbook.exercises()) {
            if (solutions.contains(exercise.id())) {
                modules.put(exercise.id(), "solutions/" + exercise.id());
            } else if (exercises.contains(exercise.id())) {
                modules.put(exercise.id(), "exercises/" + exercise.id());
            }
        }
        return modules;
    }

    private static List<String> listedModules(Path pom) {
        if (!Files.isRegularFile(pom)) {
            return List.of();
        }
        try {
            String text = Files.readString(pom).replaceAll("(?s)<!--.*?-->", "");
            List<String> modules = new ArrayList<>();
            Matcher matcher = MODULE.matcher(text);
            while (matcher.find()) {
                modules.add(matcher.group(1).strip());
            }
            return modules;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private String fingerprint(Map<String, String> modules) {
        Fingerprint fingerprint = new Fingerprint().add(modules.toString());
        Path root = workbook.root();
        try (Stream<Path> poms = Files.walk(root, 3)) {
            poms.filter(path -> path.getFileName().toString().equals("pom.xml"))
                    .filter(path -> !root.relativize(path).toString().contains("target"))
                    .sorted().forEach(fingerprint::addTree);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        for (String shared : List.of("kit/core/src/main", "kit/services/src/main", "events/src/main")) {
            fingerprint.addTree(root.resolve(shared));
        }
        return fingerprint.hex();
    }

    private void runMaven(Map<String, String> modules) throws IOException {
        if (modules.isEmpty()) {
            return;
        }
        Path logFile = cache.resolve("maven-classpath.log");
        Files.createDirectories(cache);
        Files.deleteIfExists(logFile);
        List<String> command = new ArrayList<>(List.of(workbook.root().resolve("mvnw").toString(), "-B", "-q",
                "compile", "dependency:build-classpath", "-DincludeScope=test", "-Dmdep.outputFile=" + OUTPUT,
                "-am", "-pl", String.join(",", modules.values())));
        log.accept("Resolviendo con Maven las dependencias de " + modules.size() + " ejercicios (se guarda para las "
                + "siguientes veces)…");
        run(command, logFile);
        run(List.of(workbook.root().resolve("mvnw").toString(), "-B", "-q", "dependency:build-classpath",
                "-DincludeScope=runtime", "-Dmdep.outputFile=" + RUNTIME_OUTPUT, "-pl",
                String.join(",", modules.values())), logFile);
    }

    private void run(List<String> command, Path logFile) throws IOException {
        Process maven = new ProcessBuilder(command).directory(workbook.root().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        try {
            if (maven.waitFor() != 0) {
                throw new CheckerException("Maven no pudo resolver las dependencias de los ejercicios (orden: "
                        + String.join(" ", command) + "). Revisa su salida en '" + logFile + "'.");
            }
        } catch (InterruptedException interrupted) {
            maven.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CheckerException("Se interrumpió Maven mientras resolvía las dependencias.", interrupted);
        }
    }

    private void save(Path saved, Map<String, String> modules) throws IOException {
        Properties properties = new Properties();
        for (Map.Entry<String, String> module : modules.entrySet()) {
            Path folder = workbook.root().resolve(module.getValue());
            properties.setProperty(module.getKey(), Files.readString(folder.resolve(OUTPUT), StandardCharsets.UTF_8)
                    .strip());
            properties.setProperty(module.getKey() + RUNTIME_SUFFIX, Files.readString(folder.resolve(RUNTIME_OUTPUT),
                    StandardCharsets.UTF_8).strip());
        }
        AtomicFiles.write(saved, out -> properties.store(out, "Classpath de pruebas por ejercicio"));
    }

    private static Map<String, List<Path>> load(Path saved) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(saved)) {
            properties.load(in);
        }
        Map<String, List<Path>> classpaths = new LinkedHashMap<>();
        for (String id : properties.stringPropertyNames()) {
            String value = properties.getProperty(id);
            classpaths.put(id, value.isEmpty() ? List.of() : Arrays.stream(value.split(java.io.File.pathSeparator))
                    .map(Path::of).toList());
        }
        return classpaths;
    }
}
