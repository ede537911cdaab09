package dev.lambdaworkbook.kit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@DisplayName("Expect")
class ExpectTest {

    @Test
    @DisplayName("equal con valores distintos falla con un mensaje en español y ambos valores")
    void equalFails() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> Expect.equal(400, 200, "statusCode de GET /suma", "¿Compruebas si falta 'a'?"));

        assertEquals("statusCode de GET /suma: se esperaba 400, pero llegó 200. ¿Compruebas si falta 'a'?",
                error.getMessage());
        assertEquals(400, error.getExpected().getValue());
        assertEquals(200, error.getActual().getValue());
    }

    @Test
    @DisplayName("equal muestra los textos entre comillas y null sin ellas")
    void equalQuotesText() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> Expect.equal("5", null, "suma", "Pista."));

        assertEquals("suma: se esperaba \"5\", pero llegó null. Pista.", error.getMessage());
    }

    @Test
    @DisplayName("equal con valores iguales no falla")
    void equalPasses() {
        Expect.equal("5", "5", "suma", "Pista.");
        Expect.equal(null, null, "nada", "Pista.");
    }

    @Test
    @DisplayName("that construye el mensaje solo cuando falla")
    void thatIsLazy() {
        AtomicInteger built = new AtomicInteger();

        Expect.that(true, () -> "mensaje " + built.incrementAndGet());
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> Expect.that(false, () -> "mensaje " + built.incrementAndGet()));

        assertEquals("mensaje 1", error.getMessage());
        assertEquals(1, built.get());
    }

    @Test
    @DisplayName("failure devuelve el error con el mensaje tal cual, sin añadidos en inglés")
    void failure() {
        AssertionFailedError error = Expect.failure("El body no es JSON.");

        assertEquals("El body no es JSON.", error.getMessage());
    }

    @Test
    @DisplayName("thrown describe la excepción sin punto final, para seguir la frase sin «..»")
    void thrownWithoutFinalStop() {
        assertEquals("java.lang.UnsupportedOperationException: Tarea 1 sin hacer: todavía no filtras",
                Expect.thrown(new UnsupportedOperationException("Tarea 1 sin hacer: todavía no filtras.")));
        assertEquals("java.lang.IllegalStateException", Expect.thrown(new IllegalStateException()));
    }

    @Test
    @DisplayName("withoutFinalPeriod quita solo el punto final")
    void withoutFinalPeriod() {
        assertEquals("Tarea 1 sin hacer: fichero.csv", Expect.withoutFinalPeriod(" Tarea 1 sin hacer: fichero.csv. "));
        assertEquals("sin punto", Expect.withoutFinalPeriod("sin punto"));
    }
}
