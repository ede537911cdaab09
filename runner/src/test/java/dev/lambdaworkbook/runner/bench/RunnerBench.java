package dev.lambdaworkbook.runner.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.lambdaworkbook.kit.config.FunctionConfig;
import dev.lambdaworkbook.kit.config.TemplateReader;
import dev.lambdaworkbook.kit.context.TestContext;
import dev.lambdaworkbook.runner.invoke.FunctionRuntime;
import dev.lambdaworkbook.runner.invoke.Invocation;
import dev.lambdaworkbook.runner.invoke.LocalFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Measures what the runner adds to a warm invocation: the same handler called directly in this JVM (with and
 * without the JSON conversion) against a warm invocation through the runner's child JVM. Run by bench/runner.sh.
 *
 * <p>With the first argument {@code directo}, it instead starts, calls the handler once and prints the response:
 * the baseline for the cold-start comparison.
 */
public final class RunnerBench {

    private RunnerBench() {
    }

    /** Arguments: mode (caliente|directo), template, function classpath, event file, iterations. */
    public static void main(String[] args) throws Exception {
        FunctionConfig config = TemplateReader.read(Path.of(args[1]));
        List<Path> classpath = Arrays.stream(args[2].split(File.pathSeparator)).map(Path::of).toList();
        byte[] event = Files.readAllBytes(Path.of(args[3]));
        DirectCall direct = new DirectCall(config, classpath);
        if (args[0].equals("directo")) {
            System.out.println(new String(direct.callWithJson(event), java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        int iterations = Integer.parseInt(args[4]);
        double[] handlerOnly = new double[iterations];
        double[] withJson = new double[iterations];
        Object typedEvent = direct.deserialize(event);
        for (int i = 0; i < iterations * 2; i++) {
            long start = System.nanoTime();
            direct.call(typedEvent);
            long middle = System.nanoTime();
            direct.callWithJson(event);
            long end = System.nanoTime();
            if (i >= iterations) {
                handlerOnly[i - iterations] = (middle - start) / 1e6;
                withJson[i - iterations] = (end - middle) / 1e6;
            }
        }
        double[] runner = new double[iterations];
        double[] reported = new double[iterations];
        LocalFunction function = new LocalFunction(config, classpath, Files.createTempDirectory("bench-task"),
                Map.of(), Set.of());
        try (FunctionRuntime runtime = new FunctionRuntime(function, System.getenv(), null)) {
            for (int i = 0; i < iterations * 2; i++) {
                long start = System.nanoTime();
                Invocation invocation = runtime.invoke(event, false);
                long end = System.nanoTime();
                if (!invocation.success()) {
                    throw new IllegalStateException("La invocación falló: " + invocation.responseText() + "\n" + invocation.log());
                }
                if (i >= iterations) {
                    runner[i - iterations] = (end - start) / 1e6;
                    reported[i - iterations] = invocation.durationMillis();
                }
            }
        }
        System.out.printf(Locale.ROOT, "Invocaciones en caliente medidas: %d (tras %d de calentamiento)%n", iterations,
                iterations);
        System.out.printf(Locale.ROOT, "%-52s %10s %10s%n", "", "mediana", "p90");
        row("Llamada directa al handler (objeto ya convertido)", handlerOnly);
        row("Llamada directa con JSON de entrada y salida", withJson);
        row("lambda-local en caliente (ida y vuelta completa)", runner);
        row("lambda-local: Duration del REPORT", reported);
        System.out.printf(Locale.ROOT, "Sobrecoste en caliente (mediana lambda-local - mediana directa): %.3f ms%n",
                median(runner) - median(handlerOnly));
    }

    private static void row(String label, double[] samples) {
        System.out.printf(Locale.ROOT, "%-52s %7.3f ms %7.3f ms%n", label, median(samples), percentile(samples, 0.9));
    }

    private static double median(double[] samples) {
        return percentile(samples, 0.5);
    }

    private static double percentile(double[] samples, double fraction) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(fraction * sorted.length))];
    }

    /** The handler loaded in this JVM and called through reflection, as the runtime calls a Class::method handler. */
    private static final class DirectCall {
        private final Object instance;
        private final Method method;
        private final PojoSerializer<Object> input;
        private final PojoSerializer<Object> output;
        private final Context context = TestContext.builder().functionName("bench").build();

        @SuppressWarnings("unchecked")
        DirectCall(FunctionConfig config, List<Path> classpath) throws Exception {
            List<URL> urls = new ArrayList<>();
            for (Path entry : classpath) {
                urls.add(entry.toUri().toURL());
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), RunnerBench.class.getClassLoader());
            Class<?> type = Class.forName(config.handlerClass(), true, loader);
            instance = type.getConstructor().newInstance();
            method = Arrays.stream(type.getMethods())
                    .filter(candidate -> candidate.getName().equals(config.handlerMethod()) && !candidate.isBridge()
                            && candidate.getParameterCount() == 2)
                    .findFirst().orElseThrow();
            input = serializer(method.getParameterTypes()[0], loader);
            output = serializer(method.getReturnType(), loader);
        }

        @SuppressWarnings("unchecked")
        private static PojoSerializer<Object> serializer(Class<?> type, ClassLoader loader) {
            return LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                    ? LambdaEventSerializers.serializerFor((Class<Object>) type, loader)
                    : JacksonFactory.getInstance().getSerializer((java.lang.reflect.Type) type);
        }

        Object deserialize(byte[] event) {
            return input.fromJson(new ByteArrayInputStream(event));
        }

        Object call(Object event) throws Exception {
            return method.invoke(instance, event, context);
        }

        byte[] callWithJson(byte[] event) throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            output.toJson(call(deserialize(event)), bytes);
            return bytes.toByteArray();
        }
    }
}
