package dev.lambdaworkbook.kit.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OutputCapture")
class OutputCaptureTest {

    @Test
    @DisplayName("separa la salida estándar de la de error y all() las une en ese orden")
    void capturesBoth() {
        String stdout;
        String stderr;
        String all;
        try (OutputCapture output = OutputCapture.start()) {
            System.err.print("error");
            System.out.print("salida");
            stdout = output.stdout();
            stderr = output.stderr();
            all = output.all();
        }

        assertEquals("salida", stdout);
        assertEquals("error", stderr);
        assertEquals("salidaerror", all);
    }

    @Test
    @DisplayName("restaura System.out y System.err al cerrarse, también tras una excepción")
    void restoresStreams() {
        PrintStream out = System.out;
        PrintStream err = System.err;

        assertThrows(IllegalStateException.class, () -> {
            try (OutputCapture ignored = OutputCapture.start()) {
                throw new IllegalStateException("fallo dentro");
            }
        });

        assertSame(out, System.out);
        assertSame(err, System.err);
    }

    @Test
    @DisplayName("cerrar dos veces no cambia los flujos restaurados")
    void closeTwice() {
        PrintStream out = System.out;
        OutputCapture output = OutputCapture.start();

        output.close();
        output.close();

        assertSame(out, System.out);
    }

    @Test
    @DisplayName("una captura dentro de otra devuelve la salida a la de fuera")
    void nested() {
        String inner;
        String outer;
        try (OutputCapture outside = OutputCapture.start()) {
            try (OutputCapture inside = OutputCapture.start()) {
                System.out.print("dentro");
                inner = inside.stdout();
            }
            System.out.print("fuera");
            outer = outside.stdout();
        }

        assertEquals("dentro", inner);
        assertEquals("fuera", outer);
    }

    @Test
    @DisplayName("guarda en UTF-8 tildes, eñes y símbolos")
    void utf8() {
        String stdout;
        try (OutputCapture output = OutputCapture.start()) {
            System.out.print("¡Año 2026: 10 €, «Telefónica»!");
            stdout = output.stdout();
        }

        assertEquals("¡Año 2026: 10 €, «Telefónica»!", stdout);
    }

    @Test
    @DisplayName("recoge lo que escribe el logger del contexto")
    void capturesLogger() {
        TestContext context = TestContext.builder().build();

        String stdout;
        try (OutputCapture output = OutputCapture.start()) {
            context.getLogger().log("desde el logger");
            stdout = output.stdout();
        }

        assertEquals("desde el logger" + System.lineSeparator(), stdout);
    }
}
