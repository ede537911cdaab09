package dev.lambdaworkbook.checker.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes scratch folders the commands create. */
final class Folders {

    private Folders() {
    }

    /**
     * Deletes the folder when the JVM ends, also on Ctrl-C, which skips {@code finally} blocks: the folders hold
     * copies of the students' code.
     */
    /** Linux's shared-memory file system, mounted on nearly every distribution. */
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    /**
     * Creates the folder for the working copies of a run: in memory ({@code /dev/shm}) where Linux offers it, else
     * in the system's temp folder. A class creates and deletes thousands of small files and folders, and on a disk
     * file system such as ext4 allocating their inodes cost the checker about 2 s of CPU time per class of 40.
     */
    static Path createWorkRoot(String prefix) throws IOException {
        if (Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)) {
            try {
                return Files.createTempDirectory(SHARED_MEMORY, prefix);
            } catch (IOException unavailable) {
                // Full or restricted: the temp folder works as well, only slower.
            }
        }
        return Files.createTempDirectory(prefix);
    }

    static void deleteOnExit(Path folder) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                delete(folder);
            } catch (IOException | UncheckedIOException busy) {
                // A test JVM may still be writing into it while it dies; what is left stays where it was created.
            }
        }, "borra-" + folder.getFileName()));
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
