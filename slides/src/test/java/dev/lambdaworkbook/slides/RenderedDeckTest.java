package dev.lambdaworkbook.slides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.slides.deck.DeckFile;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the HTML that Marp CLI renders into {@code target/html}: one page per deck, and every image, link and CSS
 * {@code url()} of a page resolves to a file.
 *
 * <p>The Maven profile {@code verificar} renders the deck before the tests and sets {@code slides.html.required},
 * so a missing page fails there. In a plain build the pages are usually absent and these tests are skipped.
 */
@DisplayName("Presentaciones: el HTML generado por Marp")
class RenderedDeckTest {

    private static final Path HTML = Path.of(System.getProperty("slides.html.dir",
            Workbook.MODULE.resolve("target/html").toString()));
    private static final boolean REQUIRED = Boolean.getBoolean("slides.html.required");

    private static final Pattern SCRIPT = Pattern.compile("<script\\b.*?</script>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(?:src|href)=\"([^\"]*)\"");
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");
    private static final Pattern NOT_A_FILE = Pattern.compile("^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|#|//)");

    @BeforeAll
    static void renderedOrSkipped() {
        if (REQUIRED) {
            assertTrue(Files.isDirectory(HTML), "No está el HTML de las presentaciones en " + HTML + ". Genéralo con "
                    + "'npm ci && npx marp' en slides/, o con ./mvnw -B -pl slides verify -Pverificar.");
        } else {
            Assumptions.assumeTrue(Files.isDirectory(HTML), "Sin HTML en " + HTML
                    + ": se comprueba con -Pverificar, que lo genera con Marp.");
        }
    }

    static Stream<Path> pages() throws IOException {
        if (!Files.isDirectory(HTML)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(HTML)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList().stream();
        }
    }

    @Test
    @DisplayName("cada presentación tiene su página HTML")
    void everyDeckIsRendered() throws IOException {
        List<String> missing = new ArrayList<>();

        for (DeckFile deck : Workbook.decks()) {
            String page = deck.name().replaceAll("\\.md$", ".html");
            if (!Files.isRegularFile(HTML.resolve(page))) {
                missing.add(page);
            }
        }

        assertEquals(List.of(), missing, "Marp no generó estas páginas en " + HTML + ". Ejecuta 'npx marp' en "
                + "slides/ y mira sus mensajes.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    @DisplayName("cada imagen y enlace de la página apunta a un fichero que existe")
    void everyReferenceResolves(Path page) throws IOException {
        List<String> broken = new ArrayList<>();

        for (String reference : references(Files.readString(page, StandardCharsets.UTF_8))) {
            Path target = page.getParent().resolve(URLDecoder.decode(reference.split("[#?]", 2)[0],
                    StandardCharsets.UTF_8)).normalize();
            if (!Files.exists(target)) {
                broken.add(reference);
            }
        }

        assertEquals(List.of(), broken, page.getFileName() + " tiene referencias rotas (relativas a " + HTML
                + "). Si es una imagen o un enlace del .md, revisa la ruta; si la ruta del .md es buena, revisa "
                + "cómo la reescribe marp.config.mjs.");
    }

    /** Returns the relative file references of a page: src and href attributes and CSS url(), scripts excluded. */
    static Set<String> references(String html) {
        String markup = SCRIPT.matcher(html).replaceAll("").replace("&quot;", "\"").replace("&amp;", "&");
        Set<String> references = new LinkedHashSet<>();
        for (Pattern pattern : List.of(ATTRIBUTE, CSS_URL)) {
            Matcher matcher = pattern.matcher(markup);
            while (matcher.find()) {
                String reference = matcher.group(1).strip();
                if (!reference.isEmpty() && !NOT_A_FILE.matcher(reference).find()) {
                    references.add(reference);
                }
            }
        }
        return references;
    }
}
