package dev.lambdaworkbook.kit.services.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Opciones de línea de órdenes de los servicios")
class ArgumentsTest {

    private static Arguments parse(String... args) {
        return Arguments.parse(args, Set.of("puerto", "bucket"), Set.of("ayuda"));
    }

    @Test
    @DisplayName("lee opciones repetidas, la última gana y los interruptores")
    void parsesOptions() {
        Arguments arguments = parse("--bucket", "a", "--puerto", "1", "--bucket", "b", "--puerto", "9000", "--ayuda");

        assertEquals(List.of("a", "b"), arguments.all("bucket"));
        assertEquals(9000, arguments.number("puerto", 0, 0, 65_535));
        assertTrue(arguments.flag("ayuda"));
    }

    @Test
    @DisplayName("los errores nombran la opción o el valor entre comillas")
    void errorsNameTheValue() {
        Arguments.UsageException unknown = assertThrows(Arguments.UsageException.class, () -> parse("--port", "1"));
        Arguments.UsageException missing = assertThrows(Arguments.UsageException.class, () -> parse("--puerto"));
        Arguments.UsageException notNumber = assertThrows(Arguments.UsageException.class,
                () -> parse("--puerto", "ochenta").number("puerto", 0, 0, 65_535));
        Arguments.UsageException outOfRange = assertThrows(Arguments.UsageException.class,
                () -> parse("--puerto", "70000").number("puerto", 0, 0, 65_535));

        assertTrue(unknown.getMessage().contains("'--port'"), unknown.getMessage());
        assertTrue(missing.getMessage().contains("'--puerto'"), missing.getMessage());
        assertTrue(notNumber.getMessage().contains("'ochenta'"), notNumber.getMessage());
        assertTrue(outOfRange.getMessage().contains("'70000'"), outOfRange.getMessage());
    }
}
