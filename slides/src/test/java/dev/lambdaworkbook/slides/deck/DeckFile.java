package dev.lambdaworkbook.slides.deck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Marp deck read as the tests need it: its code blocks, its links, its slides and the repository paths it names.
 *
 * <p>The parser reads only the Markdown the decks use: fences of three or more backticks, inline links and images
 * {@code [text](target)}, and slides separated by a line {@code ---} after the front matter.
 */
public final class DeckFile {

    private static final Pattern FENCE = Pattern.compile("^(`{3,})\\s*(.*)$");
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern SOURCE = Pattern.compile("(?:^|\\s)source=(\\S+)");
    // A path under exercises/ or events/, with at least one segment after the folder; "exercises/<NN>" is a
    // placeholder and does not match.
    private static final Pattern REPOSITORY_PATH =
            Pattern.compile("(?<![\\w.-])(?:exercises|events)/[\\w.-]+(?:/[\\w.-]+)*");
    // The commands at the repository root that the slides tell students to run; a bare "jbang" is the installed
    // tool, "./jbang" the repository's wrapper.
    private static final Pattern ROOT_COMMAND = Pattern.compile(
            "(?<![\\w./-])(\\./jbang|(?:\\./)?(?:lambda-local|mvnw|deploy\\.java))(?![\\w.-])");

    private final Path file;
    private final List<String> lines;

    private DeckFile(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Reads a deck in UTF-8. */
    public static DeckFile read(Path file) {
        try {
            return new DeckFile(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("No se pudo leer la presentación " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    public String name() {
        return file.getFileName().toString();
    }

    /** Returns the fenced code blocks in order. */
    public List<CodeBlock> codeBlocks() {
        List<CodeBlock> blocks = new ArrayList<>();
        int index = 0;
        while (index < lines.size()) {
            Matcher open = FENCE.matcher(lines.get(index));
            if (!open.matches()) {
                index++;
                continue;
            }
            int close = closingFence(index, open.group(1));
            blocks.add(block(index, open.group(2).trim(), lines.subList(index + 1, close)));
            index = close + 1;
        }
        return blocks;
    }

    private int closingFence(int opening, String fence) {
        for (int index = opening + 1; index < lines.size(); index++) {
            if (lines.get(index).strip().equals(fence)) {
                return index;
            }
        }
        throw new IllegalStateException(name() + ":" + (opening + 1)
                + ": el bloque de código no se cierra; añade una línea " + fence + " al final del bloque.");
    }

    private CodeBlock block(int fenceIndex, String info, List<String> content) {
        String language = info.isEmpty() ? "" : info.split("\\s+", 2)[0];
        Matcher source = SOURCE.matcher(info);
        Optional<String> sourceValue = source.find() ? Optional.of(source.group(1)) : Optional.empty();
        return new CodeBlock(file, fenceIndex + 1, language, sourceValue, List.copyOf(content));
    }

    /** Returns the links and images written outside code blocks. */
    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        boolean inCode = false;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            if (FENCE.matcher(line).matches()) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                continue;
            }
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                links.add(new Link(file, index + 1, link.group(1)));
            }
        }
        return links;
    }

    /**
     * Returns every path under {@code exercises/} or {@code events/}, and every root command ({@code ./lambda-local},
     * {@code ./mvnw}, {@code ./jbang}, {@code deploy.java}), named in the deck, once per line.
     */
    public List<RepositoryPath> repositoryPaths() {
        List<RepositoryPath> paths = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            String where = name() + ":" + (index + 1);
            Matcher path = REPOSITORY_PATH.matcher(lines.get(index));
            while (path.find()) {
                paths.add(new RepositoryPath(where, path.group().replaceAll("\\.+$", "")));
            }
            Matcher command = ROOT_COMMAND.matcher(lines.get(index));
            while (command.find()) {
                paths.add(new RepositoryPath(where, command.group(1).replaceFirst("^\\./", "")));
            }
        }
        return paths.stream().distinct().toList();
    }

    /** Returns the text of each slide, front matter excluded. */
    public List<String> slides() {
        int start = frontMatterEnd();
        List<String> slides = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inCode = false;
        for (String line : lines.subList(start, lines.size())) {
            if (FENCE.matcher(line).matches()) {
                inCode = !inCode;
            }
            if (!inCode && line.strip().equals("---")) {
                slides.add(current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        slides.add(current.toString());
        return slides;
    }

    private int frontMatterEnd() {
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return 0;
        }
        for (int index = 1; index < lines.size(); index++) {
            if (lines.get(index).strip().equals("---")) {
                return index + 1;
            }
        }
        throw new IllegalStateException(name() + ": la cabecera (front matter) no se cierra con una línea ---.");
    }

    /** Returns the lines of the front matter, without the {@code ---} markers. */
    public List<String> frontMatter() {
        int end = frontMatterEnd();
        return end == 0 ? List.of() : lines.subList(1, end - 1);
    }

    /**
     * A path of the repository named in a deck.
     *
     * @param where the deck and line, e.g. {@code 04-ejercicios.md:30}
     * @param path the path relative to the repository root, e.g. {@code exercises/07/README.md}
     */
    public record RepositoryPath(String where, String path) {

        @Override
        public String toString() {
            return where + " → " + path;
        }
    }
}
