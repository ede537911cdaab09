package dev.lambdaworkbook.checker.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Builds {@link TestResult}s from the harness's plan and result frames. */
final class Frames {

    private Frames() {
    }

    static TestResult planned(JsonNode unit, Set<String> hiddenClasses) {
        String className = unit.path("className").asText();
        int dollar = className.indexOf('$');
        String topLevel = dollar < 0 ? className : className.substring(0, dollar);
        return new TestResult(unit.path("id").asText(), className, unit.path("suite").asText(),
                unit.path("name").asText(), unit.path("graded").asBoolean(), unit.path("task").asInt(),
                unit.path("points").asInt(), hiddenClasses.contains(topLevel), TestStatus.NOT_RUN, null, null, null,
                "");
    }

    static TestResult finished(TestResult planned, JsonNode frame) {
        TestStatus status = switch (frame.path("status").asText()) {
            case "passed" -> TestStatus.PASSED;
            case "skipped" -> TestStatus.SKIPPED;
            default -> TestStatus.FAILED;
        };
        String message = frame.hasNonNull("message") ? frame.get("message").asText() : null;
        if (frame.path("status").asText().equals("aborted")) {
            message = "prueba abortada: " + message;
        }
        String exception = frame.hasNonNull("exception") ? frame.get("exception").asText() : null;
        TestResult.Location location = null;
        if (frame.has("location")) {
            JsonNode place = frame.get("location");
            location = new TestResult.Location(place.path("className").asText(), place.path("method").asText(),
                    place.path("file").asText(), place.path("line").asInt());
        }
        return new TestResult(planned.id(), planned.className(), planned.suite(), planned.name(), planned.graded(),
                planned.task(), planned.points(), planned.hidden(), status, message, exception, location,
                frame.path("output").asText());
    }
}
