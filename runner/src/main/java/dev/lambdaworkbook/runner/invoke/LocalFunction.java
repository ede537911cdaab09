package dev.lambdaworkbook.runner.invoke;

import dev.lambdaworkbook.kit.config.FunctionConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything needed to run one function locally.
 *
 * @param config the function's configuration from its template
 * @param classpath the function's compiled classes and its runtime dependencies, in order
 * @param taskRoot the code folder the function sees as its working folder and {@code LAMBDA_TASK_ROOT}
 * @param environment the function's own variables, already resolved
 * @param secretValues values of {@code NoEcho} parameters, which the runner hides wherever it prints the log
 */
public record LocalFunction(
        FunctionConfig config,
        List<Path> classpath,
        Path taskRoot,
        Map<String, String> environment,
        Set<String> secretValues) {

    public LocalFunction {
        classpath = List.copyOf(classpath);
        environment = Map.copyOf(environment);
        secretValues = Set.copyOf(secretValues);
    }

    /** Returns a copy with more environment variables, e.g. the local S3 server's endpoint; the given ones win. */
    public LocalFunction withEnvironment(Map<String, String> extra) {
        java.util.Map<String, String> merged = new java.util.LinkedHashMap<>(environment);
        merged.putAll(extra);
        return new LocalFunction(config, classpath, taskRoot, merged, secretValues);
    }

    /** Returns a copy that also hides {@code secret} wherever the runner prints, e.g. a key the runner made up. */
    public LocalFunction withSecret(String secret) {
        java.util.Set<String> secrets = new java.util.HashSet<>(secretValues);
        secrets.add(secret);
        return new LocalFunction(config, classpath, taskRoot, environment, secrets);
    }
}
