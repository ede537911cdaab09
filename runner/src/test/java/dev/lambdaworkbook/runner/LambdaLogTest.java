package dev.lambdaworkbook.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdaworkbook.runner.invoke.Invocation;
import dev.lambdaworkbook.runner.invoke.LambdaLog;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Líneas que Lambda escribe en el registro")
class LambdaLogTest {

    private static final String ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";

    @Test
    @DisplayName("START y END llevan el id de la solicitud y la versión $LATEST")
    void startAndEnd() {
        assertEquals("START RequestId: " + ID + " Version: $LATEST\n", LambdaLog.start(ID));
        assertEquals("END RequestId: " + ID + "\n", LambdaLog.end(ID));
    }

    @Test
    @DisplayName("REPORT en frío: campos separados por tabuladores, con Init Duration, que también se factura")
    void reportColdStart() {
        Invocation invocation = invocation(12.341, 345.671);

        String line = LambdaLog.report(invocation);

        assertEquals("REPORT RequestId: " + ID + "\tDuration: 12.34 ms\tBilled Duration: 359 ms\tMemory Size: 512 MB"
                + "\tMax Memory Used: 85 MB\tInit Duration: 345.67 ms\n", line);
    }

    @Test
    @DisplayName("REPORT en caliente no lleva Init Duration")
    void reportWarm() {
        Invocation invocation = invocation(1.0, -1);

        String line = LambdaLog.report(invocation);

        assertEquals("REPORT RequestId: " + ID + "\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 512 MB"
                + "\tMax Memory Used: 85 MB\n", line);
    }

    @Test
    @DisplayName("El tiempo agotado se anuncia con fecha, id y segundos con dos decimales")
    void timeoutLine() {
        String line = LambdaLog.timedOut(Instant.parse("2026-03-19T09:00:21.004Z"), ID, 3);

        assertEquals("2026-03-19T09:00:21.004Z " + ID + " Task timed out after 3.00 seconds\n", line);
    }

    @Test
    @DisplayName("La salida del runtime se anuncia como Runtime.ExitError")
    void runtimeExit() {
        String lines = LambdaLog.runtimeExited(ID, "signal: killed");

        assertEquals("RequestId: " + ID + " Error: Runtime exited with error: signal: killed\nRuntime.ExitError\n",
                lines);
    }

    private static Invocation invocation(double duration, double init) {
        return new Invocation(ID, true, new byte[0], duration, init, 512, 85, "", Invocation.Failure.NONE);
    }
}
