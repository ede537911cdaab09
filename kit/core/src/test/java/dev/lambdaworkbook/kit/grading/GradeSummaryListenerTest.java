package dev.lambdaworkbook.kit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lambdaworkbook.kit.context.OutputCapture;
import dev.lambdaworkbook.kit.grading.GradeSummaryListener.GradedResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs small graded suites through a real JUnit Platform launcher and checks what the listener scores. The suites
 * are static nested classes, which Surefire and Jupiter do not run on their own.
 */
@DisplayName("GradeSummaryListener")
class GradeSummaryListenerTest {

    static class Mixed {
        @Test
        @Graded(task = 1, points = 2)
        @DisplayName("pasa")
        void passes() {
        }

        @Test
        @Graded(task = 1, points = 1)
        @DisplayName("falla")
        void fails() {
            throw new AssertionError("se esperaba 5\ny más detalle");
        }

        @Test
        @DisplayName("sin calificar")
        void notGraded() {
            throw new AssertionError("no cuenta");
        }

        @ParameterizedTest(name = "valor {0}")
        @ValueSource(ints = {1, 2, 3})
        @Graded(task = 2, points = 3)
        @DisplayName("tabla con un caso que falla")
        void tableWithFailure(int value) {
            if (value == 2) {
                throw new AssertionError("el 2 falla");
            }
        }

        @ParameterizedTest(name = "valor {0}")
        @ValueSource(ints = {1, 2})
        @Graded(task = 2, points = 2)
        @DisplayName("tabla que pasa")
        void tableThatPasses(int value) {
        }

        @Test
        @Disabled("pendiente")
        @Graded(task = 3, points = 1)
        @DisplayName("desactivada")
        void disabled() {
        }

        @Nested
        @DisplayName("anidada")
        class Inner {
            @Test
            @Graded(task = 3, points = 4)
            @DisplayName("pasa dentro")
            void passesInside() {
            }
        }
    }

    static class BrokenSetUp {
        @BeforeAll
        static void setUp() {
            throw new IllegalStateException("plantilla ilegible");
        }

        @Test
        @Graded(task = 1, points = 5)
        @DisplayName("nunca corre")
        void neverRuns() {
        }
    }

    @Test
    @DisplayName("una prueba que pasa gana sus puntos y una que falla guarda la primera línea del mensaje")
    void passAndFail() {
        List<GradedResult> results = runAll(Mixed.class);

        assertNull(find(results, "pasa").failure());
        assertEquals(2, find(results, "pasa").graded().points());
        assertEquals("se esperaba 5", find(results, "falla").failure());
    }

    @Test
    @DisplayName("una prueba sin @Graded no cuenta")
    void ignoresUngraded() {
        List<GradedResult> results = runAll(Mixed.class);

        assertTrue(results.stream().noneMatch(result -> result.name().contains("sin calificar")), results::toString);
        assertEquals(6, results.size(), results::toString);
    }

    @Test
    @DisplayName("una tabla cuenta una vez: pierde sus puntos si falla un caso, y nombra ese caso")
    void tables() {
        List<GradedResult> results = runAll(Mixed.class);

        GradedResult failing = find(results, "tabla con un caso que falla");
        GradedResult passing = find(results, "tabla que pasa");
        assertEquals("el 2 falla", failing.failure());
        assertTrue(failing.name().endsWith("tabla con un caso que falla › valor 2"), failing.name());
        assertNull(passing.failure());
    }

    @Test
    @DisplayName("una prueba desactivada no se ejecuta y no da puntos, pero cuenta en el máximo")
    void disabledCounts() {
        GradedResult disabled = find(runAll(Mixed.class), "desactivada");

        assertEquals("no se ejecutó (omitida: pendiente)", disabled.failure());
    }

    @Test
    @DisplayName("las pruebas de una clase @Nested se califican")
    void nested() {
        GradedResult inside = find(runAll(Mixed.class), "pasa dentro");

        assertNull(inside.failure());
        assertEquals(4, inside.graded().points());
    }

    @Test
    @DisplayName("si la clase no arranca, sus pruebas cuentan como no ejecutadas y dicen por qué")
    void brokenClass() {
        List<GradedResult> results = runAll(BrokenSetUp.class);

        assertEquals(1, results.size());
        assertEquals("no se ejecutó: plantilla ilegible", results.get(0).failure());
        assertEquals(0, GradeSummary.of(results).earned());
        assertEquals(5, GradeSummary.of(results).max());
    }

    @Test
    @DisplayName("al terminar imprime la tabla de puntos")
    void printsSummary() {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());

        String printed;
        try (OutputCapture output = OutputCapture.start()) {
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Mixed.class)).build(),
                    new GradeSummaryListener());
            printed = output.stdout();
        }

        assertTrue(printed.contains("===== Puntuación del ejercicio ====="), printed);
        assertTrue(printed.contains("  ✘ Tarea 1: 2/3 puntos"), printed);
        assertTrue(printed.contains("  ✘ Tarea 2: 2/5 puntos"), printed);
        assertTrue(printed.contains("  ✘ Tarea 3: 4/5 puntos"), printed);
        assertTrue(printed.contains("  Total: 8/13 puntos (62 %)"), printed);
    }

    private static List<GradedResult> runAll(Class<?> suite) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        GradeSummaryListener listener = new GradeSummaryListener();
        try (OutputCapture ignored = OutputCapture.start()) {
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build(),
                    listener);
        }
        return listener.results();
    }

    private static GradedResult find(List<GradedResult> results, String name) {
        return results.stream()
                .filter(result -> result.name().endsWith("› " + name) || result.name().contains("› " + name + " ›"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no hay resultado para '" + name + "' en " + results));
    }
}
