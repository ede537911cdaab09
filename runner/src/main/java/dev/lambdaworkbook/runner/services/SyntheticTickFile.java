package dev.lambdaworkbook.runner.services;

import dev.lambdaworkbook.kit.services.ticks.TickFileGenerator;
import dev.lambdaworkbook.kit.services.ticks.TickFileOptions;
import dev.lambdaworkbook.kit.services.ticks.TickFileSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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

    /** The daily extract's name for the generator's default trading day, Monday 19 March 2018. */
    public static final String DEFAULT_NAME = "RV_TICK 19-03-2018.csv";

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
     * when complete.
     */
    public static TickFileSummary writeTo(Path target, long rows, boolean quirks) throws IOException {
        return TickFileGenerator.write(options(rows, quirks), target);
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
