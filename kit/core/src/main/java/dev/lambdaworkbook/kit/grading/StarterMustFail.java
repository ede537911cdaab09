package dev.lambdaworkbook.kit.grading;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks, in the workbook's self-verification build, that an exercise's starter code fails its graded suite.
 *
 * <p>Runs after Surefire with failures ignored, reads its XML reports and throws when no test ran or when every
 * test passed: a starter that passes would hand students a solved exercise.
 */
public final class StarterMustFail {

    private StarterMustFail() {
    }

    /**
     * Takes the Surefire reports folder, the exercise's folder and the module's packaging; a {@code pom} module
     * (the exercises' parent) has no suite and is passed over.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException(
                    "Uso: StarterMustFail <carpeta de informes de Surefire> <carpeta del ejercicio> <packaging>");
        }
        if ("pom".equals(args[2])) {
            return;
        }
        Path reports = Path.of(args[0]);
        String exercise = Path.of(args[1]).getFileName().toString();
        Counts counts = read(reports);
        if (counts.tests() == 0) {
            throw new IllegalStateException("El ejercicio " + exercise + " no ejecutó ninguna prueba (informes en '"
                    + reports + "'). Comprueba que la suite está en src/test/java y que sus clases terminan en Test.");
        }
        if (counts.failed() == 0) {
            throw new IllegalStateException("El código inicial del ejercicio " + exercise + " pasa las "
                    + counts.tests() + " pruebas de la suite: el alumno recibiría el ejercicio resuelto. "
                    + "Deja sin implementar lo que piden las tareas.");
        }
        System.out.printf("Ejercicio %s: el código inicial falla %d de %d pruebas, como debe.%n", exercise,
                counts.failed(), counts.tests());
    }

    /** Test counts summed over every report of a folder. */
    record Counts(int tests, int failed) {
    }

    /**
     * Counts the {@code testcase} elements of every report and those with a {@code failure} or {@code error}. The
     * counts on the report's root element are not used: Surefire leaves them at zero when all the tests of a class
     * sit in {@code @Nested} classes.
     */
    static Counts read(Path reports) throws IOException {
        if (!Files.isDirectory(reports)) {
            return new Counts(0, 0);
        }
        int tests = 0;
        int failed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(reports, "TEST-*.xml")) {
            for (Path file : files) {
                NodeList testCases = parse(file).getElementsByTagName("testcase");
                for (int i = 0; i < testCases.getLength(); i++) {
                    Element testCase = (Element) testCases.item(i);
                    tests++;
                    if (hasChild(testCase, "failure") || hasChild(testCase, "error")) {
                        failed++;
                    }
                }
            }
        }
        return new Counts(tests, failed);
    }

    private static boolean hasChild(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getTagName())) {
                return true;
            }
        }
        return false;
    }

    private static Element parse(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException invalid) {
            throw new IOException("Informe de Surefire ilegible: '" + file + "'", invalid);
        }
    }
}
