package dev.lambdaworkbook.slides;

import dev.lambdaworkbook.slides.deck.DeckFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The folders of the repository that the slide tests read, found from the module's folder. */
final class Workbook {

    /** The slides module; Surefire runs the tests with it as the working directory. */
    static final Path MODULE = Path.of("").toAbsolutePath().normalize();
    static final Path ROOT = MODULE.getParent();
    static final Path DECKS = MODULE.resolve("presentaciones");
    static final Path DIAGRAMS = MODULE.resolve("img");
    static final Path EXERCISES = ROOT.resolve("exercises");

    private Workbook() {
    }

    /** Returns the decks in name order. */
    static List<DeckFile> decks() throws IOException {
        return markdownFiles(DECKS).stream().map(DeckFile::read).toList();
    }

    static List<Path> markdownFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
    }

    static List<Path> diagrams() throws IOException {
        try (Stream<Path> files = Files.list(DIAGRAMS)) {
            return files.filter(file -> file.toString().endsWith(".svg")).sorted().toList();
        }
    }

    // solo-profesorado
    static boolean isSolution(Path file) {
        return file.normalize().startsWith(ROOT.resolve("solutions"));
    }
    // /solo-profesorado

    /** Returns a path relative to the repository root, with forward slashes, for messages. */
    static String relative(Path path) {
        Path normalized = path.toAbsolutePath().normalize();
        Path displayed = normalized.startsWith(ROOT) ? ROOT.relativize(normalized) : normalized;
        return displayed.toString().replace('\\', '/');
    }
}
