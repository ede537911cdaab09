package dev.lambdaworkbook.runner.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaworkbook.runner.ExitCode;
import dev.lambdaworkbook.runner.RunnerException;
import dev.lambdaworkbook.runner.api.QueryString;
import dev.lambdaworkbook.runner.events.EventFactory;
import dev.lambdaworkbook.runner.events.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evento",
        description = "Genera un evento como los que envían S3, API Gateway o EventBridge (como 'sam local "
                + "generate-event') y lo escribe en la salida estándar, para guardarlo o pasarlo a "
                + "'invocar --fichero -'.",
        subcommands = {EventCommand.S3.class, EventCommand.Api.class, EventCommand.Scheduled.class})
final class EventCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Indica el tipo de evento: s3, api o programado.");
    }

    static void print(CommandSpec spec, ObjectNode event) {
        spec.commandLine().getOut().println(Json.pretty(event));
        spec.commandLine().getOut().flush();
    }

    static Instant instant(String option, String value) {
        if (value == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException invalid) {
            throw new RunnerException(ExitCode.USAGE, "Valor no válido para " + option + ": '" + value + "'. Usa "
                    + "el formato ISO-8601 en UTC, por ejemplo 2026-03-19T09:01:00Z.");
        }
    }

    @Command(name = "s3", description = "Notificación de S3 de un objeto creado; la clave va codificada como la "
            + "envía S3 (un espacio es '+', una ñ es '%%C3%%B1').")
    static final class S3 implements Runnable {

        private static final Set<String> TYPES = Set.of("Put", "Post", "Copy", "CompleteMultipartUpload");

        @Option(names = "--bucket", paramLabel = "NOMBRE", defaultValue = "master-trading-entrada",
                description = "Bucket del objeto (por defecto ${DEFAULT-VALUE}).")
        String bucket;

        @Option(names = "--clave", paramLabel = "CLAVE", required = true,
                description = "Clave del objeto tal cual, sin codificar, p. ej. 'bme/RV_TICK 19-03-2018.csv'.")
        String key;

        @Option(names = "--tamano", paramLabel = "BYTES", defaultValue = "1024",
                description = "Tamaño del objeto en bytes (por defecto ${DEFAULT-VALUE}).")
        long size;

        @Option(names = "--tipo", paramLabel = "TIPO", defaultValue = "Put",
                description = "Tipo de ObjectCreated: Put, Post, Copy o CompleteMultipartUpload (por defecto "
                        + "${DEFAULT-VALUE}).")
        String type;

        @Option(names = "--hora", paramLabel = "INSTANTE", description = "Hora del evento (eventTime), en ISO-8601 "
                + "UTC, p. ej. 2026-03-19T09:00:18Z (por defecto, ahora).")
        String time;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            if (!TYPES.contains(type)) {
                throw new RunnerException(ExitCode.USAGE, "Valor no válido para --tipo: '" + type + "'. Usa Put, "
                        + "Post, Copy o CompleteMultipartUpload.");
            }
            Cli.checkRange("--tamano", size, 0, 5L * 1024 * 1024 * 1024 * 1024);
            print(spec, EventFactory.s3("ObjectCreated:" + type, bucket, key, size,
                    "d41d8cd98f00b204e9800998ecf8427e", instant("--hora", time)));
        }
    }

    @Command(name = "api", description = "Evento de API Gateway (API REST, integración proxy, formato 1.0).")
    static final class Api implements Runnable {

        @Option(names = "--metodo", paramLabel = "MÉTODO", defaultValue = "GET",
                description = "Método HTTP (por defecto ${DEFAULT-VALUE}).")
        String method;

        @Option(names = "--ruta", paramLabel = "RUTA", defaultValue = "/",
                description = "Ruta pedida, p. ej. /suma (por defecto ${DEFAULT-VALUE}).")
        String path;

        @Option(names = "--recurso", paramLabel = "RECURSO",
                description = "Recurso de la API que corresponde a la ruta, p. ej. /precio/{ticker} (por defecto, la "
                        + "ruta).")
        String resource;

        @Option(names = "--param", paramLabel = "NOMBRE=VALOR",
                description = "Parámetro de la query string; repítelo para varios (el último valor gana en "
                        + "queryStringParameters).")
        List<String> parameters = new ArrayList<>();

        @Option(names = "--query", paramLabel = "QUERY", description = "Query string entera, p. ej. 'a=2&b=3'.")
        String query;

        @Option(names = "--cabecera", paramLabel = "'NOMBRE: VALOR'", description = "Cabecera HTTP; repítela para "
                + "varias.")
        List<String> headers = new ArrayList<>();

        @Option(names = "--cuerpo", paramLabel = "TEXTO", description = "Cuerpo de la petición, como texto.")
        String body;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            if (!path.startsWith("/")) {
                throw new RunnerException(ExitCode.USAGE, "Valor no válido para --ruta: '" + path + "'. Debe empezar "
                        + "por '/', p. ej. /suma.");
            }
            Map<String, List<String>> queryValues = new LinkedHashMap<>();
            if (query != null) {
                queryValues.putAll(QueryString.parse(query.startsWith("?") ? query.substring(1) : query));
            }
            for (String parameter : parameters) {
                int equals = parameter.indexOf('=');
                if (equals <= 0) {
                    throw new RunnerException(ExitCode.USAGE, "Valor no válido para --param: '" + parameter + "'. "
                            + "Escribe NOMBRE=VALOR, p. ej. --param a=2.");
                }
                queryValues.computeIfAbsent(parameter.substring(0, equals), name -> new ArrayList<>())
                        .add(parameter.substring(equals + 1));
            }
            Map<String, List<String>> headerValues = new LinkedHashMap<>();
            for (String header : headers) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    throw new RunnerException(ExitCode.USAGE, "Valor no válido para --cabecera: '" + header + "'. "
                            + "Escribe 'Nombre: valor', p. ej. --cabecera 'Accept: application/json'.");
                }
                headerValues.computeIfAbsent(header.substring(0, colon).trim(), name -> new ArrayList<>())
                        .add(header.substring(colon + 1).trim());
            }
            print(spec, EventFactory.api(method.toUpperCase(Locale.ROOT), path, resource == null ? path : resource,
                    queryValues, headerValues, Map.of(), body, false, "127.0.0.1:3000", Instant.now()));
        }
    }

    @Command(name = "programado", description = "Evento \"Scheduled Event\" de una regla programada de "
            + "EventBridge.")
    static final class Scheduled implements Runnable {

        @Option(names = "--hora", paramLabel = "INSTANTE", description = "Hora del evento (campo time), en ISO-8601 "
                + "UTC, p. ej. 2026-03-19T09:01:00Z (por defecto, ahora).")
        String time;

        @Option(names = "--regla", paramLabel = "NOMBRE", defaultValue = "cada-minuto",
                description = "Nombre de la regla (por defecto ${DEFAULT-VALUE}).")
        String rule;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            print(spec, EventFactory.scheduled(rule, instant("--hora", time)));
        }
    }
}
