package dev.lambdaworkbook.checker.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.run.TestStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Textos de los informes")
class TextsTest {

    @Test
    @DisplayName("El mensaje de un método de partida, que ya dice qué tarea falta, se muestra tal cual")
    void starterMessageKept() {
        assertEquals("Tarea 1 sin hacer: executionTime() todavía no lee el reloj.", Texts.explain(failed(
                "java.lang.UnsupportedOperationException", "Tarea 1 sin hacer: executionTime() todavía no lee el reloj.")));
    }

    @Test
    @DisplayName("Otra UnsupportedOperationException se explica como algo sin implementar")
    void otherUnsupportedOperation() {
        assertEquals("sin implementar: falta el caso de GET", Texts.explain(failed(
                "java.lang.UnsupportedOperationException", "falta el caso de GET")));
        assertEquals("sin implementar", Texts.explain(failed("java.lang.UnsupportedOperationException", null)));
    }

    @Test
    @DisplayName("Una clase que no se encuentra no se presenta como una excepción que lanzó el alumno")
    void classNotFound() {
        assertEquals("no se encontró la clase dev.x.Handler al cargar tu código: revisa que exista con ese nombre y "
                + "ese paquete y, si la prueba carga tu paquete .zip, que esté dentro",
                Texts.explain(failed("java.lang.ClassNotFoundException", "dev.x.Handler")));
    }

    private static TestResult failed(String exception, String message) {
        return new TestResult("[engine:junit-jupiter]/[class:X]/[method:m()]", "X", "visible", "m", true, 1, 1,
                false, TestStatus.FAILED, message, exception, null, "");
    }
}
