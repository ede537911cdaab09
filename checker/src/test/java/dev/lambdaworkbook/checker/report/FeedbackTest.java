package dev.lambdaworkbook.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.run.TestStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Comentarios para el alumno")
class FeedbackTest {

    private static final String TASK_1 = "Tarea 1 sin hacer: executionTime() todavía no lee el reloj.";

    @Test
    @DisplayName("Cada tarea sin hacer del código de partida se agrupa una vez, venga la excepción sola o citada")
    void unfinishedTasksGrouped() {
        TestResult thrown = failed("a", "java.lang.UnsupportedOperationException", TASK_1);
        TestResult quoted = failed("b", "org.opentest4j.AssertionFailedError", "Primera llamada: se esperaba una "
                + "MarketDataException, pero se lanzó UnsupportedOperationException («" + TASK_1 + "»). Termina "
                + "antes esa tarea.");
        TestResult followed = failed("c", "org.opentest4j.AssertionFailedError", "Con el evento: se lanzó "
                + "java.lang.UnsupportedOperationException: Tarea 2 sin hacer: eventAsJson(...) todavía no escribe "
                + "el JSON. Captura NoSuchKeyException.");
        TestResult other = failed("d", "org.opentest4j.AssertionFailedError", "statusCode: se esperaba 200.");

        Map<String, List<TestResult>> groups = Feedback.unfinished(List.of(thrown, quoted, followed, other));

        assertEquals(Map.of(TASK_1, List.of(thrown, quoted),
                "Tarea 2 sin hacer: eventAsJson(...) todavía no escribe el JSON.", List.of(followed)), groups);
        assertNull(Feedback.unfinishedTask(other));
    }

    @Test
    @DisplayName("Un mensaje de partida que cita su entrada se agrupa por tarea y método, hasta donde coinciden")
    void quotedInputsGroupedByMethod() {
        TestResult two = failed("a", "java.lang.UnsupportedOperationException",
                "Tarea 4 sin hacer: number(...) todavía no convierte '2'.");
        TestResult three = failed("b", "java.lang.UnsupportedOperationException",
                "Tarea 4 sin hacer: number(...) todavía no convierte 'tres'.");
        TestResult json = failed("c", "java.lang.UnsupportedOperationException",
                "Tarea 2 sin hacer: json(...) todavía no crea la respuesta 400.");

        assertEquals(Map.of("Tarea 4 sin hacer: number(...) todavía no convierte …", List.of(two, three),
                "Tarea 2 sin hacer: json(...) todavía no crea la respuesta 400.", List.of(json)),
                Feedback.unfinished(List.of(two, three, json)));
    }

    private static TestResult failed(String name, String exception, String message) {
        return new TestResult("[engine:junit-jupiter]/[class:X]/[method:" + name + "()]", "X", "visible", name, true,
                1, 2, false, TestStatus.FAILED, message, exception, null, "");
    }
}
