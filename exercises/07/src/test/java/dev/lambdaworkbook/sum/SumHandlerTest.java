package dev.lambdaworkbook.sum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.kit.grading.Graded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SumHandlerTest {

    @Test
    @Graded(task = 1, points = 2)
    @DisplayName("GET /suma?a=2&b=3 devuelve 200")
    void sumsQuery() {
        var response = new SumHandler().handleRequest(SampleEvents.apiGatewayRestGet(), TestContext.builder().build());

        assertEquals(200, response.getStatusCode(), "Se esperaba 200");
        assertEquals("suma", FunctionConfig.ofThisExercise().functionName());
    }
}
