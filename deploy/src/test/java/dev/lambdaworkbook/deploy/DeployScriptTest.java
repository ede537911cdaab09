package dev.lambdaworkbook.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.deploy.fake.FakeAws;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("El script deploy.java de la raíz")
class DeployScriptTest {

    private static final Path ROOT = Workbook.repositoryRoot();
    private static final Path SCRIPT = ROOT.resolve("deploy.java");
    /** The root pom property that pins each versioned //DEPS of the script. */
    private static final Map<String, String> VERSION_PROPERTIES = Map.of(
            "software.amazon.awssdk:bom", "awssdk.version",
            "com.fasterxml.jackson:jackson-bom", "jackson.version",
            "org.yaml:snakeyaml", "snakeyaml.version",
            "com.cronutils:cron-utils", "cron-utils.version",
            "org.slf4j:slf4j-nop", "slf4j.version");

    @Test
    @DisplayName("sus //DEPS usan las versiones del pom.xml raíz")
    void dependencyVersionsMatchPom() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);

        List<String> versioned = directives("DEPS").stream().filter(dependency -> dependency.split(":").length >= 3)
                .toList();

        assertEquals(VERSION_PROPERTIES.keySet(), Set.copyOf(versioned.stream()
                .map(dependency -> dependency.substring(0, dependency.lastIndexOf(':'))).toList()),
                "Cada //DEPS con versión debe tener su propiedad en VERSION_PROPERTIES");
        for (String dependency : versioned) {
            String coordinates = dependency.substring(0, dependency.lastIndexOf(':'));
            String version = dependency.substring(dependency.lastIndexOf(':') + 1).replace("@pom", "");
            String property = VERSION_PROPERTIES.get(coordinates);
            Matcher pinned = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(pom);
            assertTrue(pinned.find(), "El pom.xml raíz no define <" + property + ">");
            assertEquals(pinned.group(1), version, "deploy.java usa " + coordinates + ":" + version
                    + " y el pom.xml raíz fija " + property + "=" + pinned.group(1) + ". Actualiza deploy.java.");
        }
    }

    @Test
    @DisplayName("declara cada módulo del SDK que usa el módulo deploy")
    void declaresEverySdkModule() throws IOException {
        String pom = Files.readString(ROOT.resolve("deploy/pom.xml"), StandardCharsets.UTF_8);
        Matcher modules = Pattern.compile("<groupId>software\\.amazon\\.awssdk</groupId>\\s*<artifactId>([^<]+)<")
                .matcher(pom);
        List<String> declared = directives("DEPS");

        List<String> missing = new ArrayList<>();
        while (modules.find()) {
            if (!declared.contains("software.amazon.awssdk:" + modules.group(1))) {
                missing.add(modules.group(1));
            }
        }

        assertEquals(List.of(), missing, "Faltan estos módulos del SDK en los //DEPS de deploy.java");
    }

    @Test
    @DisplayName("sus //SOURCES incluyen cada clase del kit que importa el código de deploy")
    void sourcesCoverKitImports() throws IOException {
        List<PathMatcher> sources = directives("SOURCES").stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        Set<String> kitImports = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("deploy/src/main/java"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher imports = Pattern.compile("import (dev\\.lambdaworkbook\\.kit\\.[\\w.]+);")
                        .matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (imports.find()) {
                    kitImports.add(imports.group(1));
                }
            }
        }

        List<String> uncovered = kitImports.stream()
                .map(name -> "kit/core/src/main/java/" + name.replace('.', '/') + ".java")
                .filter(path -> sources.stream().noneMatch(source -> source.matches(Path.of(path))))
                .toList();

        assertFalse(kitImports.isEmpty());
        assertEquals(List.of(), uncovered, "Añade estas clases del kit a los //SOURCES de deploy.java");
    }

    /**
     * Builds the script with the ./jbang wrapper and runs a plan against the fake. Slow (it may download jbang and
     * compile everything), so it runs with the verificar profile, which sets workbook.jbang.
     */
    @Test
    @EnabledIfSystemProperty(named = "workbook.jbang", matches = "true")
    @DisplayName("./jbang compila deploy.java y su --plan contra el falso de AWS no escribe nada")
    void buildsAndPlansThroughJbang(@TempDir Path folder) throws Exception {
        ProcessResult build = jbang(ROOT, List.of("build", SCRIPT.toString()), Map.of());
        assertEquals(0, build.exitCode(), "./jbang build deploy.java ha fallado:\n" + build.output());

        try (FakeAws fake = new FakeAws()) {
            new Workbook(folder, fake).exercise("07", Templates.API, Templates.API_HANDLER);

            ProcessResult plan = jbang(folder, List.of(SCRIPT.toString(), "07", "--plan", "--sin-compilar",
                    "--region", "eu-west-1", "--prefijo", "ci", "--endpoint-url", fake.endpoint().toString()),
                    Map.of("AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKEFAKE", "AWS_SECRET_ACCESS_KEY", "falsa",
                            "AWS_EC2_METADATA_DISABLED", "true",
                            "AWS_CONFIG_FILE", folder.resolve("sin-config").toString(),
                            "AWS_SHARED_CREDENTIALS_FILE", folder.resolve("sin-credenciales").toString()));

            assertEquals(0, plan.exitCode(), plan.output());
            assertTrue(plan.output().contains("+ crear      función 'ci-suma'"), plan.output());
            assertEquals(List.of(), fake.writes(), "El plan no debía escribir nada");
        }
    }

    private record ProcessResult(int exitCode, String output) {
    }

    private static ProcessResult jbang(Path directory, List<String> arguments, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("jbang").toString()));
        command.addAll(arguments);
        Path log = Files.createTempFile("jbang", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(finished, "jbang no terminó en 10 minutos:\n" + output);
        return new ProcessResult(process.exitValue(), output);
    }

    private static List<String> directives(String name) throws IOException {
        List<String> values = new ArrayList<>();
        for (String line : Files.readAllLines(SCRIPT, StandardCharsets.UTF_8)) {
            if (line.startsWith("//" + name + " ")) {
                values.addAll(List.of(line.substring(name.length() + 3).trim().split("\\s+")));
            }
        }
        assertNotNull(values);
        return values;
    }
}
