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
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Resume los cierres diarios de varios valores del IBEX 35 que viajan dentro del paquete: mínimo, máximo, media y
 * último cierre de cada uno, como CSV. Lee el README.md del ejercicio: explica cada tarea y el formato exacto.
 */
public class PriceSummaryHandler implements RequestHandler<Map<String, Object>, String> {

    /** El fichero de precios: está en src/main/resources y debe viajar en la raíz del .zip. */
    public static final String PRICES = "precios/cierres-ibex.csv";

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
        // TODO Tarea 1: crea el formato con CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        //   .setTrim(true).setIgnoreEmptyLines(true).get() y recorre format.parse(csv) registro a registro.
        //   Lee cada columna por su nombre: record.get("fecha"), record.get("ticker"), record.get("cierre").
        //   Si falta una columna, o una fecha, un ticker o un cierre no vale, lanza IllegalArgumentException
        //   con un mensaje que nombre la columna y cite el valor entre comillas simples.
        throw new UnsupportedOperationException("Tarea 1 sin hacer: readCloses(...) todavía no lee el CSV.");
    }

    /** Tarea 2: agrupa los cierres por ticker y resume cada uno; la lista va ordenada por ticker. */
    static List<TickerSummary> summarise(List<DailyClose> closes) {
        // TODO Tarea 2: agrupa por ticker en un TreeMap (así quedan en orden alfabético). De cada grupo saca
        //   el mínimo y el máximo con compareTo, la media con divide(n, 4, RoundingMode.HALF_UP) y el cierre
        //   de la fecha más reciente. Dos cierres del mismo ticker en la misma fecha son un error de datos.
        throw new UnsupportedOperationException("Tarea 2 sin hacer: summarise(...) todavía no resume los cierres.");
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
