package dev.lambdaworkbook.runner.events;

import dev.lambdaworkbook.events.SampleEvents;
import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.config.Trigger;
import dev.lambdaworkbook.runner.ExitCode;
import dev.lambdaworkbook.runner.RunnerException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The workbook's sample events by name (their file name without {@code .json}), and each function's default. */
public final class SampleEventNames {

    private SampleEventNames() {
    }

    public static List<String> names() {
        return SampleEvents.ALL.stream().map(file -> file.replace(".json", "")).toList();
    }

    public static byte[] load(String name) {
        String file = name.endsWith(".json") ? name : name + ".json";
        if (!SampleEvents.ALL.contains(file)) {
            throw new RunnerException(ExitCode.USAGE, "No existe el evento de ejemplo '" + name + "'. Eventos "
                    + "disponibles: " + String.join(", ", names()) + ". Para un evento tuyo usa --fichero.");
        }
        return SampleEvents.json(file).getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the sample that matches the function's first trigger, or the console's hello-world. */
    public static String defaultFor(FunctionConfig config) {
        if (!config.triggers(Trigger.Api.class).isEmpty()) {
            return "apigateway-rest-get";
        }
        if (!config.triggers(Trigger.S3.class).isEmpty()) {
            return "s3-put";
        }
        if (!config.triggers(Trigger.Schedule.class).isEmpty()) {
            return "eventbridge-scheduled";
        }
        return "hello-world";
    }
}
