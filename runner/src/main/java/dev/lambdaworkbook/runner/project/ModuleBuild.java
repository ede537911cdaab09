package dev.lambdaworkbook.runner.project;

import dev.lambdaworkbook.runner.ExitCode;
import dev.lambdaworkbook.runner.RunnerException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Compiles an exercise or solution module with the workbook's Maven Wrapper when its sources changed, and records
 * its runtime classpath. An up-to-date module costs only a look at file dates, so warm starts stay fast.
 */
public final class ModuleBuild {

    static final String CLASSPATH_FILE = "target/lambda-local/runtime-classpath.txt";
    private static final long BUILD_LIMIT_MINUTES = 10;

    private final Workspace workspace;
    private final PrintStream diagnostics;

    public ModuleBuild(Workspace workspace, PrintStream diagnostics) {
        this.workspace = workspace;
        this.diagnostics = diagnostics;
    }

    /**
     * Returns the module's compiled classes followed by its runtime dependencies, compiling first when needed.
     *
     * @param sources the folders and files whose changes require a new build
     */
    public List<Path> classpath(Path module, List<Path> sources) {
        Path classes = module.resolve("target/classes");
        Path classpathFile = module.resolve(CLASSPATH_FILE);
        if (!Files.exists(classpathFile) || !Files.isDirectory(classes)
                || newest(sources).compareTo(modified(classpathFile)) > 0) {
            compile(module);
        }
        List<Path> entries = new ArrayList<>();
        entries.add(classes);
        try {
            for (String entry : Files.readString(classpathFile, StandardCharsets.UTF_8).trim().split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry));
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return entries;
    }

    /**
     * Compiles the module and dates its classpath file at the build's start. Maven leaves that file untouched when
     * its content did not change, and a source saved during the build must still count as newer.
     */
    private void compile(Path module) {
        FileTime started = FileTime.from(java.time.Instant.now());
        String relative = workspace.root().relativize(module).toString().replace(File.separatorChar, '/');
        diagnostics.println("lambda-local: compilando " + relative + " con Maven (solo tras un cambio; puede tardar "
                + "unos segundos)...");
        List<String> command = new ArrayList<>(List.of(wrapper().toString(), "-q", "-B", "-pl", relative,
                "compile", "dependency:build-classpath",
                "-Dmdep.outputFile=" + CLASSPATH_FILE, "-DincludeScope=runtime"));
        Path output;
        try {
            output = Files.createTempFile("lambda-local-maven-", ".log");
        } catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        }
        try {
            Process maven = new ProcessBuilder(command).directory(workspace.root().toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!maven.waitFor(BUILD_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                maven.destroyForcibly();
                throw new RunnerException(ExitCode.BUILD, "Maven no terminó de compilar " + relative + " en "
                        + BUILD_LIMIT_MINUTES + " minutos. Prueba a mano: " + String.join(" ", command));
            }
            if (maven.exitValue() != 0) {
                diagnostics.print(Files.readString(output, StandardCharsets.UTF_8));
                throw new RunnerException(ExitCode.BUILD, "No compila " + relative + ". Corrige los errores que "
                        + "muestra Maven arriba y vuelve a intentarlo.");
            }
            Files.setLastModifiedTime(module.resolve(CLASSPATH_FILE), started);
        } catch (IOException failed) {
            throw new RunnerException(ExitCode.BUILD, "No se puede ejecutar '" + command.get(0) + "': "
                    + failed.getMessage(), failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new RunnerException(ExitCode.BUILD, "Compilación interrumpida.", interrupted);
        } finally {
            output.toFile().delete();
        }
    }

    private Path wrapper() {
        boolean windows = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        return workspace.root().resolve(windows ? "mvnw.cmd" : "mvnw");
    }

    /** Returns the newest modification time among the given files and everything under the given folders. */
    static FileTime newest(List<Path> sources) {
        FileTime newest = FileTime.fromMillis(0);
        for (Path source : sources) {
            if (!Files.exists(source)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    FileTime time = modified(file);
                    if (time.compareTo(newest) > 0) {
                        newest = time;
                    }
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        return newest;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException missing) {
            return FileTime.fromMillis(0);
        }
    }
}
