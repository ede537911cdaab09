package dev.lambdaworkbook.checker.policy;

import dev.lambdaworkbook.checker.CheckerException;
import dev.lambdaworkbook.checker.workbook.Exercise;
import dev.lambdaworkbook.checker.workbook.Fingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The permissions of every exercise, read from {@code politicas.properties} next to this class: one line per
 * exercise number with the words of its {@link Permission}s. The file ships inside the checker, out of the
 * students' reach. An exercise without a line gets no permission.
 */
public final class Policies {

    static final String RESOURCE = "politicas.properties";

    private final Map<String, Set<Permission>> permissions;
    private final String version;

    private Policies(Map<String, Set<Permission>> permissions, String version) {
        this.permissions = permissions;
        this.version = version;
    }

    /** Reads the policy file shipped with the checker. */
    public static Policies shipped() {
        try (InputStream in = Policies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Falta el recurso " + RESOURCE + " en el jar del corrector");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * Parses a policy file's text.
     *
     * @param source the file's name, for error messages
     * @throws CheckerException naming an unknown permission word
     */
    public static Policies parse(String text, String source) {
        Properties lines = new Properties();
        try {
            lines.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException unreadable) {
            throw new CheckerException("No se puede leer '" + source + "': " + unreadable.getMessage(), unreadable);
        }
        Map<String, Set<Permission>> permissions = new TreeMap<>();
        for (String exercise : lines.stringPropertyNames()) {
            Set<Permission> granted = EnumSet.noneOf(Permission.class);
            for (String word : lines.getProperty(exercise).split(",")) {
                if (!word.isBlank()) {
                    granted.add(Permission.named(word.strip(), source + " (ejercicio " + exercise + ")"));
                }
            }
            permissions.put(exercise.strip(), Set.copyOf(granted));
        }
        return new Policies(Map.copyOf(permissions), new Fingerprint().add(text).hex().substring(0, 16));
    }

    /** Returns a short hash of the policy file: results graded under another policy are graded again. */
    public String version() {
        return version;
    }

    public Set<Permission> permissionsOf(String exercise) {
        return permissions.getOrDefault(exercise, Set.of());
    }

    /** Returns the exercise's policy, with the variables declared in the instructor's copy of its template. */
    public ExercisePolicy forExercise(Exercise exercise) {
        Set<String> environment = exercise.config().environment().keySet();
        String handler = exercise.config().handlerClass();
        String codePackage = handler.contains(".") ? handler.substring(0, handler.lastIndexOf('.')) : "";
        return new ExercisePolicy(exercise.id(), codePackage, permissionsOf(exercise.id()), environment);
    }
}
