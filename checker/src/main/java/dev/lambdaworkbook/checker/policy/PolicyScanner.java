package dev.lambdaworkbook.checker.policy;

import dev.lambdaworkbook.checker.scan.SubmissionScanner;
import dev.lambdaworkbook.checker.scan.Violation;
import dev.lambdaworkbook.checker.workbook.Exercise;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The static checks before a submission runs: every class compiled from it is read with ASM and checked against
 * its exercise's {@link ExercisePolicy}. Reading bytecode, not source, also catches what the source hides, such as
 * method references ({@code System::exit}) and calls written through lambdas.
 */
public final class PolicyScanner implements SubmissionScanner {

    /** Changes whenever the rules change, so that saved results are graded again. */
    static final String RULES_VERSION = "reglas-1";

    private final Policies policies;

    public PolicyScanner(Policies policies) {
        this.policies = policies;
    }

    /** Returns a scanner with the policies shipped in the checker. */
    public static PolicyScanner shipped() {
        return new PolicyScanner(Policies.shipped());
    }

    @Override
    public List<Violation> scan(Exercise exercise, Path classes) {
        return scan(policies.forExercise(exercise), classes);
    }

    /** Returns the violations of every class under the folder, by class name, each class's in bytecode order. */
    public List<Violation> scan(ExercisePolicy policy, Path classes) {
        Map<String, byte[]> classFiles = read(classes);
        List<Violation> violations = new ArrayList<>();
        classFiles.forEach((name, bytes) -> violations.addAll(inspect(name, bytes, policy, classFiles)));
        return List.copyOf(violations);
    }

    @Override
    public String policy() {
        return "asm-" + RULES_VERSION + "-" + policies.version();
    }

    private static List<Violation> inspect(String name, byte[] bytes, ExercisePolicy policy,
            Map<String, byte[]> classFiles) {
        try {
            return ClassInspector.inspect(bytes, policy, classFiles.keySet());
        } catch (RuntimeException unreadable) {
            // ASM rejects class files newer than it knows or malformed ones; such a class is not run unchecked.
            return List.of(new Violation(name.replace('/', '.'), null, 0, "no se pudo analizar la clase compilada ("
                    + unreadable + "): el corrector no ejecuta código que no ha revisado"));
        }
    }

    /** Reads the class files under the folder, keyed by internal name, in name order. */
    private static Map<String, byte[]> read(Path classes) {
        Map<String, byte[]> classFiles = new LinkedHashMap<>();
        if (!Files.isDirectory(classes)) {
            return classFiles;
        }
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(path -> path.toString().endsWith(".class")).sorted().toList()) {
                String relative = classes.relativize(file).toString().replace('\\', '/');
                classFiles.put(relative.substring(0, relative.length() - ".class".length()), Files.readAllBytes(file));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return classFiles;
    }
}
