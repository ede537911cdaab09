package dev.lambdaworkbook.checker.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** A SHA-256 over labelled parts: texts, file contents and folder trees, in a stable order. */
public final class Fingerprint {

    private final MessageDigest digest;

    public Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    public Fingerprint add(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
        return this;
    }

    public Fingerprint add(byte[] bytes) {
        add(Integer.toString(bytes.length));
        digest.update(bytes);
        return this;
    }

    /** Adds every regular file under the folder, with its relative path; a missing folder adds a marker. */
    public Fingerprint addTree(Path folder) {
        if (!Files.isDirectory(folder)) {
            return add(Files.isRegularFile(folder) ? "file" : "absent");
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                add(folder.relativize(file).toString().replace('\\', '/'));
                add(Files.readAllBytes(file));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return this;
    }

    /** Adds a file's or folder's content; a jar is identified by path, size and modification time, which is cheap. */
    public Fingerprint addClasspath(List<Path> entries) {
        try {
            for (Path entry : entries) {
                add(entry.toString());
                if (Files.isDirectory(entry)) {
                    addTree(entry);
                } else if (Files.isRegularFile(entry)) {
                    add(Files.size(entry) + "/" + Files.getLastModifiedTime(entry).toMillis());
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
