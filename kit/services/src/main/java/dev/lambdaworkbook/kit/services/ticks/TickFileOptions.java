package dev.lambdaworkbook.kit.services.ticks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of one file of {@link TickFileGenerator}: the number of data lines, the seed, the trading day and
 * the quirks.
 *
 * @param rows data lines, complete and short ones together (header lines and blank lines not counted)
 * @param seed seed of every random choice: the same options always give the same bytes
 * @param date the trading day; a weekday
 * @param quirks irregularities real files have
 * @param shortRows how many of the {@code rows} are cut short; only with {@link Quirk#SHORT_ROWS}
 */
public record TickFileOptions(long rows, long seed, LocalDate date, Set<Quirk> quirks, long shortRows) {

    /** Upper bound on {@code rows}: about 2 GB of text, far more than any test or benchmark needs. */
    public static final long MAX_ROWS = 10_000_000L;

    /** Irregularities of real extracts that a robust reader must survive. */
    public enum Quirk {
        /** A UTF-8 byte order mark before the header. */
        BOM,
        /** Lines end in CR LF instead of LF. */
        CRLF,
        /** An empty line right after the header. */
        BLANK_LINE_AFTER_HEADER,
        /** The header line again halfway through the data, as when two extracts are concatenated. */
        REPEATED_HEADER,
        /** Some data lines stop after fewer than 38 fields. */
        SHORT_ROWS,
        /** Company names in ISO-8859-1 (Latin-1) bytes instead of UTF-8. */
        LATIN1
    }

    public TickFileOptions {
        Objects.requireNonNull(date, "date");
        quirks = quirks.isEmpty() ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(quirks);
        if (rows < 0 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("Número de filas no válido: '" + rows + "'. Debe estar entre 0 y "
                    + MAX_ROWS + ".");
        }
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            throw new IllegalArgumentException("La fecha '" + date + "' cae en fin de semana y la bolsa no abre. "
                    + "Elige un día de lunes a viernes.");
        }
        if (shortRows < 0 || shortRows > rows) {
            throw new IllegalArgumentException("Número de filas cortas no válido: '" + shortRows
                    + "'. Debe estar entre 0 y el número de filas (" + rows + ").");
        }
        if (shortRows > 0 && !quirks.contains(Quirk.SHORT_ROWS)) {
            throw new IllegalArgumentException("Pides " + shortRows + " filas cortas sin la rareza SHORT_ROWS.");
        }
    }

    /** Options for a clean file: seed 1, Monday 19 March 2018, no quirks. */
    public static TickFileOptions rows(long rows) {
        return new TickFileOptions(rows, 1, LocalDate.of(2018, 3, 19), Set.of(), 0);
    }

    public TickFileOptions withSeed(long newSeed) {
        return new TickFileOptions(rows, newSeed, date, quirks, shortRows);
    }

    public TickFileOptions withDate(LocalDate newDate) {
        return new TickFileOptions(rows, seed, newDate, quirks, shortRows);
    }

    /**
     * Adds quirks. {@link Quirk#SHORT_ROWS} without an explicit count cuts one line in a thousand, and at least
     * one.
     */
    public TickFileOptions withQuirks(Quirk... added) {
        Set<Quirk> all = EnumSet.noneOf(Quirk.class);
        all.addAll(quirks);
        all.addAll(Set.of(added));
        long shorts = all.contains(Quirk.SHORT_ROWS) && shortRows == 0 ? Math.min(rows, Math.max(1, rows / 1000))
                : shortRows;
        return new TickFileOptions(rows, seed, date, all, shorts);
    }

    /** Adds {@link Quirk#SHORT_ROWS} with an exact number of short lines. */
    public TickFileOptions withShortRows(long count) {
        Set<Quirk> all = EnumSet.of(Quirk.SHORT_ROWS);
        all.addAll(quirks);
        return new TickFileOptions(rows, seed, date, all, count);
    }

    /** Adds every quirk. */
    public TickFileOptions withAllQuirks() {
        return withQuirks(Quirk.values());
    }

    public boolean has(Quirk quirk) {
        return quirks.contains(quirk);
    }
}
