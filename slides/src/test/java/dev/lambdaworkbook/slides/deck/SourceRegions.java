package dev.lambdaworkbook.slides.deck;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Extracts tagged regions from source files and compares them with code blocks.
 *
 * <p>A region starts after a line containing {@code tag::NAME[]} and ends before a line containing
 * {@code end::NAME[]}, in any comment syntax ({@code //}, {@code <!-- -->}, {@code #}). Marker lines of other regions
 * inside it are dropped, and the region loses the indentation that all its lines share.
 */
public final class SourceRegions {

    private static final Pattern ANY_MARKER = Pattern.compile("(?:tag|end)::[\\w-]+\\[\\]");

    private SourceRegions() {
    }

    /**
     * Returns the lines of a region, without marker lines and without common indentation.
     *
     * @throws IllegalArgumentException with a Spanish message when the region is missing, repeated or not closed
     */
    public static List<String> region(List<String> file, String name, String fileName) {
        int start = onlyLineWith(file, "tag::" + name + "[]", fileName, name);
        int end = onlyLineWith(file, "end::" + name + "[]", fileName, name);
        if (end < start) {
            throw new IllegalArgumentException("En " + fileName + ", 'end::" + name + "[]' (línea " + (end + 1)
                    + ") está antes de 'tag::" + name + "[]' (línea " + (start + 1) + ").");
        }
        List<String> region = new ArrayList<>();
        for (String line : file.subList(start + 1, end)) {
            if (!ANY_MARKER.matcher(line).find()) {
                region.add(line);
            }
        }
        return dedent(region);
    }

    private static int onlyLineWith(List<String> file, String marker, String fileName, String name) {
        int found = -1;
        for (int index = 0; index < file.size(); index++) {
            if (file.get(index).contains(marker)) {
                if (found >= 0) {
                    throw new IllegalArgumentException("En " + fileName + " la marca '" + marker
                            + "' aparece dos veces (líneas " + (found + 1) + " y " + (index + 1)
                            + "); cada región se marca una sola vez.");
                }
                found = index;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("En " + fileName + " no está la marca '" + marker
                    + "'. Rodea el código de la región con comentarios 'tag::" + name + "[]' y 'end::" + name
                    + "[]'.");
        }
        return found;
    }

    /** Removes the indentation that all non-blank lines share, and trailing white space. */
    public static List<String> dedent(List<String> lines) {
        int indent = lines.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        List<String> result = new ArrayList<>();
        for (String line : lines) {
            result.add(line.isBlank() ? "" : line.substring(indent).stripTrailing());
        }
        return result;
    }

    /**
     * Finds the block as a run of consecutive lines of the file, both compared without their common indentation.
     *
     * @return the 0-based index of the first matching line, or empty when the file has no such run
     */
    public static OptionalInt findRun(List<String> file, List<String> block) {
        List<String> expected = dedent(block);
        for (int start = 0; start + expected.size() <= file.size(); start++) {
            if (dedent(file.subList(start, start + expected.size())).equals(expected)) {
                return OptionalInt.of(start);
            }
        }
        return OptionalInt.empty();
    }

    /** Describes the first line where two texts differ, for a failure message. */
    public static String firstDifference(List<String> slide, List<String> source) {
        int common = Math.min(slide.size(), source.size());
        for (int index = 0; index < common; index++) {
            if (!slide.get(index).equals(source.get(index))) {
                return "línea " + (index + 1) + " del bloque:\n  diapositiva: «" + slide.get(index)
                        + "»\n  fichero:     «" + source.get(index) + "»";
            }
        }
        return "el bloque tiene " + slide.size() + " líneas y la región del fichero " + source.size();
    }
}
