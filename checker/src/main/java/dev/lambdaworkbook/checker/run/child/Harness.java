package dev.lambdaworkbook.checker.run.child;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one student's tests inside the child JVM, exercise after exercise, and reports them through the
 * {@link ResultChannel}.
 *
 * <p>Standard input carries, before any test or student class is loaded: {@code secret <hex>}, {@code
 * output-limit <bytes>}, then for each exercise ("part"): {@code part <id>}, its {@code loader <path>} lines (the
 * compiled tests, then the student's classes), {@code property <name>=<value>} lines, one {@code student <class>}
 * line per class compiled from the submission, and either {@code class <name>} lines (a first run: discover these
 * test classes) or {@code unit <unique id>} lines (a restart after a timeout: run only these tests); and {@code
 * end}. The harness then stops reading, so the student code reads an empty standard input.
 *
 * <p>Each part gets its own class loader, on top of the class path with JUnit and the libraries, and finds the
 * system properties, default locale and time zone, and standard streams as the JVM started with them, whatever
 * an earlier part changed.
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
        Globals initial = Globals.save();
        try {
            for (PartSettings part : settings.parts()) {
                initial.restore(captured);
                part.properties().forEach(System::setProperty);
                channel.send(Json.write(Map.of("t", "part", "x", part.exercise())));
                run(part, new ReportingListener(channel, capture, part.studentClasses()));
                channel.send(Json.write(Map.of("t", "part-end")));
            }
            channel.send(Json.write(Map.of("t", "done")));
        } catch (Throwable fatal) {
            channel.send(Json.write(Map.of("t", "fatal", "reason", describe(fatal))));
        }
        Runtime.getRuntime().halt(0);
    }

    private static void run(PartSettings part, ReportingListener listener) throws MalformedURLException {
        URL[] urls = new URL[part.loaderPath().size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = Path.of(part.loaderPath().get(i)).toUri().toURL();
        }
        // Never closed: threads the submission started may still load classes from it.
        ClassLoader loader = new URLClassLoader("ejercicio-" + part.exercise(), urls, Harness.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
        List<DiscoverySelector> selectors = new ArrayList<>();
        part.testClasses().forEach(name -> selectors.add(DiscoverySelectors.selectClass(loader, name)));
        part.units().forEach(id -> selectors.add(DiscoverySelectors.selectUniqueId(id)));
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

    /** The JVM-wide settings a part may change and the next part must not inherit. */
    private record Globals(Properties properties, Map<Locale.Category, Locale> locales, Locale locale,
            TimeZone timeZone) {

        static Globals save() {
            Properties properties = new Properties();
            properties.putAll(System.getProperties());
            Map<Locale.Category, Locale> locales = new LinkedHashMap<>();
            for (Locale.Category category : Locale.Category.values()) {
                locales.put(category, Locale.getDefault(category));
            }
            return new Globals(properties, locales, Locale.getDefault(), TimeZone.getDefault());
        }

        void restore(PrintStream captured) {
            Properties copy = new Properties();
            copy.putAll(properties);
            System.setProperties(copy);
            Locale.setDefault(locale);
            locales.forEach(Locale::setDefault);
            TimeZone.setDefault(timeZone);
            System.setOut(captured);
            System.setErr(captured);
            System.setIn(new ByteArrayInputStream(new byte[0]));
        }
    }

    /** One exercise of the settings. */
    record PartSettings(String exercise, List<String> loaderPath, Map<String, String> properties,
            Set<String> studentClasses, List<String> testClasses, List<String> units) {

        PartSettings(String exercise) {
            this(exercise, new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashSet<>(), new ArrayList<>(),
                    new ArrayList<>());
        }
    }

    /** The settings the checker sent on standard input. */
    record Settings(byte[] secret, int outputLimit, List<PartSettings> parts) {

        static Settings read(BufferedReader input) throws IOException {
            byte[] secret = null;
            int outputLimit = 16 * 1024;
            List<PartSettings> parts = new ArrayList<>();
            for (String line = input.readLine(); line != null && !line.equals("end"); line = input.readLine()) {
                int space = line.indexOf(' ');
                String key = space < 0 ? line : line.substring(0, space);
                String value = space < 0 ? "" : line.substring(space + 1);
                if (key.equals("secret")) {
                    secret = HexFormat.of().parseHex(value);
                } else if (key.equals("output-limit")) {
                    outputLimit = Integer.parseInt(value);
                } else if (key.equals("part")) {
                    parts.add(new PartSettings(value));
                } else if (parts.isEmpty()) {
                    throw new IllegalArgumentException("Línea de configuración fuera de un ejercicio: '" + line + "'");
                } else {
                    addToPart(parts.get(parts.size() - 1), key, value, line);
                }
            }
            if (secret == null) {
                throw new IllegalArgumentException("El corrector no envió el secreto del canal de resultados");
            }
            return new Settings(secret, outputLimit, parts);
        }

        private static void addToPart(PartSettings part, String key, String value, String line) {
            switch (key) {
                case "loader" -> part.loaderPath().add(value);
                case "property" -> {
                    int equals = value.indexOf('=');
                    part.properties().put(value.substring(0, equals), value.substring(equals + 1));
                }
                case "student" -> part.studentClasses().add(value);
                case "class" -> part.testClasses().add(value);
                case "unit" -> part.units().add(value);
                default -> throw new IllegalArgumentException("Línea de configuración desconocida: '" + line + "'");
            }
        }
    }
}
