package dev.lambdaworkbook.ticks;

/**
 * The counts of one pass of {@link TickFilter}.
 *
 * @param rowsRead data lines: every line except header lines and blank lines
 * @param rowsKept lines of SAN, TEF and IDX written to the output
 * @param rowsMalformed lines skipped because they could not be read: a number of fields other than the header's,
 *     or a SAN, TEF or IDX line whose VOLUMEN, PRECIO, FECHA or HORAEJEC is not valid
 */
public record FilterStats(long rowsRead, long rowsKept, long rowsMalformed) {
}
