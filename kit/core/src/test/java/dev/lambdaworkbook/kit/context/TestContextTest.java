package dev.lambdaworkbook.kit.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("TestContext")
class TestContextTest {

    private static final String START = "2026-03-19T09:00:18Z";

    @Nested
    @DisplayName("identidad de la función")
    class Identity {

        @Test
        @DisplayName("los valores por defecto son los de una función nueva de Lambda")
        void defaults() {
            TestContext context = TestContext.builder().clock(ManualClock.at(START)).build();

            assertEquals("mi-funcion", context.getFunctionName());
            assertEquals("$LATEST", context.getFunctionVersion());
            assertEquals(128, context.getMemoryLimitInMB());
            assertEquals(3000, context.getRemainingTimeInMillis());
            assertEquals("eu-west-1", context.region());
            assertNull(context.getIdentity());
            assertNull(context.getClientContext());
        }

        @Test
        @DisplayName("el ARN lleva región, cuenta y nombre")
        void arn() {
            TestContext context = TestContext.builder().functionName("suma").region("eu-south-2")
                    .account("210987654321").build();

            String arn = context.getInvokedFunctionArn();

            assertEquals("arn:aws:lambda:eu-south-2:210987654321:function:suma", arn);
        }

        @Test
        @DisplayName("el grupo de registros es /aws/lambda/<nombre>")
        void logGroup() {
            TestContext context = TestContext.builder().functionName("hola-mundo").build();

            assertEquals("/aws/lambda/hola-mundo", context.getLogGroupName());
        }

        @Test
        @DisplayName("el flujo de registros es AAAA/MM/DD/[$LATEST] y 32 hexadecimales, con la fecha UTC del reloj")
        void logStream() {
            TestContext context = TestContext.builder().clock(ManualClock.at("2026-12-31T23:30:00Z")).build();

            String stream = context.getLogStreamName();

            assertTrue(stream.matches("2026/12/31/\\[\\$LATEST][0-9a-f]{32}"), stream);
        }

        @Test
        @DisplayName("cada contexto tiene su propio ID de solicitud (UUID) y flujo de registros")
        void uniqueIds() {
            TestContext first = TestContext.builder().build();
            TestContext second = TestContext.builder().build();

            assertEquals(first.getAwsRequestId(), UUID.fromString(first.getAwsRequestId()).toString());
            assertNotEquals(first.getAwsRequestId(), second.getAwsRequestId());
            assertNotEquals(first.getLogStreamName(), second.getLogStreamName());
        }

        @Test
        @DisplayName("los valores dados al builder se respetan")
        void givenValues() {
            RecordingLogger logger = new RecordingLogger();

            TestContext context = TestContext.builder().awsRequestId("id-1").logStreamName("flujo")
                    .memoryLimitInMB(10240).logger(logger).build();

            assertEquals("id-1", context.getAwsRequestId());
            assertEquals("flujo", context.getLogStreamName());
            assertEquals(10240, context.getMemoryLimitInMB());
            assertSame(logger, context.getLogger());
        }

        @Test
        @DisplayName("sin logger dado, el logger es un RecordingLogger")
        void defaultLogger() {
            TestContext context = TestContext.builder().build();

            assertInstanceOf(RecordingLogger.class, context.getLogger());
        }
    }

    @Nested
    @DisplayName("tiempo restante")
    class RemainingTime {

        @Test
        @DisplayName("es el timeout al crear el contexto y baja lo que avanza el reloj")
        void fallsWithClock() {
            ManualClock clock = ManualClock.at(START);
            TestContext context = TestContext.builder().timeout(Duration.ofSeconds(10)).clock(clock).build();
            int atStart = context.getRemainingTimeInMillis();

            clock.advance(Duration.ofMillis(2500));

            assertEquals(10000, atStart);
            assertEquals(7500, context.getRemainingTimeInMillis());
            assertEquals(Instant.parse("2026-03-19T09:00:28Z"), context.deadline());
        }

        @Test
        @DisplayName("es 0 en el límite y después, nunca negativo")
        void neverNegative() {
            ManualClock clock = ManualClock.at(START);
            TestContext context = TestContext.builder().timeout(Duration.ofSeconds(1)).clock(clock).build();

            clock.advance(Duration.ofSeconds(1));
            int atDeadline = context.getRemainingTimeInMillis();
            clock.advance(Duration.ofMinutes(20));
            int afterDeadline = context.getRemainingTimeInMillis();

            assertEquals(0, atDeadline);
            assertEquals(0, afterDeadline);
        }

        @Test
        @DisplayName("con el reloj del sistema no supera el timeout")
        void systemClock() {
            TestContext context = TestContext.builder().timeout(Duration.ofSeconds(5)).build();

            int remaining = context.getRemainingTimeInMillis();

            assertTrue(remaining <= 5000, () -> "quedan " + remaining + " ms");
            assertTrue(remaining > 0, () -> "quedan " + remaining + " ms");
        }
    }

    @Nested
    @DisplayName("validación del builder")
    class Validation {

        static Stream<Arguments> invalidValues() {
            return Stream.of(
                    invalid("nombre vacío", builder -> builder.functionName(""), "Nombre de función no válido: ''"),
                    invalid("nombre con espacios", builder -> builder.functionName("mi funcion"),
                            "Nombre de función no válido: 'mi funcion'"),
                    invalid("nombre de 65 caracteres", builder -> builder.functionName("f".repeat(65)),
                            "Usa de 1 a 64 letras"),
                    invalid("nombre null", builder -> builder.functionName(null), "Nombre de función no válido: 'null'"),
                    invalid("cuenta de 3 dígitos", builder -> builder.account("123"),
                            "Cuenta de AWS no válida: '123'. Un identificador de cuenta tiene 12 dígitos."),
                    invalid("memoria 127 MB", builder -> builder.memoryLimitInMB(127),
                            "Memoria no válida: 127 MB. Lambda admite de 128 a 10240 MB."),
                    invalid("memoria 10241 MB", builder -> builder.memoryLimitInMB(10241), "Memoria no válida: 10241 MB"),
                    invalid("timeout 0", builder -> builder.timeout(Duration.ZERO),
                            "Tiempo de espera no válido: PT0S. Lambda admite de 1 a 900 segundos."),
                    invalid("timeout negativo", builder -> builder.timeout(Duration.ofSeconds(-1)),
                            "Tiempo de espera no válido: PT-1S"),
                    invalid("timeout de 901 s", builder -> builder.timeout(Duration.ofSeconds(901)),
                            "Tiempo de espera no válido: PT15M1S"),
                    invalid("timeout null", builder -> builder.timeout(null), "Tiempo de espera no válido: null"));
        }

        private static Arguments invalid(String name, Consumer<TestContext.Builder> setter, String message) {
            return Arguments.of(name, setter, message);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalidValues")
        @DisplayName("un valor fuera de los límites de Lambda se rechaza con un mensaje en español")
        void rejects(String name, Consumer<TestContext.Builder> setter, String message) {
            TestContext.Builder builder = TestContext.builder();

            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> setter.accept(builder));

            assertTrue(error.getMessage().contains(message), error.getMessage());
        }

        @Test
        @DisplayName("los límites exactos de Lambda se aceptan")
        void acceptsLimits() {
            TestContext context = TestContext.builder().functionName("f".repeat(64)).memoryLimitInMB(128)
                    .timeout(Duration.ofSeconds(900)).clock(ManualClock.at(START)).build();

            assertEquals(900_000, context.getRemainingTimeInMillis());
        }
    }
}
