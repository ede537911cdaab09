package dev.lambdaworkbook.kit.services.ticks;

import dev.lambdaworkbook.kit.services.ticks.BmeTickers.Stock;
import dev.lambdaworkbook.kit.services.ticks.TickFileOptions.Quirk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes synthetic BME {@code RV_TICK} daily extracts ({@link BmeLayout}): seeded, so the same
 * {@link TickFileOptions} always give the same bytes, and streamed, so memory use does not grow with the size.
 *
 * <p>Trades run from 09:00:00.000 (the opening auction, all at that instant) to at most 17:35:00.000, in time
 * order, each stock's price moving by whole ticks from a realistic opening price. A 2,000,000-line file is about
 * 400 MB (403.7 MB with the default seed and date).
 */
public final class TickFileGenerator {

    /** The system property that names a folder of generated files shared by several JVMs, as in {@link #bytes}. */
    public static final String CACHE_PROPERTY = "workbook.ticks.cache";

    private static final int OPEN_MILLIS = 9 * 3_600_000;
    private static final int CLOSE_MILLIS = 17 * 3_600_000 + 35 * 60_000;
    private static final byte[][] MEMBERS = ascii("9838", "9849", "0049", "0081", "9575", "0182", "9000", "0128",
            "9460", "0075", "9555", "0030");
    // Runs of fields that never change within a line, chosen by the trading phase.
    private static final byte[][] AUCTION_MARKET = ascii("EUR", "MC", "CT", "A", "N");
    private static final byte[][] CONTINUOUS_MARKET = ascii("EUR", "MC", "CT", "C", "N");
    private static final byte[][] NOT_CANCELLED = ascii("N");
    private static final byte[][] AUCTION_FLAGS = ascii("XMAD", "1", "1", "-", "-", "-", "-", "-", "-", "-", "P");
    private static final byte[][] CONTINUOUS_FLAGS = ascii("XMAD", "1", "2", "-", "-", "-", "-", "-", "-", "-", "P");
    private static final byte[][] LAST_FLAGS = ascii("-", "-", "-", " ");
    private static final byte[] HIDDEN = ascii("H")[0];
    private static final byte[] NOT_HIDDEN = ascii("-")[0];

    private final TickFileOptions options;
    private final SplittableRandom random;
    private final List<Stock> stocks = BmeTickers.STOCKS;
    private final int[] cumulativeWeights;
    private final long[] prices;
    private final byte[][] names;
    private final byte[][] isins;
    private final byte[] lineEnd;
    private final byte[] date;
    private final byte[] settlementDate;
    private final byte[] tradeIdPrefix;

    private TickFileGenerator(TickFileOptions options) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
        this.cumulativeWeights = new int[stocks.size()];
        this.prices = new long[stocks.size()];
        this.names = new byte[stocks.size()][];
        this.isins = new byte[stocks.size()][];
        int total = 0;
        for (int i = 0; i < stocks.size(); i++) {
            Stock stock = stocks.get(i);
            total += stock.weight();
            cumulativeWeights[i] = total;
            long tick = tickSize(Math.round(stock.openingPrice() * 10_000));
            prices[i] = Math.round(stock.openingPrice() * 10_000 / tick) * tick;
            names[i] = stock.name().getBytes(options.has(Quirk.LATIN1) ? StandardCharsets.ISO_8859_1
                    : StandardCharsets.UTF_8);
            isins[i] = BmeTickers.isin(stock.ticker()).getBytes(StandardCharsets.US_ASCII);
        }
        this.lineEnd = (options.has(Quirk.CRLF) ? "\r\n" : "\n").getBytes(StandardCharsets.US_ASCII);
        this.date = options.date().toString().getBytes(StandardCharsets.US_ASCII);
        this.settlementDate = settlement(options.date()).toString().getBytes(StandardCharsets.US_ASCII);
        this.tradeIdPrefix = options.date().toString().replace("-", "").getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes a file to {@code out}, which the caller closes. */
    public static TickFileSummary write(TickFileOptions options, OutputStream out) throws IOException {
        try {
            return new TickFileGenerator(options).writeAll(out);
        } catch (UncheckedIOException writeFailed) {
            throw writeFailed.getCause();
        }
    }

    /**
     * Writes a file to {@code target} through a temporary file in the same folder, moved into place only when
     * complete: a failure leaves no partial file behind.
     */
    public static TickFileSummary write(TickFileOptions options, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".partial");
        try {
            TickFileSummary summary;
            try (OutputStream out = Files.newOutputStream(temporary)) {
                summary = write(options, out);
            }
            readableByAll(temporary);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Gives the file the usual rw-r--r-- mode: temporary files are created private. */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * Returns a whole file in memory; for small files in tests.
     *
     * <p>When the system property {@value #CACHE_PROPERTY} names a folder, the bytes come from the file there that a
     * previous call with the same options wrote, or are generated and written there for the next JVM. The checker
     * sets it so that each student's test JVM reads the files its reference run generated. The bytes are the same
     * either way, because generation is seeded.
     */
    public static byte[] bytes(TickFileOptions options) {
        if (options.rows() > 200_000) {
            throw new IllegalArgumentException("Para " + options.rows() + " filas escribe a un fichero con "
                    + "write(options, path): en memoria ocuparían cientos de MB.");
        }
        Path cached = cacheFile(options);
        if (cached != null && Files.isRegularFile(cached)) {
            try {
                return Files.readAllBytes(cached);
            } catch (IOException unreadable) {
                // Generate instead: the cache only saves time.
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(options, out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        byte[] generated = out.toByteArray();
        if (cached != null) {
            store(cached, generated);
        }
        return generated;
    }

    /** Returns the cache file for the options, or {@code null} when no cache folder is set. */
    private static Path cacheFile(TickFileOptions options) {
        String folder = System.getProperty(CACHE_PROPERTY);
        if (folder == null || folder.isBlank()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(options.toString().getBytes(StandardCharsets.UTF_8));
            return Path.of(folder, "ticks-" + HexFormat.of().formatHex(digest, 0, 16) + ".csv");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Writes a cache file through a temporary file, unless it exists. A folder that cannot be written, such as the
     * read-only one of a sandboxed JVM, leaves the cache as it was.
     */
    private static void store(Path cached, byte[] content) {
        if (Files.exists(cached)) {
            return;
        }
        try {
            Files.createDirectories(cached.getParent());
            Path temporary = Files.createTempFile(cached.getParent(), "." + cached.getFileName(), ".partial");
            try {
                Files.write(temporary, content);
                readableByAll(temporary);
                Files.move(temporary, cached, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | UnsupportedOperationException notWritable) {
            // Generate again next time: the cache only saves time.
        }
    }

    private TickFileSummary writeAll(OutputStream out) throws IOException {
        LineBuffer line = new LineBuffer(out);
        Map<String, Long> byTicker = new LinkedHashMap<>();
        stocks.forEach(stock -> byTicker.put(stock.ticker(), 0L));
        start(line);

        long rows = options.rows();
        long auctionRows = Math.max(1, rows / 500);
        long shortLeft = options.shortRows();
        double timeMillis = OPEN_MILLIS;
        double meanGap = (double) (CLOSE_MILLIS - OPEN_MILLIS) / Math.max(1, rows - auctionRows);

        for (long row = 0; row < rows; row++) {
            if (options.has(Quirk.REPEATED_HEADER) && row == rows / 2) {
                header(line);
            }
            boolean auction = row < auctionRows;
            if (!auction) {
                timeMillis = Math.min(CLOSE_MILLIS, timeMillis + random.nextDouble() * 2 * meanGap);
            }
            // Selection sampling: exactly shortRows lines are cut, spread uniformly, in one pass.
            boolean cut = shortLeft > 0 && random.nextLong(rows - row) < shortLeft;
            int stock = pickStock();
            int fields = cut ? 1 + random.nextInt(BmeLayout.FIELDS - 1) : BmeLayout.FIELDS;
            trade(line, row + 1, stock, (int) timeMillis, auction, fields);
            if (cut) {
                shortLeft--;
            } else {
                byTicker.merge(stocks.get(stock).ticker(), 1L, Long::sum);
            }
        }

        line.flush();
        return new TickFileSummary(rows - options.shortRows(), options.shortRows(), byTicker, line.written());
    }

    /** Writes what comes before the first trade: the byte order mark, the header and the blank line, as chosen. */
    private void start(LineBuffer line) {
        if (options.has(Quirk.BOM)) {
            line.bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        header(line);
        if (options.has(Quirk.BLANK_LINE_AFTER_HEADER)) {
            line.bytes(lineEnd);
        }
    }

    private void header(LineBuffer line) {
        line.ascii(BmeLayout.HEADER_LINE);
        line.bytes(lineEnd);
    }

    private int pickStock() {
        int draw = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        for (int i = 0; i < cumulativeWeights.length; i++) {
            if (draw < cumulativeWeights[i]) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable: draw below the total weight");
    }

    /**
     * Writes one trade line, or its first {@code fields} fields when it is cut short. A field's random draws happen
     * only when the field is written, so a short line consumes fewer draws than a full one.
     */
    private void trade(LineBuffer line, long sequence, int stock, int timeMillis, boolean auction, int fields) {
        long price = nextPrice(stock);
        long volume = volume();
        line.startFields(fields);

        // FECHA to HORAEJEC: the fields the workbook's exercises read.
        if (line.nextField()) {
            line.bytes(date);
        }
        if (line.nextField()) {
            line.number(sequence);
        }
        if (line.nextField()) {
            line.padded(stocks.get(stock).ticker(), BmeLayout.TICKER_WIDTH);
        }
        if (line.nextField()) {
            line.number(volume);
        }
        if (line.nextField()) {
            line.decimal(price, 4);
        }
        if (line.nextField()) {
            line.compactTime(timeMillis);
        }
        if (line.nextField()) {
            line.time(timeMillis);
        }

        // The instrument, the market and the trade's parties.
        if (line.nextField()) {
            line.bytes(isins[stock]);
        }
        if (line.nextField()) {
            line.bytes(names[stock]);
        }
        line.constantFields(auction ? AUCTION_MARKET : CONTINUOUS_MARKET);
        for (int party = 0; party < 2; party++) {
            if (line.nextField()) {
                line.bytes(MEMBERS[random.nextInt(MEMBERS.length)]);
            }
        }
        if (line.nextField()) {
            line.decimal((volume * price + 50) / 100, 2);
        }
        for (int order = 0; order < 2; order++) {
            if (line.nextField()) {
                line.number(1_000_000_000L + random.nextLong(8_999_999_999L));
            }
        }
        line.constantFields(NOT_CANCELLED);
        if (line.nextField()) {
            line.bytes(settlementDate);
        }

        // MiFID II trade identification and flags; RegulatoryReportType, last, is a single space.
        if (line.nextField()) {
            line.bytes(tradeIdPrefix);
            line.zeroPadded(sequence, 8);
        }
        line.constantFields(auction ? AUCTION_FLAGS : CONTINUOUS_FLAGS);
        if (line.nextField()) {
            line.bytes(random.nextInt(10) < 3 ? HIDDEN : NOT_HIDDEN);
        }
        line.constantFields(LAST_FLAGS);
        line.bytes(lineEnd);
    }

    private long nextPrice(int stock) {
        long price = prices[stock];
        int move = random.nextInt(10);
        long tick = tickSize(price);
        if (move < 2 && price > 2 * tick) {
            price -= tick;
        } else if (move < 4) {
            price += tick;
        }
        prices[stock] = price;
        return price;
    }

    /** Returns the tick size, in ten-thousandths of a euro, for a price in ten-thousandths. */
    static long tickSize(long price) {
        if (price < 50_000) {
            return 5;
        }
        if (price < 100_000) {
            return 10;
        }
        if (price < 500_000) {
            return 50;
        }
        return price < 1_000_000 ? 100 : 500;
    }

    private long volume() {
        double gaussian = StrictMath.sqrt(-2 * StrictMath.log(1.0 - random.nextDouble()))
                * StrictMath.cos(2 * StrictMath.PI * random.nextDouble());
        return Math.max(1, Math.min(500_000, Math.round(StrictMath.exp(5 + 1.4 * gaussian))));
    }

    private static byte[][] ascii(String... values) {
        byte[][] bytes = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = values[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    private static LocalDate settlement(LocalDate trade) {
        LocalDate day = trade;
        int business = 0;
        while (business < 2) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                business++;
            }
        }
        return day;
    }
}
