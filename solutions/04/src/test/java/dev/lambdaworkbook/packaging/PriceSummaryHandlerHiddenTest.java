package dev.lambdaworkbook.packaging;

import dev.lambdaworkbook.kit.context.RecordingLogger;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.kit.grading.Expect;
import dev.lambdaworkbook.kit.grading.Graded;
import dev.lambdaworkbook.kit.zip.PackageInspection;
import dev.lambdaworkbook.kit.zip.PackagedHandler;
import dev.lambdaworkbook.kit.zip.UnpackedPackage;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Ejercicio 04: pruebas ocultas")
@TestClassOrder(ClassOrderer.DisplayName.class)
class PriceSummaryHandlerHiddenTest {

    static DailyClose close(String date, String ticker, String price) {
        return new DailyClose(LocalDate.parse(date), ticker, new BigDecimal(price));
    }

    static <T extends Throwable> T expectThrows(Class<T> type, Runnable action, String description) {
        try {
            action.run();
        } catch (UnsupportedOperationException unfinished) {
            throw unfinished;
        } catch (RuntimeException thrown) {
            if (type.isInstance(thrown)) {
                return type.cast(thrown);
            }
            throw Expect.failure(description + ": se esperaba " + type.getSimpleName() + " y llegó " + thrown);
        }
        throw Expect.failure(description + ": se esperaba " + type.getSimpleName() + " y no se lanzó nada.");
    }

    @Nested
    @DisplayName("Tarea 1: leer el CSV con Commons CSV")
    class ReadCloses {

        @Test
        @Graded(task = 1, points = 1)
        @DisplayName("Lee las columnas por su nombre, en cualquier orden y con columnas de más")
        void columnsByName() throws IOException {
            String csv = "volumen,cierre,ticker,fecha\n120000,8.577,SAN,2026-03-02\n";

            List<DailyClose> closes = PriceSummaryHandler.readCloses(new StringReader(csv));

            Expect.equal(List.of(close("2026-03-02", "SAN", "8.577")), closes, "Filas de " + csv.replace("\n", "⏎"),
                    "Lee cada columna con record.get(\"nombre\"), no por su posición.");
        }

        @Test
        @Graded(task = 1, points = 1)
        @DisplayName("Rechaza una fila con menos campos que la cabecera")
        void shortRow() {
            String csv = "fecha,ticker,cierre\n2026-03-02,SAN\n";

            expectThrows(IllegalArgumentException.class, () -> read(csv), "Con la fila «2026-03-02,SAN»");
        }

        @Test
        @Graded(task = 1, points = 1)
        @DisplayName("Un fichero con solo la cabecera no tiene filas")
        void headerOnly() throws IOException {
            List<DailyClose> closes = PriceSummaryHandler.readCloses(new StringReader("fecha,ticker,cierre\n"));

            Expect.equal(List.of(), closes, "Filas de un CSV con solo la cabecera", "Devuelve una lista vacía.");
        }

        private void read(String csv) {
            try {
                PriceSummaryHandler.readCloses(new StringReader(csv));
            } catch (IOException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }
    }

    @Nested
    @DisplayName("Tarea 2: resumir por ticker")
    class Summarise {

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("Dos cierres del mismo ticker en la misma fecha son un error que nombra el ticker")
        void duplicateSession() {
            List<DailyClose> closes = List.of(close("2026-03-02", "SAN", "8.5"), close("2026-03-02", "SAN", "8.6"));

            IllegalArgumentException error = expectThrows(IllegalArgumentException.class,
                    () -> PriceSummaryHandler.summarise(closes), "Con dos cierres de SAN el 2026-03-02");

            Expect.that(String.valueOf(error.getMessage()).contains("SAN"), () -> "El mensaje debe nombrar el "
                    + "ticker SAN y es: " + error.getMessage());
        }

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("Un solo cierre es a la vez mínimo, máximo, media y último; sin cierres no hay resumen")
        void singleAndEmpty() throws IOException {
            List<DailyClose> single = List.of(close("2026-03-02", "ITX", "45.1"));

            String csv = PriceSummaryHandler.toCsv(PriceSummaryHandler.summarise(single));
            List<TickerSummary> none = PriceSummaryHandler.summarise(List.of());

            Expect.equal("ticker,minimo,maximo,media,ultimo\nITX,45.1000,45.1000,45.1000,45.1000\n", csv,
                    "Resumen de un solo cierre", "Con un cierre, la media es ese cierre.");
            Expect.equal(List.of(), none, "Resumen de una lista vacía", "Devuelve una lista vacía.");
        }

        @Test
        @Graded(task = 2, points = 1)
        @DisplayName("Llamar dos veces a la función da el mismo resultado")
        void repeatableInvocations() {
            PriceSummaryHandler handler = new PriceSummaryHandler();
            TestContext context = TestContext.builder().functionName("resumen-precios").build();

            String first = handler.handleRequest(Map.of(), context);
            String second = handler.handleRequest(Map.of(), context);

            Expect.equal(first, second, "Resultado de la segunda invocación en el mismo entorno",
                    "Lambda reutiliza la instancia del handler: no acumules cierres en campos entre invocaciones.");
        }
    }

    @Nested
    @DisplayName("Tarea 3: el paquete .zip")
    class Package {

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("El paquete no tiene ningún problema y lib/ lleva exactamente las dependencias de runtime")
        void wholePackage() throws IOException {
            PackageInspection inspection = LambdaPackage.inspect();

            Expect.that(inspection.isValid(), inspection::report);
            Expect.equal(LambdaPackage.runtimeLibraries(), inspection.libraries(), "Ficheros de lib/",
                    "Solo las dependencias de runtime, sin las de pruebas.");
        }

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("El paquete no lleva clases de pruebas")
        void noTestClasses() throws IOException {
            List<String> testClasses;
            try (ZipFile zip = new ZipFile(LambdaPackage.zip().toFile())) {
                testClasses = zip.stream().map(ZipEntry::getName)
                        .filter(name -> name.endsWith("Test.class") || name.contains("Test$")).toList();
            }

            Expect.equal(List.of(), testClasses, "Clases de pruebas en el .zip", "Empaqueta target/classes, no "
                    + "target/test-classes.");
        }

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("Desde el .zip, la función escribe en el log del contexto")
        void logsFromPackage(@TempDir Path folder) throws Exception {
            UnpackedPackage unpacked = LambdaPackage.unpack(folder.resolve("var-task"));
            RecordingLogger logger = new RecordingLogger();
            TestContext context = TestContext.builder().functionName("resumen-precios").logger(logger).build();

            try (PackagedHandler packaged = PackagedHandler.load(unpacked, LambdaPackage.config().handler())) {
                packaged.invoke(Map.of(), context);
            }

            Expect.equal(List.of("Resumen de 5 valores a partir de 50 cierres de " + PriceSummaryHandler.PRICES),
                    logger.messages(), "Log de la función ejecutada desde el .zip", "No cambies el mensaje de log "
                            + "de handleRequest.");
        }

        @Test
        @Graded(task = 3, points = 1)
        @DisplayName("CodeUri de la plantilla apunta al .zip que genera el descriptor")
        void codeUriMatchesZip() {
            String codeUri = LambdaPackage.config().codeUri();

            Expect.equal("target/resumen-precios.zip", codeUri, "CodeUri en template.yaml",
                    "No cambies CodeUri: deploy.java sube ese fichero.");
        }
    }
}
