package dev.lambdaworkbook.checker;

import dev.lambdaworkbook.checker.workbook.ClasspathSource;
import dev.lambdaworkbook.checker.workbook.Workbook;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The fixture workbook under {@code src/test/resources} and the class path its exercise runs with. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Returns a folder of the test resources, such as {@code cuaderno-prueba} or {@code escenarios}. */
    public static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public static Workbook workbook() {
        return Workbook.at(resource("cuaderno-prueba"));
    }

    /** Returns the real workbook this checker belongs to, as the build passes it. */
    public static Workbook realWorkbook() {
        return Workbook.at(Path.of(System.getProperty("checker.workbook", "..")));
    }

    /**
     * Returns the test run's own class path without the checker's classes: JUnit, the kit and their libraries are
     * all the fixture exercise needs.
     */
    public static ClasspathSource classpath() {
        List<Path> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("checker" + File.separator + "target"))
                .map(Path::of)
                .toList();
        return exercise -> entries;
    }
}
