package dev.lambdaworkbook.kit.services.ticks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.kit.services.ticks.TickFileOptions.Quirk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Generador de ficheros de ticks de BME")
class TickFileGeneratorTest {

    private static final Pattern PRICE = Pattern.compile("\\d+\\.\\d{4}");
    private static final Pattern HORA = Pattern.compile("\\d{8}");

    private static List<String> lines(byte[] file) {
        return Arrays.asList(new String(file, StandardCharsets.ISO_8859_1).split("\n", -1));
    }

    @Test
    @DisplayName("la cabecera tiene los 38 campos, de FECHA a RegulatoryReportType")
    void header() {
        List<String> lines = lines(TickFileGenerator.bytes(TickFileOptions.rows(3)));

        List<String> header = List.of(lines.get(0).split(";"));
        assertEquals(38, header.size());
        assertEquals(List.of("FECHA", "SECUENCIA", "VALOR", "VOLUMEN", "PRECIO"), header.subList(0, 5));
        assertEquals("RegulatoryReportType", header.get(37));
    }

    @Test
    @DisplayName("cada fila tiene el formato de BME: VALOR de 8, PRECIO con 4 decimales, horas, espacio final")
    void rowFormat() {
        List<String> lines = lines(TickFileGenerator.bytes(TickFileOptions.rows(500)));
        List<String> data = lines.subList(1, lines.size() - 1);

        assertEquals("", lines.get(lines.size() - 1), "el fichero termina en salto de línea");
        assertEquals(500, data.size());
        LocalTime previous = LocalTime.MIN;
        for (int i = 0; i < data.size(); i++) {
            String line = data.get(i);
            String[] fields = line.split(";", -1);
            assertEquals(38, fields.length, line);
            assertEquals("2018-03-19", fields[0]);
            assertEquals(String.valueOf(i + 1), fields[1]);
            assertEquals(8, fields[2].length(), "VALOR relleno a 8: '" + fields[2] + "'");
            assertTrue(fields[3].matches("[1-9]\\d*"), fields[3]);
            assertTrue(PRICE.matcher(fields[4]).matches(), fields[4]);
            assertTrue(HORA.matcher(fields[5]).matches(), fields[5]);
            LocalTime executed = LocalTime.parse(fields[6]);
            assertEquals(fields[6].substring(0, 2) + fields[6].substring(3, 5) + fields[6].substring(6, 8)
                    + fields[6].substring(9, 11), fields[5], "HORA es HORAEJEC en centésimas");
            assertFalse(executed.isBefore(previous), "orden temporal en la fila " + (i + 1));
            assertFalse(executed.isAfter(LocalTime.of(17, 35)));
            assertEquals(" ", fields[37], "el último campo es un espacio");
            assertFalse(line.endsWith(";"));
            previous = executed;
        }
        assertEquals(LocalTime.of(9, 0), LocalTime.parse(data.get(0).split(";")[6]));
    }

    @Test
    @DisplayName("la misma semilla da los mismos bytes y otra semilla, otros")
    void deterministic() {
        TickFileOptions options = TickFileOptions.rows(2000).withAllQuirks();

        byte[] first = TickFileGenerator.bytes(options);
        byte[] second = TickFileGenerator.bytes(options);
        byte[] other = TickFileGenerator.bytes(options.withSeed(2));

        assertArrayEquals(first, second);
        assertFalse(Arrays.equals(first, other));
    }

    @Test
    @DisplayName("el resumen cuenta las filas completas por valor como un lector ingenuo")
    void summaryMatchesFile() throws IOException {
        TickFileOptions options = TickFileOptions.rows(5000).withShortRows(40);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        TickFileSummary summary = TickFileGenerator.write(options, out);

        Map<String, Long> counted = new HashMap<>();
        long shortRows = 0;
        List<String> lines = lines(out.toByteArray());
        for (String line : lines.subList(1, lines.size() - 1)) {
            String[] fields = line.split(";", -1);
            if (fields.length < 38) {
                shortRows++;
            } else {
                counted.merge(fields[2].trim(), 1L, Long::sum);
            }
        }
        assertEquals(40, shortRows);
        assertEquals(40, summary.shortRows());
        assertEquals(4960, summary.completeRows());
        counted.forEach((ticker, count) -> assertEquals(count, summary.completeRowsByTicker().get(ticker), ticker));
        assertEquals(out.size(), summary.bytes());
        assertTrue(summary.completeRowsOf(List.of("SAN", "TEF", "IDX")) > 500);
    }

    @Test
    @DisplayName("las rarezas aparecen: BOM, CRLF, línea en blanco, cabecera repetida, bytes latin-1")
    void quirks() {
        byte[] file = TickFileGenerator.bytes(TickFileOptions.rows(4000).withAllQuirks());

        String text = new String(file, StandardCharsets.ISO_8859_1);
        assertEquals((byte) 0xEF, file[0]);
        assertEquals((byte) 0xBB, file[1]);
        assertEquals((byte) 0xBF, file[2]);
        assertTrue(text.contains(BmeLayout.HEADER_LINE + "\r\n\r\n"), "línea en blanco tras la cabecera");
        assertEquals(2, text.split(Pattern.quote(BmeLayout.HEADER_LINE), -1).length - 1, "cabecera dos veces");
        assertFalse(text.replace("\r\n", "").contains("\n"), "todas las líneas terminan en CRLF");
        assertTrue(text.contains("TELEF\u00d3NICA"), "Ó de TELEFÓNICA como el byte latin-1 0xD3");
        assertFalse(new String(file, StandardCharsets.UTF_8).contains("TELEFÓNICA"));
    }

    @Test
    @DisplayName("sin rarezas el fichero es UTF-8 válido sin BOM")
    void cleanIsUtf8() {
        byte[] file = TickFileGenerator.bytes(TickFileOptions.rows(4000));

        assertEquals('F', file[0]);
        assertTrue(new String(file, StandardCharsets.UTF_8).contains("TELEFÓNICA"));
        assertFalse(new String(file, StandardCharsets.UTF_8).contains("\r"));
    }

    @Test
    @DisplayName("escribe a fichero de forma atómica, sin dejar temporales")
    void writesFileAtomically(@TempDir Path folder) throws IOException {
        Path target = folder.resolve("RV_TICK.csv");

        TickFileSummary summary = TickFileGenerator.write(TickFileOptions.rows(100), target);

        assertEquals(Files.size(target), summary.bytes());
        assertEquals(List.of(target), Files.list(folder).toList());
    }

    @Test
    @DisplayName("rechaza opciones imposibles con un mensaje que nombra el valor")
    void rejectsBadOptions() {
        IllegalArgumentException weekend = assertThrows(IllegalArgumentException.class,
                () -> TickFileOptions.rows(10).withDate(LocalDate.of(2018, 3, 17)));
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> TickFileOptions.rows(10).withShortRows(11));

        assertTrue(weekend.getMessage().contains("'2018-03-17'"), weekend.getMessage());
        assertTrue(tooShort.getMessage().contains("'11'"), tooShort.getMessage());
    }

    @Test
    @DisplayName("los ISIN tienen un dígito de control válido")
    void isinCheckDigit() {
        assertEquals(7, BmeTickers.checkDigit("ES0113900J3"));
        assertEquals(5, BmeTickers.checkDigit("US037833100"));
        List<String> isins = new ArrayList<>();
        BmeTickers.STOCKS.forEach(stock -> isins.add(BmeTickers.isin(stock.ticker())));
        isins.forEach(isin -> assertEquals(isin.charAt(11) - '0', BmeTickers.checkDigit(isin.substring(0, 11)), isin));
        assertEquals(isins.size(), isins.stream().distinct().count(), "ISIN distintos");
    }

    @Test
    void cacheKeepsSameBytes(@TempDir Path folder) throws IOException {
        TickFileOptions options = TickFileOptions.rows(2000).withSeed(5).withAllQuirks();
        byte[] generated = TickFileGenerator.bytes(options);

        byte[] stored = withCache(folder, () -> TickFileGenerator.bytes(options));
        byte[] read = withCache(folder, () -> TickFileGenerator.bytes(options));

        assertArrayEquals(generated, stored);
        assertArrayEquals(generated, read);
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "one file per options, no temporary files left");
        }
    }

    @Test
    void cacheFileIsRead(@TempDir Path folder) throws IOException {
        TickFileOptions options = TickFileOptions.rows(10);
        withCache(folder, () -> TickFileGenerator.bytes(options));
        try (var files = Files.list(folder)) {
            Files.writeString(files.findFirst().orElseThrow(), "marca");
        }

        byte[] read = withCache(folder, () -> TickFileGenerator.bytes(options));

        assertEquals("marca", new String(read, StandardCharsets.UTF_8));
    }

    @Test
    void unusableCacheStillGenerates(@TempDir Path folder) throws IOException {
        Path missing = folder.resolve("no-existe");
        Files.writeString(folder.resolve("fichero"), "no es una carpeta");
        TickFileOptions options = TickFileOptions.rows(100);

        byte[] underFile = withCache(folder.resolve("fichero"), () -> TickFileGenerator.bytes(options));
        byte[] created = withCache(missing, () -> TickFileGenerator.bytes(options));

        assertArrayEquals(TickFileGenerator.bytes(options), underFile);
        assertArrayEquals(TickFileGenerator.bytes(options), created);
        assertTrue(Files.isDirectory(missing), "a missing cache folder is created");
    }

    private static byte[] withCache(Path folder, java.util.function.Supplier<byte[]> action) {
        System.setProperty(TickFileGenerator.CACHE_PROPERTY, folder.toString());
        try {
            return action.get();
        } finally {
            System.clearProperty(TickFileGenerator.CACHE_PROPERTY);
        }
    }
}
