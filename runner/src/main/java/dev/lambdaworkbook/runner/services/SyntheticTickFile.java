package dev.lambdaworkbook.runner.services;

import dev.lambdaworkbook.kit.services.ticks.TickFileGenerator;
import dev.lambdaworkbook.kit.services.ticks.TickFileOptions;
import dev.lambdaworkbook.kit.services.ticks.TickFileSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A synthetic BME {@code RV_TICK} file in a temporary folder, to upload to the local S3 server. Closing it deletes
 * the file. Its name is {@link #DEFAULT_NAME}.
 */
public final class SyntheticTickFile implements AutoCloseable {

    /**
     * Upper bound on rows: one full trading day, about 400 MB. The in-memory S3 server keeps it in the runner's heap:
     * a run of 'invocar 06 --s3 --generar-ticks 2000000' peaked at 1.2 GB resident on a 24 GB Linux machine.
     */
    public static final long MAX_ROWS = 2_000_000;
    /** The tickers the workbook's tick filter keeps. */
    public static final List<String> KEPT_TICKERS = List.of("SAN", "TEF", "IDX");

    /**
     * The dates a file name may carry: day, month and year, as in {@code RV_TICK 19-03-2018.csv}, or the ISO form
     * {@code 2018-03-19}. Any other group of numbers that looks like a date is {@link #OTHER_DATE}.
     */
    private static final List<Map.Entry<Pattern, DateTimeFormatter>> NAMED_DATES = List.of(
            Map.entry(Pattern.compile("(?<!\\d)\\d{2}-\\d{2}-\\d{4}(?!\\d)"),
                    DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT)),
            Map.entry(Pattern.compile("(?<!\\d)\\d{4}-\\d{2}-\\d{2}(?!\\d)"),
                    DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT)));
    private static final Pattern OTHER_DATE =
            Pattern.compile("(?<!\\d)\\d{1,4}[-_./]\\d{1,2}[-_./]\\d{1,4}(?!\\d)");

    /** The daily extract's name for the generator's default trading day, Monday 19 March 2018. */
    public static final String DEFAULT_NAME = "RV_TICK 19-03-2018.csv";
    /** The generator's default trading day as file names write it, for messages: {@code 19-03-2018}. */
    public static final String DEFAULT_DAY = TickFileOptions.rows(1).date()
            .format(DateTimeFormatter.ofPattern("dd-MM-uuuu"));

    private final Path folder;
    private final Path file;
    private final TickFileSummary summary;

    private SyntheticTickFile(Path folder, Path file, TickFileSummary summary) {
        this.folder = folder;
        this.file = file;
        this.summary = summary;
    }

    /**
     * Writes a file with {@code rows} data lines to a new temporary folder.
     *
     * @param quirks add every irregularity of real extracts: byte order mark, CR LF, a blank line, a repeated
     *     header, short lines and Latin-1 names
     */
    public static SyntheticTickFile write(long rows, boolean quirks) {
        try {
            Path folder = Files.createTempDirectory("lambda-local-ticks");
            Path file = folder.resolve(DEFAULT_NAME);
            return new SyntheticTickFile(folder, file, writeTo(file, rows, quirks));
        } catch (IOException failed) {
            throw new UncheckedIOException("No se pudo escribir el fichero de ticks sintético en la carpeta "
                    + "temporal: " + failed.getMessage(), failed);
        }
    }

    /**
     * Writes a file with {@code rows} data lines to {@code target}, through a temporary file moved into place only
     * when complete. The trading day is the date in the file name, as in {@code RV_TICK 20-03-2018.csv}, or
     * 19 March 2018 when the name has none.
     *
     * @throws IllegalArgumentException if the date in the name does not exist, falls on a weekend or is written
     *     another way (see {@link #tradingDay})
     */
    public static TickFileSummary writeTo(Path target, long rows, boolean quirks) throws IOException {
        TickFileOptions options = options(rows, quirks);
        Optional<LocalDate> named = tradingDay(target.getFileName().toString());
        return TickFileGenerator.write(named.isPresent() ? options.withDate(named.get()) : options, target);
    }

    /**
     * Returns the date a file name carries, as the daily extract writes it ({@code dd-MM-yyyy}) or in ISO form
     * ({@code yyyy-MM-dd}), if any.
     *
     * @throws IllegalArgumentException if that date does not exist, such as 31-02-2018, or the name carries a date in
     *     another form, such as 20-03-18, which would otherwise be ignored
     */
    public static Optional<LocalDate> tradingDay(String fileName) {
        for (Map.Entry<Pattern, DateTimeFormatter> form : NAMED_DATES) {
            Matcher date = form.getKey().matcher(fileName);
            if (date.find()) {
                try {
                    return Optional.of(LocalDate.parse(date.group(), form.getValue()));
                } catch (DateTimeParseException invalid) {
                    throw new IllegalArgumentException("La fecha '" + date.group() + "' del nombre '" + fileName
                            + "' no existe. Escríbela como día-mes-año, por ejemplo 20-03-2018.", invalid);
                }
            }
        }
        Matcher other = OTHER_DATE.matcher(fileName);
        if (other.find()) {
            throw new IllegalArgumentException("El nombre '" + fileName + "' lleva '" + other.group() + "', que no "
                    + "es una fecha día-mes-año con el año en cuatro cifras. Escríbela como 20-03-2018, o quítala "
                    + "para generar los ticks del " + DEFAULT_DAY + ".");
        }
        return Optional.empty();
    }

    /** Seed 1 and trading day 19 March 2018, so that the same rows and quirks always give the same bytes. */
    private static TickFileOptions options(long rows, boolean quirks) {
        TickFileOptions options = TickFileOptions.rows(rows);
        return quirks ? options.withAllQuirks() : options;
    }

    public Path path() {
        return file;
    }

    /** Returns the file name, e.g. {@code RV_TICK 19-03-2018.csv}. */
    public String name() {
        return file.getFileName().toString();
    }

    /** Returns the file's size in bytes. */
    public long bytes() {
        return summary.bytes();
    }

    /**
     * Returns the counts a correct filter logs for this file, in the workbook's words: every data line is read, the
     * complete lines of {@link #KEPT_TICKERS} are kept, and the short lines are malformed.
     */
    public String expectedCounts() {
        return expectedCounts(summary);
    }

    /** Returns the counts a correct filter logs for a file with this summary; see {@link #expectedCounts()}. */
    public static String expectedCounts(TickFileSummary summary) {
        return (summary.completeRows() + summary.shortRows()) + " filas leídas, "
                + summary.completeRowsOf(KEPT_TICKERS) + " conservadas, " + summary.shortRows() + " mal formadas";
    }

    /** Deletes the file and its temporary folder. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        } catch (IOException failed) {
            throw new UncheckedIOException("No se pudo borrar el fichero de ticks temporal '" + file + "'.", failed);
        }
    }
}
