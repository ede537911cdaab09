package dev.lambdaworkbook.packaging;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Resume los cierres diarios de varios valores del IBEX 35 que viajan dentro del paquete: mínimo, máximo, media y
 * último cierre de cada uno, como CSV. Lee el README.md del ejercicio: explica cada tarea y el formato exacto.
 */
public class PriceSummaryHandler implements RequestHandler<Map<String, Object>, String> {

    /** El fichero de precios: está en src/main/resources y debe viajar en la raíz del .zip. */
    public static final String PRICES = "precios/cierres-ibex.csv";

    /** Las columnas que debe tener el fichero de precios. */
    static final List<String> COLUMNS = List.of("fecha", "ticker", "cierre");

    /** La cabecera del CSV que devuelve la función. */
    static final String[] SUMMARY_HEADER = {"ticker", "minimo", "maximo", "media", "ultimo"};

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        try (Reader prices = openPrices()) {
            List<DailyClose> closes = readCloses(prices);
            List<TickerSummary> summaries = summarise(closes);
            context.getLogger().log("Resumen de " + summaries.size() + " valores a partir de " + closes.size()
                    + " cierres de " + PRICES);
            return toCsv(summaries);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("No se puede leer '" + PRICES + "' del paquete.", unreadable);
        }
    }

    /** Tarea 1: lee el CSV (cabecera fecha,ticker,cierre) y devuelve sus filas en el orden del fichero. */
    static List<DailyClose> readCloses(Reader csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<DailyClose> closes = new ArrayList<>();
        try (CSVParser parser = format.parse(csv)) {
            for (String column : COLUMNS) {
                if (!parser.getHeaderNames().contains(column)) {
                    throw new IllegalArgumentException("Al fichero de precios le falta la columna '" + column
                            + "'. Su cabecera es " + parser.getHeaderNames() + " y debe ser fecha,ticker,cierre.");
                }
            }
            for (CSVRecord record : parser) {
                closes.add(closeOf(record));
            }
        } catch (UncheckedIOException malformed) {
            throw new IllegalArgumentException("El fichero de precios no es un CSV válido: "
                    + malformed.getCause().getMessage(), malformed);
        }
        return closes;
    }

    private static DailyClose closeOf(CSVRecord record) {
        String row = "La fila de datos " + record.getRecordNumber() + " del fichero de precios";
        if (!record.isConsistent()) {
            throw new IllegalArgumentException(row + " tiene " + record.size() + " campos y la cabecera 3: "
                    + record.toList() + ".");
        }

        String date = record.get("fecha");
        String ticker = record.get("ticker");
        String price = record.get("cierre");
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException invalid) {
            throw new IllegalArgumentException(row + " tiene la fecha '" + date + "', que no es una fecha válida "
                    + "AAAA-MM-DD.", invalid);
        }

        if (ticker.isEmpty()) {
            throw new IllegalArgumentException(row + " no tiene ticker: la columna ticker está vacía.");
        }

        BigDecimal close;
        try {
            close = new BigDecimal(price);
        } catch (NumberFormatException invalid) {
            throw new IllegalArgumentException(row + " tiene el cierre '" + price + "', que no es un número.",
                    invalid);
        }
        if (close.signum() <= 0) {
            throw new IllegalArgumentException(row + " tiene el cierre '" + price + "', y un precio debe ser "
                    + "positivo.");
        }
        return new DailyClose(day, ticker, close);
    }

    /** Tarea 2: agrupa los cierres por ticker y resume cada uno; la lista va ordenada por ticker. */
    static List<TickerSummary> summarise(List<DailyClose> closes) {
        Map<String, List<DailyClose>> byTicker = new TreeMap<>();
        for (DailyClose close : closes) {
            byTicker.computeIfAbsent(close.ticker(), ticker -> new ArrayList<>()).add(close);
        }
        List<TickerSummary> summaries = new ArrayList<>();
        byTicker.forEach((ticker, group) -> summaries.add(summaryOf(ticker, group)));
        return summaries;
    }

    private static TickerSummary summaryOf(String ticker, List<DailyClose> group) {
        BigDecimal min = group.get(0).close();
        BigDecimal max = min;
        BigDecimal sum = BigDecimal.ZERO;
        DailyClose latest = group.get(0);
        Set<LocalDate> dates = new HashSet<>();
        for (DailyClose close : group) {
            if (!dates.add(close.date())) {
                throw new IllegalArgumentException("El ticker '" + ticker + "' tiene dos cierres el " + close.date()
                        + "; deja uno por sesión.");
            }
            min = min.min(close.close());
            max = max.max(close.close());
            sum = sum.add(close.close());
            if (close.date().isAfter(latest.date())) {
                latest = close;
            }
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(group.size()), 4, RoundingMode.HALF_UP);
        return new TickerSummary(ticker, min, max, mean, latest.close());
    }

    /** Escribe los resúmenes como CSV con Commons CSV, con cuatro decimales en cada precio. */
    static String toCsv(List<TickerSummary> summaries) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(SUMMARY_HEADER).setRecordSeparator('\n').get();
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, format)) {
            for (TickerSummary summary : summaries) {
                printer.printRecord(summary.ticker(), fourDecimals(summary.min()), fourDecimals(summary.max()),
                        fourDecimals(summary.mean()), fourDecimals(summary.last()));
            }
        }
        return csv.toString();
    }

    private static String fourDecimals(BigDecimal price) {
        return price.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private Reader openPrices() {
        InputStream prices = PriceSummaryHandler.class.getClassLoader().getResourceAsStream(PRICES);
        if (prices == null) {
            throw new IllegalStateException("No está '" + PRICES + "' en el classpath de la función. El paquete "
                    + "debe llevar los recursos de src/main/resources en la raíz del .zip.");
        }
        return new InputStreamReader(prices, StandardCharsets.UTF_8);
    }
}
