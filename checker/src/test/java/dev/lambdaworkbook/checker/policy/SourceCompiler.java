package dev.lambdaworkbook.checker.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles small Java sources for the scanner tests, with line numbers, as the checker compiles submissions. */
final class SourceCompiler {

    private SourceCompiler() {
    }

    /**
     * Compiles the sources, keyed by class name, into {@code folder/classes} and returns that folder.
     *
     * @throws AssertionError with the compiler's output when they do not compile
     */
    static Path compile(Path folder, Map<String, String> sources) throws IOException {
        return compile(folder, sources, "17", null, null);
    }

    /** Compiles against other compiled classes, such as stubs of a library, besides the test class path. */
    static Path compile(Path folder, Map<String, String> sources, Path library) throws IOException {
        return compile(folder, sources, "17", null, library);
    }

    /** Compiles with the given release, and with the {@code javac} of another JDK when {@code javaHome} is set. */
    static Path compile(Path folder, Map<String, String> sources, String release, Path javaHome)
            throws IOException {
        return compile(folder, sources, release, javaHome, null);
    }

    private static Path compile(Path folder, Map<String, String> sources, String release, Path javaHome,
            Path library) throws IOException {
        Path sourceFolder = folder.resolve("src");
        Path classes = Files.createDirectories(folder.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("--release", release, "-g", "-encoding", "UTF-8",
                "-proc:none", "-d", classes.toString(), "-cp", classpath(library)));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceFolder.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            arguments.add(file.toString());
        }
        if (javaHome == null) {
            compileInProcess(arguments);
        } else {
            compileWith(javaHome, arguments);
        }
        return classes;
    }

    private static String classpath(Path library) {
        String testClasspath = System.getProperty("java.class.path");
        return library == null ? testClasspath : library + java.io.File.pathSeparator + testClasspath;
    }

    private static void compileInProcess(List<String> arguments) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        if (compiler.run(null, output, output, arguments.toArray(String[]::new)) != 0) {
            throw new AssertionError("Las fuentes de la prueba no compilan:\n"
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static void compileWith(Path javaHome, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/javac").toString());
        command.addAll(arguments);
        Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (javac.waitFor() != 0) {
                throw new AssertionError("Las fuentes de la prueba no compilan con " + javaHome + ":\n" + output);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Se interrumpió javac", interrupted);
        }
    }
}
