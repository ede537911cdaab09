package dev.lambdaworkbook.kit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.kit.grading.GradeSummaryListener.GradedResult;
import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GradeSummary")
class GradeSummaryTest {

    private static final String NL = System.lineSeparator();

    /** Builds the annotation values a test method would carry. */
    static Graded graded(int task, int points) {
        return new Graded() {
            @Override
            public int task() {
                return task;
            }

            @Override
            public int points() {
                return points;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return Graded.class;
            }
        };
    }

    @Test
    @DisplayName("suma los puntos por tarea y guarda las pruebas que fallan")
    void sumsPerTask() {
        List<GradedResult> results = List.of(
                new GradedResult(graded(2, 3), "B", null),
                new GradedResult(graded(1, 2), "A", null),
                new GradedResult(graded(1, 1), "C", "se esperaba 200"));

        GradeSummary summary = GradeSummary.of(results);

        assertEquals(new GradeSummary.TaskScore(1, 2, 3, List.of("C: se esperaba 200")), summary.tasks().get(1));
        assertEquals(new GradeSummary.TaskScore(2, 3, 3, List.of()), summary.tasks().get(2));
        assertEquals(5, summary.earned());
        assertEquals(6, summary.max());
    }

    @Test
    @DisplayName("el texto lista las tareas en orden, las pruebas que fallan y el total")
    void rendersPartial() {
        GradeSummary summary = GradeSummary.of(List.of(
                new GradedResult(graded(2, 1), "Suite › falla", "se esperaba 400, pero llegó 200."),
                new GradedResult(graded(1, 2), "Suite › pasa", null),
                new GradedResult(graded(2, 1), "Suite › sin mensaje", "")));

        String text = summary.render();

        assertEquals(NL
                + "===== Puntuación del ejercicio =====" + NL
                + "  ✔ Tarea 1: 2/2 puntos" + NL
                + "  ✘ Tarea 2: 0/2 puntos" + NL
                + "      ✘ Suite › falla: se esperaba 400, pero llegó 200." + NL
                + "      ✘ Suite › sin mensaje" + NL
                + "  Total: 2/4 puntos (50 %)" + NL
                + "  Lee los mensajes de las pruebas que fallan: dicen qué se esperaba y dónde mirar." + NL, text);
    }

    @Test
    @DisplayName("con todo aprobado no añade el consejo final")
    void rendersComplete() {
        GradeSummary summary = GradeSummary.of(List.of(new GradedResult(graded(1, 3), "A", null)));

        String text = summary.render();

        assertEquals(NL + "===== Puntuación del ejercicio =====" + NL + "  ✔ Tarea 1: 3/3 puntos" + NL
                + "  Total: 3/3 puntos (100 %)" + NL, text);
        assertFalse(text.contains("Lee los mensajes"));
    }

    @Test
    @DisplayName("sin pruebas calificadas el total es 0/0 (0 %)")
    void rendersEmpty() {
        String text = GradeSummary.of(List.of()).render();

        assertEquals(NL + "===== Puntuación del ejercicio =====" + NL + "  Total: 0/0 puntos (0 %)" + NL, text);
    }

    @Test
    @DisplayName("el porcentaje se redondea al entero más cercano")
    void roundsPercent() {
        GradeSummary summary = GradeSummary.of(List.of(
                new GradedResult(graded(1, 2), "A", null),
                new GradedResult(graded(1, 1), "B", "no")));

        String text = summary.render();

        assertTrue(text.contains("  Total: 2/3 puntos (67 %)"), text);
    }
}
