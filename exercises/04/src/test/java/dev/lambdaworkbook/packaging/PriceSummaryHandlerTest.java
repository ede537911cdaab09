package dev.lambdaworkbook.packaging;

import static dev.lambdaworkbook.kit.zip.PackageProblem.Kind.APP_JAR_AT_ROOT;
import static dev.lambdaworkbook.kit.zip.PackageProblem.Kind.CLASSES_IN_BUILD_FOLDER;
import static dev.lambdaworkbook.kit.zip.PackageProblem.Kind.JAR_OUTSIDE_LIB;
import static dev.lambdaworkbook.kit.zip.PackageProblem.Kind.MISSING_HANDLER;
import static dev.lambdaworkbook.kit.zip.PackageProblem.Kind.MISSING_LIBRARY;
import static dev.lambdaworkbook.kit.zip.PackageProblem.Kind.PROJECT_FOLDER;
import static dev.lambdaworkbook.kit.zip.PackageProblem.Kind.SIGNATURE_FILE;
import static dev.lambdaworkbook.kit.zip.PackageProblem.Kind.TEST_LIBRARY;
import static dev.lambdaworkbook.kit.zip.PackageProblem.Kind.TOO_LARGE_FOR_DIRECT_UPLOAD;
import static dev.lambdaworkbook.kit.zip.PackageProblem.Kind.TOO_LARGE_UNZIPPED;
import static dev.lambdaworkbook.kit.zip.PackageProblem.Kind.UNSAFE_ENTRY;

import dev.lambdaworkbook.kit.context.RecordingLogger;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.grading.Graded;
import dev.lambdaworkbook.kit.zip.PackageInspection;
import dev.lambdaworkbook.kit.zip.PackagedHandler;
import dev.lambdaworkbook.kit.zip.UnpackedPackage;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Ejercicio 04: paquete .zip con una librería")
@TestClassOrder(ClassOrderer.DisplayName.class)
class PriceSummaryHandlerTest {

    /** The summary of the shipped price file, checked by hand: the last close is the one of 2026-03-13. */
    static final String SAMPLE_SUMMARY = """
            ticker,minimo,maximo,media,ultimo
            BBVA,13.1500,14.0700,13.5900,13.6600
            IBE,15.9800,16.9000,16.4110,16.9000
            ITX,44.4300,45.8700,45.1370,44.6900
            SAN,8.1920,8.5770,8.3706,8.2260
            TEF,4.2200,4.3190,4.2735,4.2690
            """;

    static Reader samplePrices() {
        return new InputStreamReader(PriceSummaryHandler.class.getClassLoader()
                .getResourceAsStream(PriceSummaryHandler.PRICES), StandardCharsets.UTF_8);
    }

    static List<DailyClose> read(String csv) throws IOException {
        return PriceSummaryHandler.readCloses(new StringReader(csv));
    }

    static DailyClose close(String date, String ticker, String price) {
        return new DailyClose(LocalDate.parse(date), ticker, new BigDecimal(price));
    }

    @Nested
    @DisplayName("Tarea 1: leer el CSV con Commons CSV")
    class ReadCloses {

        @Test
        @Graded(task = 1, points = 1)
        @DisplayName("Lee las 50 filas del fichero de ejemplo en su orden")
        void readsSampleFile() throws IOException {
            List<DailyClose> closes;

            try (Reader prices = samplePrices()) {
                closes = PriceSummaryHandler.readCloses(prices);
            }

            Expect.equal(50, closes.size(), "Filas leídas de " + PriceSummaryHandler.PRICES,
                    "Salta la cabecera con setSkipHeaderRecord(true) y lee todas las filas.");
            Expect.equal(close("2026-03-13", "BBVA", "13.66"), closes.get(0), "Primera fila",
                    "Lee fecha con LocalDate.parse, ticker tal cual y cierre con new BigDecimal(...).");
            Expect.equal(close("2026-03-02", "TEF", "4.301"), closes.get(49), "Última fila",
                    "Devuelve las filas en el orden del fichero.");
        }

        @Test
        @Graded(task = 1, points = 1)
        @DisplayName("Admite comillas, espacios alrededor, líneas vacías y finales de línea de Windows")
        void toleratesCsvVariants() throws IOException {
            String csv = "fecha,ticker,cierre\r\n2026-03-02, SAN ,8.577\r\n\r\n\"2026-03-03\",\"BBVA\",\"13.80\"\r\n";

            List<DailyClose> closes = read(csv);

            Expect.equal(List.of(close("2026-03-02", "SAN", "8.577"), close("2026-03-03", "BBVA", "13.80")), closes,
                    "Filas leídas de " + csv.replace("\r\n", "⏎"), "Usa setTrim(true) y setIgnoreEmptyLines(true); "
                            + "Commons CSV quita las comillas por ti.");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                fecha no válida        | 2026-13-02,SAN,8.577 | fecha  | "'2026-13-02'"
                cierre no numérico     | 2026-03-02,SAN,abc   | cierre | "'abc'"
                cierre cero            | 2026-03-02,SAN,0     | cierre | "'0'"
                cierre negativo        | 2026-03-02,SAN,-1.5  | cierre | "'-1.5'"
                ticker vacío           | 2026-03-02,,8.577    | ticker |
                """)
        @Graded(task = 1, points = 1)
        @DisplayName("Rechaza una fila errónea nombrando la columna y citando el valor")
        void rejectsBadRow(String name, String row, String column, String quotedValue) {
            String csv = "fecha,ticker,cierre\n2026-03-01,BBVA,13.80\n" + row + "\n";

            IllegalArgumentException error = expectRejected(csv, "un CSV con " + name);

            String message = String.valueOf(error.getMessage());
            Expect.that(message.contains(column), () -> "Con la fila «" + row + "» el mensaje debe nombrar la "
                    + "columna " + column + ", y es: " + message);
            Expect.that(quotedValue == null || message.contains(quotedValue), () -> "Con la fila «" + row
                    + "» el mensaje debe citar el valor entre comillas simples, " + quotedValue + ", y es: " + message);
        }

        @Test
        @Graded(task = 1, points = 1)
        @DisplayName("Rechaza un fichero sin la columna cierre")
        void rejectsMissingColumn() {
            IllegalArgumentException error = expectRejected("fecha,ticker,precio\n2026-03-02,SAN,8.577\n",
                    "un CSV sin la columna cierre");

            Expect.that(error.getMessage() != null && error.getMessage().contains("'cierre'"), () -> "El mensaje "
                    + "debe nombrar la columna que falta, 'cierre', y es: " + error.getMessage());
        }

        private IllegalArgumentException expectRejected(String csv, String description) {
            try {
                List<DailyClose> closes = read(csv);
                throw Expect.failure("Con " + description + " se esperaba IllegalArgumentException y "
                        + "readCloses(...) devolvió " + closes + ".");
            } catch (IllegalArgumentException expected) {
                return expected;
            } catch (UnsupportedOperationException unfinished) {
                throw unfinished;
            } catch (IOException | RuntimeException other) {
                throw Expect.failure("Con " + description + " se esperaba IllegalArgumentException y llegó "
                        + other.getClass().getName() + " («" + other.getMessage() + "»). Captura el error y lanza "
                        + "IllegalArgumentException con tu mensaje.");
            }
        }
    }

    @Nested
    @DisplayName("Tarea 2: resumir por ticker")
    class Summarise {

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("Resume el fichero de ejemplo: mínimo, máximo, media y último cierre")
        void summarisesSample() throws IOException {
            List<DailyClose> closes;
            try (Reader prices = samplePrices()) {
                closes = PriceSummaryHandler.readCloses(prices);
            }

            List<TickerSummary> summaries = PriceSummaryHandler.summarise(closes);

            Expect.equal(SAMPLE_SUMMARY, PriceSummaryHandler.toCsv(summaries), "Resumen del fichero de ejemplo",
                    "El fichero va de la sesión más reciente a la más antigua: el último cierre es el de la fecha "
                            + "más reciente, no el de la última fila.");
        }

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("El último cierre es el de la fecha más reciente, en cualquier orden de filas")
        void lastIsLatestDate() {
            List<DailyClose> closes = new ArrayList<>(List.of(close("2026-03-02", "SAN", "8.50"),
                    close("2026-03-05", "SAN", "8.70"), close("2026-03-03", "SAN", "8.60"),
                    close("2026-03-04", "SAN", "8.40")));
            Collections.shuffle(closes, new Random(4));

            List<TickerSummary> summaries = PriceSummaryHandler.summarise(closes);

            Expect.equal(1, summaries.size(), "Resúmenes de un único ticker", "Agrupa por ticker.");
            BigDecimal last = summaries.get(0).last();
            Expect.that(last.compareTo(new BigDecimal("8.70")) == 0, () -> "El último cierre de SAN en " + closes
                    + " es 8.70, el del 2026-03-05, y llegó " + last + ". Busca la fila de fecha más reciente, no "
                    + "la última fila.");
        }

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("La media se redondea a 4 decimales con HALF_UP y los tickers salen en orden alfabético")
        void meanAndOrder() throws IOException {
            List<DailyClose> closes = List.of(close("2026-03-02", "TEF", "1.0000"), close("2026-03-03", "TEF",
                    "1.0001"), close("2026-03-02", "BBVA", "1"), close("2026-03-03", "BBVA", "2"),
                    close("2026-03-04", "BBVA", "2"));

            String csv = PriceSummaryHandler.toCsv(PriceSummaryHandler.summarise(closes));

            Expect.equal("""
                    ticker,minimo,maximo,media,ultimo
                    BBVA,1.0000,2.0000,1.6667,2.0000
                    TEF,1.0000,1.0001,1.0001,1.0001
                    """, csv, "Resumen de BBVA 1, 2, 2 y TEF 1.0000, 1.0001", "La media es la suma entre el número "
                    + "de cierres con divide(n, 4, RoundingMode.HALF_UP): 1.00005 sube a 1.0001.");
        }

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("handleRequest devuelve el resumen del fichero que viaja con la función")
        void handleRequest() {
            RecordingLogger logger = new RecordingLogger();

            String result = new PriceSummaryHandler().handleRequest(Map.of(),
                    TestContext.builder().functionName("resumen-precios").logger(logger).build());

            Expect.equal(SAMPLE_SUMMARY, result, "Valor que devuelve handleRequest", "Revisa las tareas 1 y 2.");
        }
    }

    @Nested
    @DisplayName("Tarea 3: el paquete .zip")
    class Package {

        private static final String DESCRIPTOR = "src/assembly/lambda-zip.xml";

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("Las clases y los recursos están en la raíz del .zip")
        void classesAtRoot() throws IOException {
            PackageInspection inspection = LambdaPackage.inspect();

            LambdaPackage.expectNo(inspection, Set.of(MISSING_HANDLER, CLASSES_IN_BUILD_FOLDER, PROJECT_FOLDER,
                    APP_JAR_AT_ROOT), "Revisa en " + DESCRIPTOR + " el <outputDirectory> del fileSet de las clases.");
            String handlerEntry = "dev/lambdaworkbook/packaging/PriceSummaryHandler.class";
            Expect.equal(handlerEntry, inspection.handlerEntry(), "Entrada de la clase del handler",
                    "Las clases van en la raíz del .zip, no dentro de un .jar.");
        }

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("Las dependencias de runtime están en lib/ y no hay librerías de pruebas")
        void librariesInLib() throws IOException {
            PackageInspection inspection = LambdaPackage.inspect();

            LambdaPackage.expectNo(inspection, Set.of(MISSING_LIBRARY, JAR_OUTSIDE_LIB, TEST_LIBRARY), "Revisa en "
                    + DESCRIPTOR + " el <outputDirectory> y el <scope> del dependencySet.");
            List<String> extra = new ArrayList<>(inspection.libraries());
            extra.removeAll(LambdaPackage.runtimeLibraries());
            Expect.that(extra.isEmpty(), () -> "lib/ lleva .jar que la función no usa en Lambda: " + extra
                    + ". Solo van las dependencias de runtime " + runtime() + ". Revisa el <scope> del "
                    + "dependencySet en " + DESCRIPTOR + ".");
        }

        private List<String> runtime() {
            try {
                return LambdaPackage.runtimeLibraries();
            } catch (IOException unreadable) {
                return List.of("(no se puede leer " + LambdaPackage.RUNTIME_CLASSPATH + ")");
            }
        }

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("No lleva ficheros de firma y cabe en los límites de Lambda")
        void signaturesAndSize() throws IOException {
            PackageInspection inspection = LambdaPackage.inspect();

            LambdaPackage.expectNo(inspection, Set.of(SIGNATURE_FILE, TOO_LARGE_FOR_DIRECT_UPLOAD, TOO_LARGE_UNZIPPED,
                    UNSAFE_ENTRY), "Deja las dependencias sin desempaquetar (<unpack>false</unpack>) y solo las de "
                    + "runtime.");
        }

        @Test
        @Graded(task = 3, points = 2)
        @DisplayName("La función funciona ejecutada desde el .zip descomprimido, como en Lambda")
        void runsFromPackage(@TempDir Path folder) throws Exception {
            UnpackedPackage unpacked = LambdaPackage.unpack(folder.resolve("var-task"));
            String handler = LambdaPackage.config().handler();

            try (PackagedHandler packaged = load(unpacked, handler)) {
                expectLoadedFrom(packaged, unpacked);
                expectSameResult(packaged);
            }
        }

        private PackagedHandler load(UnpackedPackage unpacked, String handler) throws ReflectiveOperationException {
            try {
                return PackagedHandler.load(unpacked, handler);
            } catch (ClassNotFoundException missing) {
                throw Expect.failure("Lambda no encontraría la clase del handler: con el classpath del .zip "
                        + "(la raíz y lib/*.jar) falla con ClassNotFoundException: " + missing.getMessage()
                        + ". Pon las clases en la raíz del .zip.");
            } catch (NoClassDefFoundError missing) {
                throw Expect.failure("La clase del handler no carga con el classpath del .zip: falta "
                        + missing.getMessage() + ". ¿Están todas las dependencias de runtime en lib/?");
            }
        }

        private void expectLoadedFrom(PackagedHandler packaged, UnpackedPackage unpacked) throws URISyntaxException {
            Path handlerSource = Path.of(packaged.handlerClass().getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            Expect.equal(unpacked.root(), handlerSource, "Carpeta desde la que se cargó el handler",
                    "Las clases deben estar en la raíz del .zip.");
            Expect.that(packaged.classLoader().getResource(PriceSummaryHandler.PRICES) != null, () -> "Con el "
                    + "classpath del .zip no se encuentra '" + PriceSummaryHandler.PRICES + "'. Los recursos de "
                    + "src/main/resources van en la raíz del .zip, junto a las clases.");
            Class<?> csvFormat;
            try {
                csvFormat = Class.forName("org.apache.commons.csv.CSVFormat", false, packaged.classLoader());
            } catch (ClassNotFoundException missing) {
                throw Expect.failure("Con el classpath del .zip no se encuentra Commons CSV (CSVFormat). Pon sus .jar "
                        + "en lib/.");
            }
            Path csvJar = Path.of(csvFormat.getProtectionDomain().getCodeSource().getLocation().toURI());
            Expect.equal(unpacked.root().resolve("lib"), csvJar.getParent(), "Carpeta del .jar de Commons CSV",
                    "Los .jar de las dependencias van en lib/.");
        }

        /** Compares the packaged handler with the source: same result, or the same exception while unfinished. */
        private void expectSameResult(PackagedHandler packaged) throws Exception {
            Object expected;
            try {
                expected = new PriceSummaryHandler().handleRequest(Map.of(), TestContext.builder().build());
            } catch (RuntimeException unfinished) {
                expectSameFailure(packaged, unfinished);
                return;
            }
            Object result;
            try {
                result = packaged.invoke(Map.of(), TestContext.builder().functionName("resumen-precios").build());
            } catch (Exception | LinkageError failure) {
                throw Expect.failure("Ejecutada desde el .zip, la función falla con " + failure + " y desde el "
                        + "código funciona. ¿Faltan dependencias en lib/ o recursos en la raíz?");
            }
            Expect.equal(expected, result, "Resultado de la función ejecutada desde el .zip",
                    "Debe ser el mismo que el del código.");
        }

        private void expectSameFailure(PackagedHandler packaged, RuntimeException unfinished) {
            try {
                packaged.invoke(Map.of(), TestContext.builder().build());
            } catch (Exception | LinkageError failure) {
                Expect.equal(unfinished.getClass().getName(), failure.getClass().getName(), "Error de la función "
                        + "ejecutada desde el .zip", "Desde el código falla con " + unfinished + "; desde el .zip "
                        + "debería fallar igual.");
                return;
            }
            throw Expect.failure("Desde el código la función falla con " + unfinished + " y desde el .zip no. "
                    + "¿Es el .zip de una versión anterior? Vuelve a construirlo.");
        }
    }
}
