package dev.lambdaworkbook.deploy;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The command line of deploy.java.
 *
 * @param exercise the exercise number, two digits such as {@code 07}
 * @param module the Maven module to build and deploy, relative to the repository root ({@code exercises/NN})
 * @param prefix the student's prefix for every resource name, so students can share one account
 * @param profile the AWS profile of {@code ~/.aws/config} to use, or empty for the default chain
 * @param region the AWS region, or empty to take it from the profile or the environment
 * @param endpoint one endpoint for every AWS service (LocalStack or another compatible server), or empty for AWS
 * @param event the event for the test invocation, or empty for the sample event of the trigger
 */
public record Options(
        String exercise,
        Path module,
        String prefix,
        boolean plan,
        boolean destroy,
        boolean uploadViaS3,
        boolean skipBuild,
        boolean skipInvoke,
        boolean verbose,
        Optional<String> profile,
        Optional<String> region,
        Optional<URI> endpoint,
        Optional<Path> event) {

    /** Longest prefix: the longest generated name (the artifacts bucket) must stay within S3's 63 characters. */
    public static final int MAX_PREFIX = 20;

    public static final String USAGE = """
            Uso: ./jbang deploy.java NN [opciones]      (o: jbang deploy.java NN [opciones])

            Despliega el ejercicio NN (exercises/NN) en tu cuenta de AWS con su disparador, lo invoca una vez con su
            evento de ejemplo y, con --destruir, borra todo lo que creó.

            Opciones:
              --plan               muestra qué cambiaría, sin llamar a ninguna API de escritura
              --destruir           borra la función, su rol, sus disparadores y los buckets que creó este script
              --prefijo NOMBRE     prefijo de todos los nombres (por defecto, tu usuario del sistema): a-z, 0-9 y '-'
              --perfil NOMBRE      perfil de ~/.aws/config (claves o SSO)
              --region REGION      región de AWS, por ejemplo eu-west-1
              --endpoint-url URL   un único endpoint para todos los servicios (LocalStack u otro compatible)
              --subir-por-s3       sube siempre el .zip a un bucket de artefactos (obligatorio por encima de 50 MB)
              --sin-compilar       usa el .zip ya generado, sin ejecutar Maven
              --sin-invocar        no invoca la función al terminar
              --evento FICHERO     JSON con el que invocarla (por defecto, el evento de ejemplo de su disparador)
              --modulo RUTA        módulo de Maven que desplegar (por defecto exercises/NN)
              --detalles           muestra la traza completa de los errores
              --ayuda              muestra esta ayuda
            """;

    /** Parses the arguments; {@code userName} is the default prefix, cleaned to the allowed characters. */
    public static Options parse(List<String> arguments, String userName) {
        Parser parser = new Parser(arguments);
        return parser.parse(defaultPrefix(userName));
    }

    static String defaultPrefix(String userName) {
        String cleaned = userName == null ? "" : userName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
                .replaceAll("-+", "-").replaceAll("^-|-$", "");
        if (cleaned.length() > MAX_PREFIX) {
            cleaned = cleaned.substring(0, MAX_PREFIX).replaceAll("-$", "");
        }
        return cleaned.isEmpty() ? "alumno" : cleaned;
    }

    private static final class Parser {
        private final List<String> arguments;
        private int next;

        Parser(List<String> arguments) {
            this.arguments = new ArrayList<>();
            for (String argument : arguments) {
                int equals = argument.indexOf('=');
                if (argument.startsWith("--") && equals > 0) {
                    this.arguments.add(argument.substring(0, equals));
                    this.arguments.add(argument.substring(equals + 1));
                } else {
                    this.arguments.add(argument);
                }
            }
        }

        Options parse(String defaultPrefix) {
            String exercise = null;
            Path module = null;
            String prefix = defaultPrefix;
            boolean plan = false;
            boolean destroy = false;
            boolean uploadViaS3 = false;
            boolean skipBuild = false;
            boolean skipInvoke = false;
            boolean verbose = false;
            Optional<String> profile = Optional.empty();
            Optional<String> region = Optional.empty();
            Optional<URI> endpoint = Optional.empty();
            Optional<Path> event = Optional.empty();
            while (next < arguments.size()) {
                String argument = arguments.get(next++);
                switch (argument) {
                    case "--plan" -> plan = true;
                    case "--destruir" -> destroy = true;
                    case "--subir-por-s3" -> uploadViaS3 = true;
                    case "--sin-compilar" -> skipBuild = true;
                    case "--sin-invocar" -> skipInvoke = true;
                    case "--detalles" -> verbose = true;
                    case "--ayuda", "-h", "--help" -> throw new HelpRequested();
                    case "--prefijo" -> prefix = prefix(value(argument));
                    case "--perfil" -> profile = Optional.of(value(argument));
                    case "--region" -> region = Optional.of(region(value(argument)));
                    case "--endpoint-url" -> endpoint = Optional.of(endpoint(value(argument)));
                    case "--evento" -> event = Optional.of(Path.of(value(argument)));
                    case "--modulo" -> module = Path.of(value(argument));
                    default -> {
                        if (argument.startsWith("-")) {
                            throw usage("La opción '" + argument + "' no existe.");
                        }
                        if (exercise != null) {
                            throw usage("Sobra el argumento '" + argument + "': ya se indicó el ejercicio '" + exercise
                                    + "'.");
                        }
                        exercise = exercise(argument);
                    }
                }
            }
            if (exercise == null) {
                throw usage("Falta el número de ejercicio, por ejemplo: ./jbang deploy.java 07");
            }
            return new Options(exercise, module == null ? Path.of("exercises", exercise) : module, prefix, plan,
                    destroy, uploadViaS3, skipBuild, skipInvoke, verbose, profile, region, endpoint, event);
        }

        private String value(String option) {
            if (next >= arguments.size() || arguments.get(next).startsWith("--")) {
                throw usage("A la opción '" + option + "' le falta su valor.");
            }
            return arguments.get(next++);
        }

        private static String exercise(String argument) {
            String number = argument.matches("\\d") ? "0" + argument : argument;
            if (!number.matches("\\d\\d")) {
                throw usage("El ejercicio '" + argument + "' no es válido: escribe su número de dos cifras, por "
                        + "ejemplo 07.");
            }
            return number;
        }

        private static String prefix(String value) {
            if (!value.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?") || value.length() > MAX_PREFIX) {
                throw usage("El prefijo '" + value + "' no es válido: usa de 1 a " + MAX_PREFIX + " minúsculas, "
                        + "dígitos o '-', sin '-' al principio ni al final (los nombres de bucket de S3 no admiten "
                        + "más).");
            }
            return value;
        }

        private static String region(String value) {
            if (!value.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw usage("La región '" + value + "' no es válida: usa un código como eu-west-1 o us-east-1.");
            }
            return value;
        }

        private static URI endpoint(String value) {
            try {
                URI uri = new URI(value);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw usage("El endpoint '" + value + "' no es válido: usa una URL http:// o https://, por "
                            + "ejemplo http://127.0.0.1:4566");
                }
                return uri;
            } catch (URISyntaxException invalid) {
                throw usage("El endpoint '" + value + "' no es una URL válida: " + invalid.getReason() + ".");
            }
        }

        private static DeployException usage(String message) {
            return new DeployException(DeployException.USAGE, message + "\nAyuda: ./jbang deploy.java --ayuda");
        }
    }

    /** Thrown when the command line asks for the usage text. */
    public static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
