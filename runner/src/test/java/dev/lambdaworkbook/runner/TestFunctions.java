package dev.lambdaworkbook.runner;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.config.TemplateReader;
import dev.lambdaworkbook.runner.invoke.LocalFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds local functions from the fixture handlers of this test module, each with a template of its own. */
public final class TestFunctions {

    private TestFunctions() {
    }

    /** Writes a template for {@code handler} into {@code folder} and returns its path. */
    public static Path template(Path folder, String handler, int memorySize, int timeout, String extra) {
        String yaml = """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  PruebaFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: prueba
                      Handler: %s
                      Runtime: java21
                      MemorySize: %d
                      Timeout: %d
                %s""".formatted(handler, memorySize, timeout, extra);
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve("template.yaml"), yaml);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    public static LocalFunction function(Path folder, String handler, int memorySize, int timeout) {
        return function(folder, handler, memorySize, timeout, "", Map.of());
    }

    public static LocalFunction function(Path folder, String handler, int memorySize, int timeout, String extra,
            Map<String, String> environment) {
        FunctionConfig config = TemplateReader.read(template(folder, handler, memorySize, timeout, extra));
        return new LocalFunction(config, classpath(), folder, environment, Set.of());
    }

    /** Returns the fixture classes, the events library they use and its joda-time dependency. */
    public static List<Path> classpath() {
        return List.of(location(TestFunctions.class), location(APIGatewayProxyRequestEvent.class),
                location(org.joda.time.DateTime.class));
    }

    public static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
