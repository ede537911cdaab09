package dev.lambdaworkbook.slides.deck;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A fenced code block of a deck.
 *
 * @param deck the Markdown file that contains it
 * @param line the 1-based line of its opening fence
 * @param language the first word of the info string, e.g. {@code java}; empty when there is none
 * @param source the value of {@code source=} in the info string: a path relative to the deck, optionally followed
 *     by {@code #region}
 * @param lines the lines between the fences
 */
public record CodeBlock(Path deck, int line, String language, Optional<String> source, List<String> lines) {

    /** Returns where the block is, as people search for it: {@code 02-java.md:45}. */
    public String where() {
        return deck.getFileName() + ":" + line;
    }

    /** Returns the file that {@code source=} names, resolved against the deck's folder. */
    public Optional<Path> sourceFile() {
        return source.map(value -> deck.getParent().resolve(value.split("#", 2)[0]).normalize());
    }

    /** Returns the region that {@code source=} names after {@code #}, if any. */
    public Optional<String> region() {
        return source.filter(value -> value.contains("#")).map(value -> value.split("#", 2)[1]);
    }

    @Override
    public String toString() {
        return where() + source.map(value -> " (" + value + ")").orElse("");
    }
}
