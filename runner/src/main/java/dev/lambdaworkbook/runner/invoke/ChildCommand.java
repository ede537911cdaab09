package dev.lambdaworkbook.runner.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.runner.child.ChildRuntime;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the command line and environment of the child JVM that runs a function, shaped like Lambda's Java
 * runtime: heap sized from the memory setting, serial GC and C1-only compilation (Lambda's defaults for java17 and
 * java21), UTC, the en_US locale, UTF-8, a private temporary folder and only Lambda's own environment variables plus
 * the function's.
 */
final class ChildCommand {

    /** Variables the JVM itself needs on some systems; Lambda's environment has no others from the host. */
    private static final List<String> HOST_VARIABLES = List.of("PATH", "SystemRoot", "SYSTEMROOT", "WINDIR");
    /** AWS settings the student may point at local services or their own account; passed through when set. */
    private static final List<String> AWS_VARIABLES = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3");

    private ChildCommand() {
    }

    static ProcessBuilder build(LocalFunction function, Path tmp, String logStreamName, Map<String, String> host) {
        FunctionConfig config = function.config();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(config.memorySize(), tmp));
        command.add("-cp");
        command.add(runtimeClasspath());
        command.add(ChildRuntime.class.getName());
        command.add(function.classpath().stream().map(path -> path.toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator)));

        ProcessBuilder builder = new ProcessBuilder(command).directory(function.taskRoot().toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        for (String name : HOST_VARIABLES) {
            if (host.get(name) != null) {
                environment.put(name, host.get(name));
            }
        }
        for (String name : AWS_VARIABLES) {
            if (host.get(name) != null) {
                environment.put(name, host.get(name));
            }
        }
        environment.putAll(lambdaVariables(function, tmp, logStreamName));
        environment.putAll(function.environment());
        return builder;
    }

    /**
     * Returns the JVM options. The heap is 85 % of the memory setting, the share users have observed Lambda's Java
     * runtime to give it (an estimate, not documented by AWS). The runner enforces the full limit on the process.
     */
    static List<String> jvmOptions(int memorySize, Path tmp) {
        long heapKilobytes = memorySize * 1024L * 85 / 100;
        return List.of(
                "-XX:MaxHeapSize=" + heapKilobytes + "k",
                "-XX:+UseSerialGC",
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-XX:-UsePerfData",
                "-XX:+DisplayVMOutputToStderr",
                "-Dfile.encoding=UTF-8",
                "-Duser.timezone=UTC",
                "-Duser.language=en",
                "-Duser.country=US",
                "-Djava.io.tmpdir=" + tmp);
    }

    private static Map<String, String> lambdaVariables(LocalFunction function, Path tmp, String logStreamName) {
        FunctionConfig config = function.config();
        String region = TestContext.DEFAULT_REGION;
        Map<String, String> variables = new java.util.LinkedHashMap<>();
        variables.put("_HANDLER", config.handler());
        variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + config.runtime());
        variables.put("AWS_LAMBDA_FUNCTION_NAME", config.functionName());
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memorySize()));
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", TestContext.LATEST_VERSION);
        variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.functionName());
        variables.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName);
        variables.put("AWS_REGION", region);
        variables.put("AWS_DEFAULT_REGION", region);
        variables.put("LAMBDA_TASK_ROOT", function.taskRoot().toString());
        variables.put("LANG", "en_US.UTF-8");
        variables.put("TZ", ":UTC");
        variables.put("TMPDIR", tmp.toString());
        return variables;
    }

    /** Returns the classpath of the runtime itself: this module, the kit's Context, Lambda's core and serializers. */
    static String runtimeClasspath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(ChildRuntime.class, TestContext.class, Context.class, PojoSerializer.class)) {
            entries.add(location(type));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | NullPointerException unknown) {
            throw new IllegalStateException("No se sabe de dónde se cargó " + type.getName(), unknown);
        }
    }
}
