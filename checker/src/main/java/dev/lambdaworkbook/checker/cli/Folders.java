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
    static void deleteOnExit(Path folder) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                delete(folder);
            } catch (IOException | UncheckedIOException busy) {
                // A test JVM may still be writing into it while it dies; what is left is in the system's temp folder.
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
