package dev.lambdaworkbook.runner.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The function's code folder as Lambda presents it in {@code /var/task}: a copy of the compiled classes and
 * resources that the function reads from and cannot write to. Writable space is only the temporary folder.
 *
 * <p>NOTE: file permissions do not stop a process run as root, so there the folder stays writable.
 */
final class TaskRoot {

    private TaskRoot() {
    }

    /** Refreshes {@code task} from {@code classes} when the classes are newer, and returns it. */
    static Path prepare(Path classes, Path task) {
        try {
            Path stamp = task.resolve(".lambda-local");
            if (Files.exists(stamp) && Files.getLastModifiedTime(stamp).compareTo(ModuleBuild.newest(java.util.List.of(classes))) >= 0) {
                return task;
            }
            delete(task);
            copy(classes, task);
            Files.writeString(stamp, "Copia de solo lectura de " + classes + "\n");
            readOnly(task);
            return task;
        } catch (IOException failed) {
            throw new UncheckedIOException("No se puede preparar la carpeta de código '" + task + "'", failed);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(folder).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void readOnly(Path task) throws IOException {
        Files.walkFileTree(task, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                file.toFile().setWritable(false, false);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException failure) {
                folder.toFile().setWritable(false, false);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void delete(Path task) throws IOException {
        if (!Files.exists(task)) {
            return;
        }
        Files.walkFileTree(task, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                folder.toFile().setWritable(true, true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException failure) throws IOException {
                Files.delete(folder);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
