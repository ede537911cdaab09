package dev.lambdaworkbook.kit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("FunctionConfig: carpeta del módulo")
class FunctionConfigModuleTest {

    private static final String MODULE = "workbook.module";
    private static final String TEMPLATE = "workbook.template";

    private String savedModule;
    private String savedTemplate;

    @BeforeEach
    void saveProperties() {
        savedModule = System.getProperty(MODULE);
        savedTemplate = System.getProperty(TEMPLATE);
    }

    @AfterEach
    void restoreProperties() {
        restore(MODULE, savedModule);
        restore(TEMPLATE, savedTemplate);
    }

    @Test
    @DisplayName("sin workbook.module las rutas quedan relativas al directorio de trabajo")
    void workingDirectoryByDefault() {
        System.clearProperty(MODULE);

        Path resolved = FunctionConfig.modulePath("target/resumen-precios.zip");

        assertEquals(Path.of(""), FunctionConfig.moduleFolder());
        assertEquals(Path.of("target", "resumen-precios.zip"), resolved);
    }

    @Test
    @DisplayName("con workbook.module las rutas se resuelven dentro de esa carpeta")
    void moduleProperty(@TempDir Path module) {
        System.setProperty(MODULE, module.toString());

        Path resolved = FunctionConfig.modulePath("target/runtime-classpath.txt");

        assertEquals(module, FunctionConfig.moduleFolder());
        assertEquals(module.resolve("target").resolve("runtime-classpath.txt"), resolved);
    }

    @Test
    @DisplayName("sin workbook.template lee template.yaml de la carpeta del módulo")
    void templateInModuleFolder(@TempDir Path module) throws IOException {
        Files.writeString(module.resolve("template.yaml"), TemplateReaderTest.FULL);
        System.setProperty(MODULE, module.toString());
        System.clearProperty(TEMPLATE);

        FunctionConfig config = FunctionConfig.ofThisExercise();

        assertEquals(module.resolve("template.yaml"), config.template());
        assertEquals("filtro", config.functionName());
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
