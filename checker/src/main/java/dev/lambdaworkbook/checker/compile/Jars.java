package dev.lambdaworkbook.checker.compile;

import dev.lambdaworkbook.checker.grade.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Writes folders into jars, with entries in a stable order and a fixed time, so equal content gives equal jars. */
public final class Jars {

    private static final FileTime FIXED_TIME = FileTime.fromMillis(315532800000L);

    private Jars() {
    }

    /** Writes the files of the folders into one jar, the first folder winning on a repeated path. */
    public static void write(Path jar, List<Path> folders) throws IOException {
        AtomicFiles.write(jar, out -> {
            try (JarOutputStream stream = new JarOutputStream(out)) {
                Set<String> written = new HashSet<>();
                for (Path folder : folders) {
                    if (Files.isDirectory(folder)) {
                        addFolder(stream, folder, written);
                    }
                }
            }
        });
    }

    private static void addFolder(JarOutputStream stream, Path folder, Set<String> written)
            throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = folder.relativize(file).toString().replace('\\', '/');
            if (!written.add(name)) {
                continue;
            }
            JarEntry entry = new JarEntry(name);
            entry.setLastModifiedTime(FIXED_TIME);
            stream.putNextEntry(entry);
            Files.copy(file, (OutputStream) stream);
            stream.closeEntry();
        }
    }
}
