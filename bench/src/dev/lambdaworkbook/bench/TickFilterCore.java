package dev.lambdaworkbook.bench;

import dev.lambdaworkbook.ticks.FilterStats;
import dev.lambdaworkbook.ticks.TickFilter;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Runs the reference {@link TickFilter} of exercise 06 over a file, as the benchmark's Java contender: reads the
 * input file, writes the filtered CSV, prints the counts and the time spent inside the filter.
 *
 * <p>The benchmark times the whole process, so this driver keeps its own work small: plain file streams, and a
 * {@code StringBuilder} for the summary line. On a cold JVM, {@code printf} loads {@code Formatter} and locale data
 * and the {@code +} operator bootstraps {@code StringConcatFactory}: 15 to 35 ms and about 25 ms of wall time here
 * (JDK 17, the machine of bench/RESULTS.md).
 */
public final class TickFilterCore {

    private TickFilterCore() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("Uso: TickFilterCore ENTRADA SALIDA");
            System.exit(2);
        }
        File input = new File(args[0]);
        long start = System.nanoTime();
        FilterStats stats;
        try (InputStream in = new FileInputStream(input); OutputStream out = new FileOutputStream(args[1])) {
            stats = new TickFilter().filter(in, out);
        }
        long micros = Math.max(1, (System.nanoTime() - start) / 1000);
        System.out.println(new StringBuilder("filtro: ").append(stats.rowsRead()).append(" filas leídas, ")
                .append(stats.rowsKept()).append(" conservadas, ").append(stats.rowsMalformed())
                .append(" mal formadas; ").append(micros / 1000).append(" ms dentro del filtro, ")
                .append(input.length() / micros).append(" MB/s"));
    }
}
