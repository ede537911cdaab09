package dev.lambdaworkbook.slides;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.config.TemplateReader;
import dev.lambdaworkbook.slides.deck.DeckFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks that every exercise of the build has a slide that states it and shows how to test, invoke and deploy it,
 * and that the slide names the handler of the exercise's function configuration.
 */
@DisplayName("Presentaciones: una diapositiva por ejercicio")
class ExerciseSlidesTest {

    private static final Pattern TEST_COMMAND = Pattern.compile("\\./mvnw test -pl exercises/(\\d\\d)\\b");
    private static final Pattern HANDLER = Pattern.compile("Handler: `([\\w.$]+(?:::\\w+)?)`");
    private static final Pattern MODULE = Pattern.compile("<module>(\\d\\d)</module>");
    private static final Pattern XML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    /** Returns the exercise folders that exercises/pom.xml builds; commented-out modules do not count yet. */
    static List<String> builtExercises() throws IOException {
        String pom = Files.readString(Workbook.EXERCISES.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher module = MODULE.matcher(XML_COMMENT.matcher(pom).replaceAll(""));
        List<String> exercises = new ArrayList<>();
        while (module.find()) {
            exercises.add(module.group(1));
        }
        return exercises;
    }

    static Stream<String> exercises() throws IOException {
        return builtExercises().stream();
    }

    /** Returns the slides that show the test command of an exercise, with the exercise number. */
    static List<ExerciseSlide> exerciseSlides() throws IOException {
        List<ExerciseSlide> slides = new ArrayList<>();
        for (DeckFile deck : Workbook.decks()) {
            List<String> texts = deck.slides();
            for (int index = 0; index < texts.size(); index++) {
                Matcher command = TEST_COMMAND.matcher(texts.get(index));
                if (command.find() && texts.get(index).contains("# Ejercicio " + command.group(1))) {
                    slides.add(new ExerciseSlide(command.group(1), deck.name() + ", diapositiva " + (index + 1),
                            texts.get(index)));
                }
            }
        }
        return slides;
    }

    static Optional<ExerciseSlide> slideOf(String exercise) throws IOException {
        return exerciseSlides().stream().filter(slide -> slide.exercise().equals(exercise)).findFirst();
    }

    @Test
    @DisplayName("exercises/pom.xml construye al menos un ejercicio")
    void someExerciseIsBuilt() throws IOException {
        List<String> exercises = builtExercises();

        assertTrue(!exercises.isEmpty(), "exercises/pom.xml no tiene ningún <module>NN</module> activo; "
                + "sin ejercicios no hay nada que comprobar en las diapositivas.");
    }

    @ParameterizedTest(name = "ejercicio {0}")
    @MethodSource("exercises")
    @DisplayName("el ejercicio tiene su diapositiva con los tres comandos")
    void exerciseHasSlideWithCommands(String exercise) throws IOException {
        Optional<ExerciseSlide> slide = slideOf(exercise);

        assertTrue(slide.isPresent(), "Ninguna presentación tiene una diapositiva '# Ejercicio " + exercise
                + " · …' con './mvnw test -pl exercises/" + exercise + "'. Añádela en 04-ejercicios.md.");
        String text = slide.get().text();
        for (String command : List.of("./mvnw test -pl exercises/" + exercise, "./lambda-local invocar " + exercise,
                "jbang deploy.java " + exercise, "jbang deploy.java " + exercise + " --destruir")) {
            assertTrue(text.contains(command), slide.get().where() + ": falta el comando '" + command + "'.");
        }
        assertTrue(text.contains("(../../exercises/" + exercise + "/README.md)"), slide.get().where()
                + ": falta el enlace al enunciado, [..](../../exercises/" + exercise + "/README.md).");
    }

    @ParameterizedTest(name = "ejercicio {0}")
    @MethodSource("exercises")
    @DisplayName("la diapositiva nombra el handler de template.yaml")
    void slideNamesTemplateHandler(String exercise) throws IOException {
        Path template = Workbook.EXERCISES.resolve(exercise).resolve("template.yaml");
        FunctionConfig config = TemplateReader.read(template);
        ExerciseSlide slide = slideOf(exercise).orElseThrow(() -> new AssertionError(
                "No hay diapositiva del ejercicio " + exercise + "; mira la prueba de los tres comandos."));

        Matcher handler = HANDLER.matcher(slide.text());

        assertTrue(handler.find(), slide.where() + ": falta la línea 'Handler: `paquete.Clase::método`'.");
        assertEquals(config.handler(), handler.group(1), slide.where() + ": el handler de la diapositiva no es el de "
                + "exercises/" + exercise + "/template.yaml. Copia el valor de Handler de la plantilla.");
    }

    @Test
    @DisplayName("cada diapositiva de ejercicio corresponde a un ejercicio que existe")
    void everyExerciseSlideHasItsExercise() throws IOException {
        List<String> orphans = new ArrayList<>();

        for (ExerciseSlide slide : exerciseSlides()) {
            if (!Files.isDirectory(Workbook.EXERCISES.resolve(slide.exercise()))) {
                orphans.add(slide.where() + " (ejercicio " + slide.exercise() + ")");
            }
        }

        assertEquals(List.of(), orphans, "Estas diapositivas presentan ejercicios sin carpeta en exercises/.");
    }

    /**
     * A slide that presents an exercise.
     *
     * @param exercise the exercise folder, e.g. {@code 07}
     * @param where the deck and slide number, for messages
     * @param text the slide's Markdown
     */
    record ExerciseSlide(String exercise, String where, String text) {
    }
}
