package dev.lambdaworkbook.slides.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.context.RecordingLogger;
import dev.lambdaworkbook.kit.context.TestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Ejemplo ScheduleAuditHandler")
class ScheduleAuditHandlerTest {

    @Test
    @DisplayName("devuelve la regla del evento programado y la anota con el id del evento")
    void returnsRule() {
        RecordingLogger logger = new RecordingLogger();

        String rule = new ScheduleAuditHandler().handleRequest(SampleEvents.scheduled(),
                TestContext.builder().functionName("auditoria").logger(logger).build());

        assertEquals("arn:aws:events:eu-west-1:123456789012:rule/cada-minuto", rule);
        assertTrue(logger.text().contains("Scheduled Event de la regla"), logger.text());
        assertTrue(logger.text().contains("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa"), logger.text());
    }
}
