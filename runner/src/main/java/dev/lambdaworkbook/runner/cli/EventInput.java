package dev.lambdaworkbook.runner.cli;

import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.runner.ExitCode;
import dev.lambdaworkbook.runner.RunnerException;
import dev.lambdaworkbook.runner.events.Json;
import dev.lambdaworkbook.runner.events.SampleEventNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The source of an invocation's event: a sample by name, a JSON file or standard input. */
final class EventInput {

    @Option(names = "--evento", paramLabel = "NOMBRE", description = "Evento de ejemplo del cuaderno: "
            + "hello-world, s3-put, apigateway-rest-get o eventbridge-scheduled. Por defecto, el que encaja con el "
            + "disparador del ejercicio.")
    String sample;

    @Option(names = "--fichero", paramLabel = "FICHERO", description = "Lee el evento de este fichero JSON; '-' lo "
            + "lee de la entrada estándar (para encadenar con 'lambda-local evento').")
    String file;

    byte[] read(FunctionConfig config, InputStream stdin) {
        if (sample != null && file != null) {
            throw new RunnerException(ExitCode.USAGE, "Usa --evento o --fichero, no los dos a la vez.");
        }
        if (file == null) {
            return SampleEventNames.load(sample != null ? sample : SampleEventNames.defaultFor(config));
        }
        byte[] payload;
        try {
            payload = file.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException missing) {
            throw new RunnerException(ExitCode.CONFIGURATION, "No existe el fichero de evento '" + file + "'.");
        } catch (IOException unreadable) {
            throw new RunnerException(ExitCode.CONFIGURATION, "No se puede leer el evento de '" + file + "': "
                    + unreadable.getMessage());
        }
        validate(payload);
        return payload;
    }

    /** Rejects what the console's Test tab rejects too: an event that is not JSON. */
    private void validate(byte[] payload) {
        try {
            if (Json.MAPPER.readTree(payload) == null) {
                throw new RunnerException(ExitCode.USAGE, "El evento de '" + file + "' está vacío. Escribe un JSON, "
                        + "por ejemplo {}.");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException invalid) {
            throw new RunnerException(ExitCode.USAGE, "El evento de '" + file + "' no es JSON válido: "
                    + invalid.getOriginalMessage() + ". Revisa comillas, comas y llaves.");
        } catch (IOException unreadable) {
            throw new RunnerException(ExitCode.CONFIGURATION, "No se puede leer el evento de '" + file + "': "
                    + unreadable.getMessage());
        }
    }
}
