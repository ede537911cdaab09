package dev.lambdaworkbook.slides.deck;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A Markdown link or image of a deck, outside code blocks.
 *
 * @param deck the Markdown file that contains it
 * @param line the 1-based line where it is written
 * @param target the URL between the parentheses, as written
 */
public record Link(Path deck, int line, String target) {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    /** Tells whether the target is a file of the repository rather than a web address or an anchor. */
    public boolean isRelative() {
        return !SCHEME.matcher(target).find() && !target.startsWith("#") && !target.startsWith("/");
    }

    /** Returns the file the link points to, without its {@code #fragment}, resolved against the deck's folder. */
    public Path file() {
        String path = target.split("#", 2)[0];
        return deck.getParent().resolve(URLDecoder.decode(path, StandardCharsets.UTF_8)).normalize();
    }

    /** Returns where the link is, as people search for it: {@code 02-java.md:45}. */
    public String where() {
        return deck.getFileName() + ":" + line;
    }

    @Override
    public String toString() {
        return where() + " → " + target;
    }
}
