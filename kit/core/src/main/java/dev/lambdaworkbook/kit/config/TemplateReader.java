package dev.lambdaworkbook.kit.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the documented subset of the AWS SAM template format that the workbook supports (see {@code docs} in the
 * README): one {@code AWS::Serverless::Function}, optional {@code AWS::S3::Bucket} resources with literal names,
 * {@code Parameters}, {@code Globals.Function}, and {@code Schedule}, {@code S3} and {@code Api} events.
 *
 * <p>Anything outside the subset is rejected with a Spanish message naming its place in the template, rather than
 * ignored, so the local runner never silently behaves differently from the template.
 */
public final class TemplateReader {

    static final String TRANSFORM = "AWS::Serverless-2016-10-31";
    static final Set<String> JAVA_RUNTIMES = Set.of("java8.al2", "java11", "java17", "java21", "java25");

    private static final Set<String> TOP_LEVEL = Set.of("AWSTemplateFormatVersion", "Transform", "Description",
            "Metadata", "Parameters", "Globals", "Resources", "Outputs");
    private static final Set<String> FUNCTION_PROPERTIES = Set.of("FunctionName", "Handler", "Runtime", "CodeUri",
            "MemorySize", "Timeout", "Environment", "Events", "Description", "Architectures");
    private static final Set<String> GLOBAL_PROPERTIES = Set.of("Handler", "Runtime", "CodeUri", "MemorySize",
            "Timeout", "Environment", "Architectures");
    private static final String HANDLER_PATTERN =
            "[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*(::[A-Za-z_$][\\w$]*)?";

    private final Path template;

    private TemplateReader(Path template) {
        this.template = template;
    }

    /**
     * Reads a template file.
     *
     * @throws TemplateException when the file is missing, is not YAML, or leaves the supported subset
     */
    public static FunctionConfig read(Path template) {
        return new TemplateReader(template).read();
    }

    private FunctionConfig read() {
        Map<String, Object> root = map(load(), "la raíz de la plantilla");
        for (String key : root.keySet()) {
            if (!TOP_LEVEL.contains(key)) {
                throw error("la sección '" + key + "' no está soportada. Secciones admitidas: " + sorted(TOP_LEVEL));
            }
        }
        if (!TRANSFORM.equals(root.get("Transform"))) {
            throw error("falta 'Transform: " + TRANSFORM + "' (vale '" + root.get("Transform")
                    + "'). Sin él la plantilla no es de AWS SAM.");
        }
        Map<String, Map<String, Object>> parameters = parameters(root.get("Parameters"));
        Map<String, Object> resources = map(root.get("Resources"), "Resources");
        Map<String, String> buckets = buckets(resources);
        String logicalId = functionLogicalId(resources);
        String where = "Resources." + logicalId + ".Properties";
        Map<String, Object> properties = withGlobals(root.get("Globals"),
                map(map(resources.get(logicalId), "Resources." + logicalId).get("Properties"), where), where);

        String functionName = string(properties.getOrDefault("FunctionName", logicalId), where + ".FunctionName");
        if (!functionName.matches("[A-Za-z0-9_-]{1,64}")) {
            throw error(where + ".FunctionName vale '" + functionName
                    + "'; usa de 1 a 64 letras, dígitos, '-' o '_'.");
        }
        String handler = required(properties, "Handler", where);
        if (!handler.matches(HANDLER_PATTERN)) {
            throw error(where + ".Handler vale '" + handler
                    + "'; debe ser 'paquete.Clase::metodo' o 'paquete.Clase'.");
        }
        String runtime = required(properties, "Runtime", where);
        if (!JAVA_RUNTIMES.contains(runtime)) {
            throw error(where + ".Runtime vale '" + runtime + "', que no es un runtime de Java de Lambda. Usa "
                    + FunctionConfig.RUNTIME + ".");
        }
        return new FunctionConfig(template, logicalId, functionName, handler, runtime,
                architecture(properties.get("Architectures"), where + ".Architectures"),
                integer(properties.getOrDefault("MemorySize", 128), where + ".MemorySize", 128, 10240, "MB"),
                integer(properties.getOrDefault("Timeout", 3), where + ".Timeout", 1, 900, "segundos"),
                string(properties.getOrDefault("CodeUri", "."), where + ".CodeUri"),
                environment(properties.get("Environment"), parameters, buckets, where + ".Environment"),
                buckets,
                triggers(properties.get("Events"), resources, buckets, where + ".Events"),
                studentFiles(root.get("Metadata")));
    }

    private Object load() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        Yaml yaml = new Yaml(new IntrinsicConstructor(options));
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            return yaml.load(reader);
        } catch (NoSuchFileException missing) {
            throw new TemplateException("No se encuentra la configuración de la función: '" + template
                    + "'. Cada ejercicio la tiene en su carpeta como template.yaml.", missing);
        } catch (IOException | YAMLException unreadable) {
            throw new TemplateException("No se puede leer '" + template + "' como YAML: "
                    + String.valueOf(unreadable.getMessage()).strip() + System.lineSeparator()
                    + "Revisa la sangría (solo espacios) y los dos puntos tras cada clave.", unreadable);
        }
    }

    /** Reads {@code Metadata.Workbook.StudentFiles}: the workbook's own key, which SAM and CloudFormation ignore. */
    private List<String> studentFiles(Object metadata) {
        if (metadata == null || map(metadata, "Metadata").get("Workbook") == null) {
            return List.of("src/main/java");
        }
        Object declared = map(map(metadata, "Metadata").get("Workbook"), "Metadata.Workbook").get("StudentFiles");
        List<String> files = new ArrayList<>();
        for (Object file : list(declared, "Metadata.Workbook.StudentFiles")) {
            String path = string(file, "Metadata.Workbook.StudentFiles[]");
            if (path.startsWith("/") || path.contains("..") || path.isBlank()) {
                throw error("Metadata.Workbook.StudentFiles contiene '" + path
                        + "'; usa rutas relativas dentro de la carpeta del ejercicio.");
            }
            files.add(path);
        }
        return List.copyOf(files);
    }

    private Map<String, Map<String, Object>> parameters(Object section) {
        Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
        if (section == null) {
            return parameters;
        }
        map(section, "Parameters").forEach((name, value) -> {
            Map<String, Object> parameter = map(value, "Parameters." + name);
            Object type = parameter.get("Type");
            if (!"String".equals(type)) {
                throw error("Parameters." + name + ".Type vale '" + type + "'; solo se admite 'String'.");
            }
            parameters.put(name, parameter);
        });
        return parameters;
    }

    private Map<String, String> buckets(Map<String, Object> resources) {
        Map<String, String> buckets = new LinkedHashMap<>();
        resources.forEach((id, value) -> {
            Map<String, Object> resource = map(value, "Resources." + id);
            if (!"AWS::S3::Bucket".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> properties = map(resource.get("Properties"), "Resources." + id + ".Properties");
            String name = required(properties, "BucketName", "Resources." + id + ".Properties");
            if (!name.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                throw error("Resources." + id + ".Properties.BucketName vale '" + name
                        + "'; un bucket se llama con 3 a 63 minúsculas, dígitos, '.' o '-'.");
            }
            buckets.put(id, name);
        });
        return buckets;
    }

    private String functionLogicalId(Map<String, Object> resources) {
        List<String> functions = new ArrayList<>();
        resources.forEach((id, value) -> {
            Object type = map(value, "Resources." + id).get("Type");
            if ("AWS::Serverless::Function".equals(type)) {
                functions.add(id);
            } else if (!"AWS::S3::Bucket".equals(type)) {
                throw error("Resources." + id + " es de tipo '" + type + "', que no está soportado. Se admiten "
                        + "AWS::Serverless::Function y AWS::S3::Bucket.");
            }
        });
        if (functions.size() != 1) {
            throw error("debe haber exactamente un recurso AWS::Serverless::Function y hay " + functions.size()
                    + (functions.isEmpty() ? "" : " " + functions) + ".");
        }
        return functions.get(0);
    }

    private Map<String, Object> withGlobals(Object globals, Map<String, Object> properties, String where) {
        properties.forEach((key, value) -> {
            if (!FUNCTION_PROPERTIES.contains(key)) {
                throw error(where + "." + key + " no está soportada. Propiedades admitidas: "
                        + sorted(FUNCTION_PROPERTIES));
            }
            requireValue(value, where + "." + key);
        });
        if (globals == null) {
            return properties;
        }
        Map<String, Object> sections = map(globals, "Globals");
        for (String key : sections.keySet()) {
            if (!"Function".equals(key)) {
                throw error("Globals." + key + " no está soportada; solo Globals.Function.");
            }
        }
        Map<String, Object> defaults = map(sections.get("Function"), "Globals.Function");
        Map<String, Object> merged = new LinkedHashMap<>();
        defaults.forEach((key, value) -> {
            if (!GLOBAL_PROPERTIES.contains(key)) {
                throw error("Globals.Function." + key + " no está soportada. Propiedades admitidas: "
                        + sorted(GLOBAL_PROPERTIES));
            }
            requireValue(value, "Globals.Function." + key);
            merged.put(key, value);
        });
        properties.forEach((key, value) -> merged.merge(key, value,
                (global, own) -> "Environment".equals(key) ? mergedEnvironment(global, own, where) : own));
        return merged;
    }

    /** Merges environment variables as SAM does: the function's own variables win over the global ones. */
    private Map<String, Object> mergedEnvironment(Object global, Object own, String where) {
        Map<String, Object> variables = new LinkedHashMap<>(
                variables(global, "Globals.Function.Environment"));
        variables.putAll(variables(own, where + ".Environment"));
        return Map.of("Variables", variables);
    }

    private Map<String, Object> variables(Object environment, String place) {
        Map<String, Object> declared = map(environment, place);
        only(declared, Set.of("Variables"), place);
        return map(declared.get("Variables"), place + ".Variables");
    }

    private Map<String, EnvironmentValue> environment(Object section, Map<String, Map<String, Object>> parameters,
            Map<String, String> buckets, String where) {
        Map<String, EnvironmentValue> environment = new LinkedHashMap<>();
        if (section == null) {
            return environment;
        }
        Map<String, Object> variables = variables(section, where);
        variables.forEach((name, value) -> {
            String place = where + ".Variables." + name;
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw error(place + ": el nombre '" + name + "' no es válido para una variable de entorno.");
            }
            environment.put(name, environmentValue(value, parameters, buckets, place));
        });
        return environment;
    }

    private EnvironmentValue environmentValue(Object value, Map<String, Map<String, Object>> parameters,
            Map<String, String> buckets, String place) {
        requireValue(value, place);
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return new EnvironmentValue.Literal(String.valueOf(value));
        }
        String target = reference(value, place);
        if (buckets.containsKey(target)) {
            return new EnvironmentValue.Literal(buckets.get(target));
        }
        Map<String, Object> parameter = parameters.get(target);
        if (parameter == null) {
            throw error(place + " usa '!Ref " + target + "', pero no hay ningún parámetro ni bucket llamado así.");
        }
        boolean secret = Boolean.TRUE.equals(parameter.get("NoEcho"))
                || "true".equalsIgnoreCase(String.valueOf(parameter.get("NoEcho")));
        Object defaultValue = parameter.get("Default");
        return new EnvironmentValue.ParameterRef(target, secret, defaultValue == null ? null : String.valueOf(defaultValue));
    }

    private List<Trigger> triggers(Object section, Map<String, Object> resources, Map<String, String> buckets,
            String where) {
        List<Trigger> triggers = new ArrayList<>();
        if (section == null) {
            return triggers;
        }
        map(section, where).forEach((name, value) -> {
            String place = where + "." + name;
            Map<String, Object> event = map(value, place);
            only(event, Set.of("Type", "Properties"), place);
            Object type = event.get("Type");
            Map<String, Object> properties = map(event.get("Properties"), place + ".Properties");
            if ("Schedule".equals(type)) {
                triggers.add(schedule(name, properties, place + ".Properties"));
            } else if ("S3".equals(type)) {
                triggers.add(s3(name, properties, buckets, place + ".Properties"));
            } else if ("Api".equals(type)) {
                triggers.add(api(name, properties, place + ".Properties"));
            } else {
                throw error(place + ".Type vale '" + type + "'; se admiten Schedule, S3 y Api.");
            }
        });
        return triggers;
    }

    private Trigger.Schedule schedule(String name, Map<String, Object> properties, String place) {
        only(properties, Set.of("Schedule", "Enabled", "Description", "Name"), place);
        Object enabled = properties.getOrDefault("Enabled", Boolean.TRUE);
        if (!(enabled instanceof Boolean)) {
            throw error(place + ".Enabled vale '" + enabled + "'; usa true o false.");
        }
        return new Trigger.Schedule(name, required(properties, "Schedule", place), (Boolean) enabled);
    }

    private Trigger.S3 s3(String name, Map<String, Object> properties, Map<String, String> buckets, String place) {
        only(properties, Set.of("Bucket", "Events", "Filter"), place);
        String bucketId = reference(properties.get("Bucket"), place + ".Bucket");
        if (!buckets.containsKey(bucketId)) {
            throw error(place + ".Bucket usa '!Ref " + bucketId
                    + "', pero en Resources no hay un AWS::S3::Bucket con ese nombre. SAM exige que el bucket que "
                    + "dispara la función se declare en la misma plantilla.");
        }
        List<String> events = new ArrayList<>();
        Object declared = properties.get("Events");
        if (declared == null) {
            throw error("falta " + place + ".Events; escribe, por ejemplo, 'Events: s3:ObjectCreated:*'.");
        }
        for (Object event : declared instanceof List<?> list ? list : List.of(String.valueOf(declared))) {
            String text = String.valueOf(event);
            if (!text.matches("s3:ObjectCreated:(\\*|Put|Post|Copy|CompleteMultipartUpload)")) {
                throw error(place + ".Events contiene '" + text + "'; se admiten s3:ObjectCreated:* y sus tipos "
                        + "(Put, Post, Copy, CompleteMultipartUpload).");
            }
            events.add(text);
        }
        String prefix = "";
        String suffix = "";
        if (properties.get("Filter") != null) {
            Map<String, Object> key = map(map(properties.get("Filter"), place + ".Filter").get("S3Key"),
                    place + ".Filter.S3Key");
            for (Object rule : list(key.get("Rules"), place + ".Filter.S3Key.Rules")) {
                Map<String, Object> entry = map(rule, place + ".Filter.S3Key.Rules[]");
                String ruleName = String.valueOf(entry.get("Name")).toLowerCase(Locale.ROOT);
                String ruleValue = string(entry.get("Value"), place + ".Filter.S3Key.Rules[].Value");
                switch (ruleName) {
                    case "prefix" -> prefix = ruleValue;
                    case "suffix" -> suffix = ruleValue;
                    default -> throw error(place + ".Filter.S3Key.Rules tiene Name '" + entry.get("Name")
                            + "'; solo se admiten prefix y suffix.");
                }
            }
        }
        return new Trigger.S3(name, bucketId, buckets.get(bucketId), List.copyOf(events), prefix, suffix);
    }

    private Trigger.Api api(String name, Map<String, Object> properties, String place) {
        only(properties, Set.of("Path", "Method"), place);
        String path = required(properties, "Path", place);
        if (!path.startsWith("/")) {
            throw error(place + ".Path vale '" + path + "'; debe empezar por '/'.");
        }
        String method = required(properties, "Method", place).toLowerCase(Locale.ROOT);
        if (!Set.of("get", "post", "put", "delete", "patch", "head", "options", "any").contains(method)) {
            throw error(place + ".Method vale '" + method + "'; usa get, post, put, delete, patch, head, options o any.");
        }
        return new Trigger.Api(name, path, method);
    }

    private String architecture(Object value, String place) {
        if (value == null) {
            return "x86_64";
        }
        List<?> values = list(value, place);
        if (values.size() != 1 || !Set.of("x86_64", "arm64").contains(String.valueOf(values.get(0)))) {
            throw error(place + " vale " + values + "; usa [x86_64] o [arm64].");
        }
        return String.valueOf(values.get(0));
    }

    private String reference(Object value, String place) {
        if (value instanceof IntrinsicFunction function && "Ref".equals(function.name())
                && function.argument() instanceof String target) {
            return target;
        }
        if (value instanceof IntrinsicFunction function) {
            throw error(place + " usa '!" + function.name() + "', que no está soportada. Escribe un valor literal "
                    + "o '!Ref' a un parámetro o a un bucket de la plantilla.");
        }
        throw error(place + " debe ser '!Ref <nombre>' y vale '" + value + "'.");
    }

    private void only(Map<String, Object> properties, Set<String> allowed, String place) {
        for (String key : properties.keySet()) {
            if (!allowed.contains(key)) {
                throw error(place + "." + key + " no está soportada. Propiedades admitidas: " + sorted(allowed));
            }
        }
    }

    /** Rejects a key written with no value, such as {@code Timeout:} alone on its line. */
    private void requireValue(Object value, String place) {
        if (value == null) {
            throw error(place + " está vacía; escribe su valor o quita la clave.");
        }
    }

    private String required(Map<String, Object> properties, String key, String place) {
        Object value = properties.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw error("falta " + place + "." + key + ".");
        }
        return string(value, place + "." + key);
    }

    private String string(Object value, String place) {
        if (value instanceof IntrinsicFunction function) {
            throw error(place + " usa '!" + function.name() + "', que no está soportada aquí. Escribe el valor "
                    + "literal.");
        }
        if (value instanceof Map || value instanceof List) {
            throw error(place + " debe ser un texto y es una estructura: " + value);
        }
        return String.valueOf(value);
    }

    private int integer(Object value, String place, int min, int max, String unit) {
        if (!(value instanceof Integer number) || number < min || number > max) {
            throw error(place + " vale '" + value + "'; debe ser un entero entre " + min + " y " + max + " " + unit
                    + ".");
        }
        return number;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, String place) {
        if (value == null) {
            throw error("falta " + place + ".");
        }
        if (!(value instanceof Map)) {
            throw error(place + " debe ser un mapa de claves y valores, y vale '" + value + "'.");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        ((Map<Object, Object>) value).forEach((key, item) -> result.put(String.valueOf(key), item));
        return result;
    }

    private List<?> list(Object value, String place) {
        if (!(value instanceof List<?> items)) {
            throw error(place + " debe ser una lista y vale '" + value + "'.");
        }
        return items;
    }

    private TemplateException error(String detail) {
        return new TemplateException("Configuración no válida en '" + template + "': " + detail);
    }

    private static String sorted(Set<String> names) {
        return String.join(", ", new java.util.TreeSet<>(names));
    }

    /** Builds {@link IntrinsicFunction} values for any {@code !Tag}, instead of failing on unknown tags. */
    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            this.yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue();
                    String name = tag.startsWith("!") ? tag.substring(1) : tag;
                    Object argument;
                    if (node instanceof ScalarNode scalar) {
                        argument = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        argument = constructSequence(sequence);
                    } else {
                        argument = constructMapping((MappingNode) node);
                    }
                    return new IntrinsicFunction(name, argument);
                }
            });
        }
    }
}
