package dev.lambdaworkbook.checker.policy;

import dev.lambdaworkbook.checker.CheckerException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What an exercise's policy may allow beyond the default, with the word the policy file uses for it. */
public enum Permission {
    /** The JDK's HTTP client, {@code java.net.http}. */
    HTTP("http"),
    /** The AWS SDK for Java 2.x, {@code software.amazon.awssdk}, except reading profiles from disk. */
    S3("s3"),
    /** File system APIs, with every absolute path written in the code under {@code /tmp}, as in Lambda. */
    TMP_FILES("ficheros-tmp"),
    /** Reading resources from the class path, where the exercise's tests also are. */
    RESOURCES("recursos");

    private final String word;

    Permission(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /**
     * Returns the permission the word names.
     *
     * @throws CheckerException naming the unknown word and the known ones
     */
    public static Permission named(String word, String where) {
        for (Permission permission : values()) {
            if (permission.word.equals(word)) {
                return permission;
            }
        }
        String known = Arrays.stream(values()).map(Permission::word).collect(Collectors.joining(", "));
        throw new CheckerException("Permiso desconocido '" + word + "' en " + where + ". Permisos válidos: " + known
                + ".");
    }
}
