package dev.lambdaworkbook.checker.publish;

import dev.lambdaworkbook.checker.CheckerException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Removes the text marked for instructors from a file of the student copy. Markdown marks it with HTML comments and
 * Java with line comments, so both files still render and compile unchanged in the instructors' repository:
 *
 * <ul>
 *   <li>a line that is only the start marker opens a block, a line that is only the end marker closes it, and both
 *       marker lines and everything between them are removed;</li>
 *   <li>a line with other text that ends with the start marker is removed alone (a Markdown table row, where a
 *       comment on its own line would end the table).</li>
 * </ul>
 *
 * <p>A block that is never closed, or an end marker without a start, is an error naming the file and line: removing
 * to the end of the file would silently drop student material.
 */
record InstructorBlocks(String start, String end) {

    static final InstructorBlocks MARKDOWN = new InstructorBlocks("<!-- solo-profesorado -->",
            "<!-- /solo-profesorado -->");
    static final InstructorBlocks JAVA = new InstructorBlocks("// solo-profesorado", "// /solo-profesorado");

    /** Returns the markers used in a file of this name, if publicar strips that kind of file. */
    static Optional<InstructorBlocks> forFile(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".md")) {
            return Optional.of(MARKDOWN);
        }
        if (name.endsWith(".java")) {
            return Optional.of(JAVA);
        }
        return Optional.empty();
    }

    /**
     * Returns the text without the marked lines.
     *
     * @param file the file's path relative to the workbook, for error messages
     */
    String strip(String text, Path file) {
        StringBuilder kept = new StringBuilder();
        int openedAt = 0;
        String[] lines = text.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            String trimmed = line.strip();
            if (trimmed.equals(start)) {
                if (openedAt > 0) {
                    throw unbalanced(file, index + 1, "abre un bloque " + start + " dentro del que empieza en la "
                            + "línea " + openedAt);
                }
                openedAt = index + 1;
            } else if (trimmed.equals(end)) {
                if (openedAt == 0) {
                    throw unbalanced(file, index + 1, "cierra con " + end + " un bloque que no se abrió");
                }
                openedAt = 0;
            } else if (openedAt == 0 && !trimmed.endsWith(start)) {
                kept.append(line).append('\n');
            }
        }
        if (openedAt > 0) {
            throw unbalanced(file, openedAt, "abre un bloque " + start + " que no se cierra con " + end);
        }
        return kept.substring(0, Math.max(0, kept.length() - 1));
    }

    private static CheckerException unbalanced(Path file, int line, String problem) {
        return new CheckerException("'" + file + "', línea " + line + ": " + problem + ". Corrige los marcadores "
                + "del profesorado; publicar no escribe nada hasta entonces.");
    }
}
