package dev.lambdaworkbook.checker.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in process with {@code javax.tools}, for the Java release the workbook targets. Each
 * thread keeps one file manager per class path, so the libraries' jars are opened and indexed once per thread and
 * exercise, not once per submission: a file manager drops them whenever its class path is set again.
 */
public final class JavaCompilation {

    /** The {@code maven.compiler.release} of the workbook. */
    public static final String RELEASE = "17";

    /**
     * {@code --release} on a newer JDK; nothing on the release's own JDK, whose API is the same, because there
     * {@code --release} only adds opening the JDK's {@code ct.sym} archive again for every compilation.
     */
    private static final List<String> RELEASE_OPTIONS = Runtime.version().feature() == Integer.parseInt(RELEASE)
            ? List.of() : List.of("--release", RELEASE);

    /**
     * String concatenation as StringBuilder calls, as javac compiled it before Java 9, instead of an invokedynamic
     * call site per concatenation. The text is the same, and the child JVM no longer links each call site at run
     * time, a cost the class data sharing archive cannot spare for classes outside it (tests and submissions).
     */
    private static final String INLINE_STRING_CONCAT = "-XDstringConcat=inline";

    private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();
    private static final ThreadLocal<Map<List<Path>, StandardJavaFileManager>> FILE_MANAGERS =
            ThreadLocal.withInitial(HashMap::new);

    private JavaCompilation() {
    }

    /**
     * The outcome of one compilation.
     *
     * @param errors one line per error, {@code path:line: message}, paths relative to the given base folder
     */
    public record Result(boolean success, List<String> errors) {

        /** Returns the errors as one text, at most {@code max} of them. */
        public String describe(int max) {
            List<String> shown = errors.subList(0, Math.min(max, errors.size()));
            String more = errors.size() > max ? "\n… y " + (errors.size() - max) + " errores más" : "";
            return String.join("\n", shown) + more;
        }
    }

    /**
     * Compiles the sources into {@code output}.
     *
     * @param base the folder error paths are shown relative to
     */
    public static Result compile(List<Path> sources, List<Path> classpath, Path output, Path base) {
        if (COMPILER == null) {
            throw new IllegalStateException("Esta JVM no incluye el compilador de Java: usa un JDK, no un JRE.");
        }
        try {
            Files.createDirectories(output);
            StandardJavaFileManager files = fileManager(classpath);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            List<String> options = new ArrayList<>(RELEASE_OPTIONS);
            options.addAll(List.of("-encoding", "UTF-8", "-proc:none", "-g", "-implicit:none", "-nowarn",
                    "-Xlint:none", INLINE_STRING_CONCAT));
            boolean success = COMPILER.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            return new Result(success, errors(diagnostics, base));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static StandardJavaFileManager fileManager(List<Path> classpath) throws IOException {
        Map<List<Path>, StandardJavaFileManager> managers = FILE_MANAGERS.get();
        StandardJavaFileManager files = managers.get(classpath);
        if (files == null) {
            files = COMPILER.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            managers.put(List.copyOf(classpath), files);
        }
        return files;
    }

    private static List<String> errors(DiagnosticCollector<JavaFileObject> diagnostics, Path base) {
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String where = diagnostic.getSource() == null ? "" : relative(diagnostic.getSource(), base)
                    + ":" + diagnostic.getLineNumber() + ": ";
            errors.add(where + diagnostic.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
        }
        return errors;
    }

    private static String relative(JavaFileObject source, Path base) {
        Path path = Path.of(source.toUri());
        return path.startsWith(base) ? base.relativize(path).toString() : path.getFileName().toString();
    }
}
