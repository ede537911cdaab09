package dev.lambdaworkbook.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Números en español")
class SpanishNumbersTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"0, 0", "999, 999", "2048, 2048", "12345, 12.345", "123456, 123.456", "1048576, 1.048.576",
            "-12345, -12.345"})
    @DisplayName("Los enteros llevan punto entre millares desde cinco cifras")
    void wholeNumbers(long value, String expected) {
        assertEquals(expected, SpanishNumbers.whole(value));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {"36.025 | 36,03", "194.0 | 194,0", "1234.5 | 1234,5"})
    @DisplayName("Los decimales llevan coma y no agrupan millares")
    void decimals(double value, String expected) {
        assertEquals(expected, SpanishNumbers.decimal(value, expected.length() - expected.indexOf(',') - 1));
    }
}
