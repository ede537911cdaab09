package dev.lambdaworkbook.bench;

import dev.lambdaworkbook.ticks.FilterStats;
import dev.lambdaworkbook.ticks.TickFilter;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs the reference {@link TickFilter} of exercise 06 over a file, as the benchmark's Java contender: reads the
 * input file, writes the filtered CSV, prints the counts and the time spent inside the filter.
 *
 * <p>It reads through {@link FileInputStream}, which measured slightly cheaper here than {@code Files.newInputStream}.
 */
public final class TickFilterCore {

    private TickFilterCore() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("Uso: TickFilterCore ENTRADA SALIDA");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        long start = System.nanoTime();
        FilterStats stats;
        try (InputStream in = new FileInputStream(input.toFile()); OutputStream out = Files.newOutputStream(output)) {
            stats = new TickFilter().filter(in, out);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double megabytes = Files.size(input) / 1e6;
        System.out.printf(Locale.ROOT, "filtro: %d filas leídas, %d conservadas, %d mal formadas; %.3f s dentro del "
                + "filtro, %.0f MB/s%n", stats.rowsRead(), stats.rowsKept(), stats.rowsMalformed(), seconds,
                megabytes / seconds);
    }
}
