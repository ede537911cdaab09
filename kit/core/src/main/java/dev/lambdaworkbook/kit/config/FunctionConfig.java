package dev.lambdaworkbook.kit.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The configuration of one exercise's function, read from its SAM template ({@code template.yaml}): what the
 * tests, the local runner and the deploy script share.
 *
 * @param template the file it was read from
 * @param logicalId the function's resource name in the template
 * @param functionName the deployed name: {@code FunctionName}, or the logical id when absent
 * @param handler the handler string, {@code package.Class::method} or {@code package.Class}
 * @param memorySize memory in MB
 * @param timeout timeout in seconds
 * @param codeUri the package to deploy, relative to the template's folder
 * @param environment variables by name, in template order
 * @param buckets the names of the template's {@code AWS::S3::Bucket} resources, by logical id
 * @param studentFiles the paths, relative to the exercise folder, that the student writes and the checker grades:
 *     {@code Metadata.Workbook.StudentFiles}, or {@code src/main/java} when absent
 */
public record FunctionConfig(
        Path template,
        String logicalId,
        String functionName,
        String handler,
        String runtime,
        String architecture,
        int memorySize,
        int timeout,
        String codeUri,
        Map<String, EnvironmentValue> environment,
        Map<String, String> buckets,
        List<Trigger> triggers,
        List<String> studentFiles) {

    /** The Lambda runtime every exercise deploys to. */
    public static final String RUNTIME = "java21";

    /**
     * Reads the template of the exercise under test: the file named by the system property {@code workbook.template},
     * or else {@code template.yaml} in the {@link #moduleFolder() module folder}.
     */
    public static FunctionConfig ofThisExercise() {
        String configured = System.getProperty("workbook.template");
        Path template = configured != null ? Path.of(configured) : modulePath("template.yaml");
        return TemplateReader.read(template);
    }

    /**
     * Returns the folder of the exercise module under test, which contains its {@code target/} build outputs: the
     * system property {@code workbook.module} when set (by the build or the checker), or else the working directory.
     * The working directory is returned as the empty path, so paths resolved against it stay relative.
     */
    public static Path moduleFolder() {
        String configured = System.getProperty("workbook.module");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("");
    }

    /** Resolves a path given relative to the {@link #moduleFolder() module folder}, such as {@code target/x.zip}. */
    public static Path modulePath(String relative) {
        return moduleFolder().resolve(relative);
    }

    /** Returns the class part of the handler string. */
    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    /** Returns the method part of the handler string, or {@code handleRequest} when the string names only a class. */
    public String handlerMethod() {
        int separator = handler.indexOf("::");
        return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
    }

    public <T extends Trigger> List<T> triggers(Class<T> type) {
        return triggers.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Resolves the environment to plain strings. Parameter references take their value from {@code parameters}
     * (for example the student's own environment), or else from the parameter's default.
     *
     * @throws TemplateException when a parameter has neither a value nor a default
     */
    public Map<String, String> resolveEnvironment(Function<String, String> parameters) {
        Map<String, String> resolved = new LinkedHashMap<>();
        environment.forEach((name, value) -> resolved.put(name, resolve(name, value, parameters)));
        return resolved;
    }

    private String resolve(String variable, EnvironmentValue value, Function<String, String> parameters) {
        if (value instanceof EnvironmentValue.Literal literal) {
            return literal.value();
        }
        EnvironmentValue.ParameterRef reference = (EnvironmentValue.ParameterRef) value;
        String given = parameters.apply(reference.parameter());
        if (given != null && !given.isEmpty()) {
            return given;
        }
        if (reference.defaultValue() != null) {
            return reference.defaultValue();
        }
        throw new TemplateException("Falta el valor del parámetro '" + reference.parameter()
                + "' que usa la variable de entorno '" + variable + "' en " + template
                + ". Defínelo antes de ejecutar, por ejemplo: export " + reference.parameter() + "=...");
    }
}
