package dev.lambdaworkbook.checker.run.child;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one submission's tests inside the child JVM and reports them through the {@link ResultChannel}.
 *
 * <p>Standard input carries, before any test or student class is loaded: {@code secret <hex>}, {@code
 * output-limit <bytes>}, one {@code student <class>} line per class compiled from the submission, then either
 * {@code class <name>} lines (a first run: discover these test classes) or {@code unit <unique id>} lines (a
 * restart after a timeout: run only these tests), and {@code end}. The harness then stops reading, so the student
 * code reads an empty standard input.
 */
public final class Harness {

    private Harness() {
    }

    public static void main(String[] args) throws IOException {
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Settings settings = Settings.read(input);
        ResultChannel channel = new ResultChannel(settings.secret());
        ThreadLimit.watch(channel);
        ParentWatch.start();
        OutputCapture capture = new OutputCapture(settings.outputLimit());
        PrintStream captured = new PrintStream(capture, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        System.setErr(captured);
        System.setIn(new ByteArrayInputStream(new byte[0]));

        ReportingListener listener = new ReportingListener(channel, capture, settings.studentClasses());
        try {
            run(settings, listener);
            channel.send(Json.write(Map.of("t", "done")));
        } catch (Throwable fatal) {
            channel.send(Json.write(Map.of("t", "fatal", "reason", describe(fatal))));
        }
        Runtime.getRuntime().halt(0);
    }

    private static void run(Settings settings, ReportingListener listener) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
        List<DiscoverySelector> selectors = new ArrayList<>();
        settings.testClasses().forEach(name -> selectors.add(DiscoverySelectors.selectClass(name)));
        settings.units().forEach(id -> selectors.add(DiscoverySelectors.selectUniqueId(id)));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();

        TestPlan plan = launcher.discover(request);
        listener.announce(plan);
        launcher.execute(plan, listener);
        listener.reportMissing();
    }

    private static String describe(Throwable fatal) {
        if (fatal instanceof OutOfMemoryError) {
            return "memoria agotada (OutOfMemoryError): " + fatal.getMessage();
        }
        return fatal.getClass().getName() + ": " + fatal.getMessage();
    }

    /** The settings the checker sent on standard input. */
    record Settings(byte[] secret, int outputLimit, Set<String> studentClasses, List<String> testClasses,
            List<String> units) {

        static Settings read(BufferedReader input) throws IOException {
            byte[] secret = null;
            int outputLimit = 16 * 1024;
            Set<String> students = new HashSet<>();
            List<String> classes = new ArrayList<>();
            List<String> units = new ArrayList<>();
            for (String line = input.readLine(); line != null && !line.equals("end"); line = input.readLine()) {
                int space = line.indexOf(' ');
                String key = space < 0 ? line : line.substring(0, space);
                String value = space < 0 ? "" : line.substring(space + 1);
                switch (key) {
                    case "secret" -> secret = HexFormat.of().parseHex(value);
                    case "output-limit" -> outputLimit = Integer.parseInt(value);
                    case "student" -> students.add(value);
                    case "class" -> classes.add(value);
                    case "unit" -> units.add(value);
                    default -> throw new IllegalArgumentException("Línea de configuración desconocida: '" + line
                            + "'");
                }
            }
            if (secret == null) {
                throw new IllegalArgumentException("El corrector no envió el secreto del canal de resultados");
            }
            return new Settings(secret, outputLimit, students, classes, units);
        }
    }
}
