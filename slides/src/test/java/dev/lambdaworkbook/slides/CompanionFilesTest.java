package dev.lambdaworkbook.slides;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.config.TemplateReader;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** Checks the files that the slides quote besides Java: SAM templates, IAM policies and SVG diagrams. */
@DisplayName("Presentaciones: plantillas, políticas y diagramas")
class CompanionFilesTest {

    static Stream<Path> templates() throws IOException {
        return files("plantillas", ".yaml");
    }

    static Stream<Path> policies() throws IOException {
        return files("politicas", ".json");
    }

    static Stream<Path> diagrams() throws IOException {
        return Workbook.diagrams().stream();
    }

    private static Stream<Path> files(String folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Workbook.MODULE.resolve(folder))) {
            return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    @DisplayName("la plantilla es válida y su handler existe en slides/src/main/java")
    void templateIsValid(Path template) {
        FunctionConfig config = TemplateReader.read(template);

        Class<?> handlerClass = assertDoesNotThrow(() -> Class.forName(config.handlerClass()),
                () -> Workbook.relative(template) + ": la clase del handler '" + config.handlerClass()
                        + "' no existe en el módulo slides.");
        List<String> methods = Arrays.stream(handlerClass.getMethods()).map(Method::getName).toList();
        assertTrue(methods.contains(config.handlerMethod()), Workbook.relative(template) + ": la clase "
                + config.handlerClass() + " no tiene un método público '" + config.handlerMethod() + "'.");
        assertFalse(config.triggers().isEmpty(), Workbook.relative(template)
                + ": la plantilla no declara ningún disparador en Events; las diapositivas la usan para eso.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    @DisplayName("la política es JSON de IAM con Version y Statement")
    void policyIsIamJson(Path policy) throws IOException {
        JsonNode json = new ObjectMapper().readTree(policy.toFile());

        assertEquals("2012-10-17", json.path("Version").asText(), Workbook.relative(policy)
                + ": una política de IAM empieza por \"Version\": \"2012-10-17\".");
        assertTrue(json.path("Statement").isArray(), Workbook.relative(policy)
                + ": falta la lista \"Statement\" con las sentencias de la política.");
        assertFalse(json.path("Statement").isEmpty(), Workbook.relative(policy)
                + ": la lista \"Statement\" está vacía; una política necesita al menos una sentencia.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("diagrams")
    @DisplayName("el diagrama es un SVG bien formado con título")
    void diagramIsSvgWithTitle(Path diagram) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);

        Document svg = factory.newDocumentBuilder().parse(diagram.toFile());

        assertEquals("svg", svg.getDocumentElement().getLocalName(), Workbook.relative(diagram)
                + ": el elemento raíz debe ser <svg>.");
        assertTrue(svg.getElementsByTagNameNS("*", "title").getLength() > 0, Workbook.relative(diagram)
                + ": falta <title> con una frase que describa el diagrama (la leen los lectores de pantalla).");
    }
}
