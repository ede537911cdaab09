package dev.lambdaworkbook.checker.submission;

import dev.lambdaworkbook.checker.CheckerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder an instructor grades: one entry per student, a folder or a zip, as copied by hand or as Moodle's
 * "download all submissions" lays it out ({@code Nombre Apellidos_<id>_assignsubmission_file_}), or that download's
 * .zip itself. Every entry becomes a {@link Submission}, also those that cannot be graded, so every student gets a
 * row.
 */
public final class ClassFolder {

    /** Moodle's folder name: full name, participant number, then the submission plugin. */
    private static final Pattern MOODLE = Pattern.compile("^(.+)_(\\d+)_assignsubmission_[a-z]+_?$");
    private static final int SEARCH_DEPTH = 4;

    private ClassFolder() {
    }

    /**
     * Reads the entries of the folder, extracting zips under {@code extractTo}.
     *
     * @throws CheckerException when the folder does not exist or has no entries
     */
    public static List<Submission> read(Path folder, Path extractTo) {
        if (Files.isRegularFile(folder) && folder.getFileName().toString().toLowerCase().endsWith(".zip")) {
            return read(extractClass(folder, extractTo), extractTo.resolve("entregas"));
        }
        if (!Files.isDirectory(folder)) {
            throw new CheckerException("No existe la carpeta de entregas '" + folder + "'. Indica la carpeta con una "
                    + "entrega por alumno (carpeta o .zip), o el .zip que descarga Moodle.");
        }
        List<Submission> submissions = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                String fileName = entry.getFileName().toString();
                if (fileName.startsWith(".") || fileName.equals("__MACOSX")) {
                    continue;
                }
                submissions.add(submission(entry, extractTo));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        if (submissions.isEmpty()) {
            throw new CheckerException("La carpeta de entregas '" + folder + "' está vacía: debe contener una "
                    + "carpeta o un .zip por alumno.");
        }
        return submissions;
    }

    /**
     * Extracts a whole class given as one .zip, such as Moodle's "download all submissions", and returns the folder
     * with one entry per student: the zip's top level, or its only folder when everything is inside one.
     */
    private static Path extractClass(Path zip, Path extractTo) {
        try {
            Path top = ZipExtraction.extract(zip, extractTo.resolve("clase"));
            List<Path> children;
            try (Stream<Path> list = Files.list(top)) {
                children = list.filter(child -> !child.getFileName().toString().startsWith(".")
                        && !child.getFileName().toString().equals("__MACOSX")).toList();
            }
            boolean wrapped = children.size() == 1 && Files.isDirectory(children.get(0))
                    && !Files.isDirectory(children.get(0).resolve("exercises"))
                    && !MOODLE.matcher(children.get(0).getFileName().toString()).matches();
            return wrapped ? children.get(0) : top;
        } catch (ZipExtraction.InvalidZip invalid) {
            throw new CheckerException("No se puede leer la clase: " + invalid.getMessage() + ".");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static Submission submission(Path entry, Path extractTo) throws IOException {
        String fileName = entry.getFileName().toString();
        String base = fileName.toLowerCase().endsWith(".zip") ? fileName.substring(0, fileName.length() - 4)
                : fileName;
        Matcher moodle = MOODLE.matcher(base);
        boolean isMoodle = moodle.matches();
        String id = isMoodle ? moodle.group(2) : base;
        String name = isMoodle ? moodle.group(1) : base;
        if (!Files.isDirectory(entry) && !fileName.toLowerCase().endsWith(".zip")) {
            return new Submission(id, name, entry, isMoodle, null, "la entrega '" + fileName
                    + "' no es una carpeta ni un .zip");
        }
        try {
            Path root = locateRoot(entry, extractTo.resolve(safe(id)));
            String problem = root == null ? "no se encontró la carpeta exercises/ del cuaderno dentro de '"
                    + fileName + "'" : null;
            return new Submission(id, name, entry, isMoodle, root, problem);
        } catch (ZipExtraction.InvalidZip invalid) {
            return new Submission(id, name, entry, isMoodle, null, invalid.getMessage());
        }
    }

    /** Finds the folder that holds {@code exercises/}, extracting the entry, or zips inside it, as needed. */
    private static Path locateRoot(Path entry, Path extractTo) throws IOException {
        Path start = entry;
        if (Files.isRegularFile(entry)) {
            start = ZipExtraction.extract(entry, extractTo);
        }
        Path root = search(start);
        if (root != null) {
            return root;
        }
        int count = 0;
        for (Path zip : zipsIn(start)) {
            Path extracted = ZipExtraction.extract(zip, extractTo.resolve("zip-" + count++));
            root = search(extracted);
            if (root != null) {
                return root;
            }
        }
        return null;
    }

    private static Path search(Path start) throws IOException {
        Deque<Path> queue = new ArrayDeque<>(List.of(start));
        Deque<Integer> depths = new ArrayDeque<>(List.of(0));
        while (!queue.isEmpty()) {
            Path folder = queue.removeFirst();
            int depth = depths.removeFirst();
            if (Files.isDirectory(folder.resolve("exercises"))) {
                return folder;
            }
            if (depth < SEARCH_DEPTH) {
                try (Stream<Path> children = Files.list(folder)) {
                    for (Path child : children.filter(ClassFolder::isPlainFolder).sorted().toList()) {
                        queue.addLast(child);
                        depths.addLast(depth + 1);
                    }
                }
            }
        }
        return null;
    }

    private static boolean isPlainFolder(Path path) {
        String name = path.getFileName().toString();
        return Files.isDirectory(path) && !Files.isSymbolicLink(path) && !name.startsWith(".")
                && !name.equals("__MACOSX") && !name.equals("target") && !name.equals("node_modules");
    }

    private static List<Path> zipsIn(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder, 2)) {
            return walk.filter(path -> path.getFileName().toString().toLowerCase().endsWith(".zip"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String safe(String id) {
        return id.replaceAll("[^\\p{L}\\p{N}._-]", "_");
    }
}
