package dev.lambdaworkbook.slides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lambdaworkbook.slides.deck.CodeBlock;
import dev.lambdaworkbook.slides.deck.DeckFile;
import dev.lambdaworkbook.slides.deck.Link;
import dev.lambdaworkbook.slides.deck.SourceRegions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the decks in {@code presentaciones/} true to the repository: code blocks equal the source they name,
 * links and paths resolve, and no slide shows a reference solution.
 */
@DisplayName("Presentaciones: el código y los enlaces de las diapositivas")
class SlidesTest {

    static Stream<DeckFile> decks() throws IOException {
        return Workbook.decks().stream();
    }

    static Stream<CodeBlock> sourcedBlocks() throws IOException {
        return Workbook.decks().stream()
                .flatMap(deck -> deck.codeBlocks().stream())
                .filter(block -> block.source().isPresent());
    }

    static Stream<Link> relativeLinks() throws IOException {
        return Workbook.decks().stream()
                .flatMap(deck -> deck.links().stream())
                .filter(Link::isRelative);
    }

    static Stream<DeckFile.RepositoryPath> repositoryPaths() throws IOException {
        return Workbook.decks().stream().flatMap(deck -> deck.repositoryPaths().stream());
    }

    @Test
    @DisplayName("hay presentaciones y todas son decks de Marp en español")
    void decksAreMarp() throws IOException {
        List<DeckFile> decks = Workbook.decks();

        assertFalse(decks.isEmpty(), "No hay ningún .md en " + Workbook.DECKS
                + ". Las presentaciones del curso van en esa carpeta.");
        for (DeckFile deck : decks) {
            assertTrue(deck.frontMatter().contains("marp: true"), deck.name()
                    + ": falta 'marp: true' en la cabecera; sin él Marp no lo trata como presentación.");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decks")
    @DisplayName("todo bloque java dice de qué fichero sale")
    void everyJavaBlockHasSource(DeckFile deck) {
        List<String> missing = new ArrayList<>();

        for (CodeBlock block : deck.codeBlocks()) {
            if (block.language().equals("java") && block.source().isEmpty()) {
                missing.add(block.where());
            }
        }

        assertEquals(List.of(), missing, "Estos bloques java no indican su fuente. Escribe la apertura así: "
                + "```java source=../src/main/java/.../Clase.java#region, y marca la región en el fichero con "
                + "// tag::region[] y // end::region[].");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sourcedBlocks")
    @DisplayName("cada bloque con fuente es igual a su región del fichero")
    void blockEqualsItsSource(CodeBlock block) throws IOException {
        Path file = block.sourceFile().orElseThrow();
        assertTrue(Files.isRegularFile(file), block.where() + ": el fichero '" + block.source().orElseThrow()
                + "' no existe (se busca desde " + Workbook.relative(block.deck().getParent()) + ").");
        // solo-profesorado
        assertFalse(Workbook.isSolution(file), block.where() + ": '" + Workbook.relative(file)
                + "' es código de una solución. Las diapositivas no enseñan soluciones: usa el código de "
                + "slides/src/main/java o el de partida de exercises/.");
        // /solo-profesorado
        List<String> fileLines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> slide = SourceRegions.dedent(block.lines());

        if (block.region().isPresent()) {
            String region = block.region().get();
            List<String> expected = SourceRegions.region(fileLines, region, Workbook.relative(file));
            assertEquals(expected, slide, () -> block.where() + " no coincide con la región '" + region + "' de "
                    + Workbook.relative(file) + ". Primera diferencia en la "
                    + SourceRegions.firstDifference(slide, expected)
                    + "\nCopia la región del fichero en la diapositiva, o corrige el fichero.");
        } else {
            OptionalInt run = SourceRegions.findRun(fileLines, block.lines());
            assertTrue(run.isPresent(), block.where() + ": sus " + slide.size() + " líneas no aparecen seguidas en "
                    + Workbook.relative(file) + " (se compara sin la sangría común). Copia el fragmento tal cual o "
                    + "marca una región con tag::nombre[] y end::nombre[].");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("relativeLinks")
    @DisplayName("cada enlace apunta a un fichero o carpeta que existe")
    void linkResolves(Link link) {
        Path target = link.file();

        assertTrue(target.startsWith(Workbook.ROOT), link.where() + ": el enlace '" + link.target()
                + "' sale del repositorio; enlaza solo ficheros del repositorio.");
        assertTrue(Files.exists(target), link.where() + ": el enlace '" + link.target() + "' apunta a '"
                + Workbook.relative(target) + "', que no existe. Corrige la ruta (es relativa a la carpeta del .md).");
        // solo-profesorado
        assertFalse(Workbook.isSolution(target), link.where() + ": el enlace '" + link.target()
                + "' lleva a una solución; los alumnos no reciben solutions/.");
        // /solo-profesorado
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repositoryPaths")
    @DisplayName("cada ruta de exercises/ o events/ y cada comando de la raíz que se nombra existe")
    void repositoryPathExists(DeckFile.RepositoryPath mention) {
        Path target = Workbook.ROOT.resolve(mention.path()).normalize();

        assertTrue(Files.exists(target), mention.where() + ": la ruta '" + mention.path()
                + "' no existe en el repositorio. Corrígela o, si es un ejemplo genérico, escribe <NN>.");
    }

    @Test
    @DisplayName("cada diagrama SVG se usa en alguna diapositiva")
    void everyDiagramIsUsed() throws IOException {
        List<Path> used = relativeLinks().map(Link::file).toList();
        List<String> unused = new ArrayList<>();

        for (Path diagram : Workbook.diagrams()) {
            if (!used.contains(diagram)) {
                unused.add(Workbook.relative(diagram));
            }
        }

        assertEquals(List.of(), unused, "Estos diagramas no aparecen en ninguna presentación: úsalos con "
                + "![](../img/NOMBRE.svg) o bórralos.");
    }

    // solo-profesorado
    @Test
    @DisplayName("ninguna diapositiva nombra una ruta de solutions/")
    void noSlideNamesSolutions() throws IOException {
        List<String> mentions = new ArrayList<>();

        for (DeckFile deck : Workbook.decks()) {
            List<String> lines = Files.readAllLines(deck.file(), StandardCharsets.UTF_8);
            for (int index = 0; index < lines.size(); index++) {
                if (lines.get(index).contains("solutions/")) {
                    mentions.add(deck.name() + ":" + (index + 1));
                }
            }
        }

        if (!mentions.isEmpty()) {
            fail("Las diapositivas son para alumnos y no deben llevar a las soluciones; nombran solutions/ en "
                    + mentions);
        }
    }
    // /solo-profesorado
}
