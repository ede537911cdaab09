package dev.lambdaworkbook.checker.run.child;

import dev.lambdaworkbook.kit.grading.Graded;
import dev.lambdaworkbook.kit.grading.GradedTests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns JUnit events into frames, one result per test method ("unit"). A parameterised test or a test factory is
 * one unit: it passes only when every invocation passes, as {@link Graded} scores it.
 */
final class ReportingListener implements TestExecutionListener {

    private static final int MESSAGE_LIMIT = 8000;

    private final ResultChannel channel;
    private final OutputCapture capture;
    private final Set<String> studentClasses;
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private TestPlan plan;

    ReportingListener(ResultChannel channel, OutputCapture capture, Set<String> studentClasses) {
        this.channel = channel;
        this.capture = capture;
        this.studentClasses = studentClasses;
    }

    /** Sends the plan: every unit with its class, display name and points, before any test runs. */
    void announce(TestPlan testPlan) {
        plan = testPlan;
        List<Map<String, Object>> described = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier identifier : plan.getDescendants(root)) {
                if (isUnit(identifier)) {
                    units.put(identifier.getUniqueId(), new Unit(identifier));
                    described.add(describe(identifier));
                }
            }
        }
        channel.send(Json.write(Map.of("t", "plan", "units", described)));
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        if (units.containsKey(identifier.getUniqueId())) {
            capture.takeText();
            channel.send(Json.write(Map.of("t", "start", "id", identifier.getUniqueId())));
        } else if (identifier.getSource().filter(ClassSource.class::isInstance).isPresent()) {
            channel.send(Json.write(Map.of("t", "start", "id", identifier.getUniqueId())));
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        Unit unit = unitOf(identifier);
        if (unit != null) {
            unit.merge(result);
            if (unit.identifier.equals(identifier)) {
                report(unit, unit.status, unit.failure, null);
            }
        } else if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            String status = result.getStatus() == TestExecutionResult.Status.FAILED ? "failed" : "aborted";
            for (Unit inside : unitsUnder(identifier)) {
                report(inside, status, result.getThrowable().orElse(null), null);
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        for (Unit inside : unitsUnder(identifier)) {
            report(inside, "skipped", null, reason);
        }
    }

    /** Reports the units JUnit never started or finished, for example after an engine failure. */
    void reportMissing() {
        for (Unit unit : units.values()) {
            report(unit, "failed", null, "la prueba no llegó a ejecutarse");
        }
    }

    private void report(Unit unit, String status, Throwable failure, String reason) {
        if (unit.reported) {
            return;
        }
        unit.reported = true;
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("t", "result");
        frame.put("id", unit.identifier.getUniqueId());
        frame.put("status", status);
        frame.put("output", capture.takeText());
        if (reason != null) {
            frame.put("message", reason);
        }
        if (failure != null) {
            frame.put("exception", failure.getClass().getName());
            frame.put("message", limit(messageOf(failure)));
            studentFrame(failure).ifPresent(location -> frame.put("location", location));
        }
        channel.send(Json.write(frame));
    }

    private List<Unit> unitsUnder(TestIdentifier container) {
        String prefix = container.getUniqueId();
        return units.values().stream().filter(unit -> unit.identifier.getUniqueId().startsWith(prefix)).toList();
    }

    private Unit unitOf(TestIdentifier identifier) {
        for (TestIdentifier current = identifier; current != null; current = plan.getParent(current).orElse(null)) {
            Unit unit = units.get(current.getUniqueId());
            if (unit != null) {
                return unit;
            }
        }
        return null;
    }

    private boolean isUnit(TestIdentifier identifier) {
        if (!hasMethodSource(identifier)) {
            return false;
        }
        return plan.getParent(identifier).map(parent -> !hasMethodSource(parent)).orElse(true);
    }

    private static boolean hasMethodSource(TestIdentifier identifier) {
        return identifier.getSource().filter(MethodSource.class::isInstance).isPresent();
    }

    private Map<String, Object> describe(TestIdentifier identifier) {
        MethodSource source = (MethodSource) identifier.getSource().orElseThrow();
        List<String> containers = new ArrayList<>();
        for (TestIdentifier parent = plan.getParent(identifier).orElse(null); parent != null;
                parent = plan.getParent(parent).orElse(null)) {
            if (parent.getSource().filter(ClassSource.class::isInstance).isPresent()) {
                containers.add(0, parent.getDisplayName());
            }
        }
        Optional<Graded> graded = GradedTests.gradedOf(identifier, plan);
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("id", identifier.getUniqueId());
        unit.put("className", source.getClassName());
        unit.put("suite", String.join(" › ", containers));
        unit.put("name", identifier.getDisplayName());
        unit.put("graded", graded.isPresent());
        unit.put("task", graded.map(Graded::task).orElse(0));
        unit.put("points", graded.map(Graded::points).orElse(0));
        return unit;
    }

    /** Returns the innermost-first frame of the failure, or of one of its causes, that belongs to student code. */
    private Optional<Map<String, Object>> studentFrame(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            for (StackTraceElement frame : current.getStackTrace()) {
                if (studentClasses.contains(frame.getClassName())) {
                    Map<String, Object> location = new LinkedHashMap<>();
                    location.put("className", frame.getClassName());
                    location.put("method", frame.getMethodName());
                    location.put("file", String.valueOf(frame.getFileName()));
                    location.put("line", frame.getLineNumber());
                    return Optional.of(location);
                }
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the failure's message, or for the errors that come without one a Spanish explanation, so that the
     * student never reads just "null".
     */
    static String messageOf(Throwable failure) {
        if (failure instanceof StackOverflowError) {
            return "desbordamiento de pila (StackOverflowError): ¿hay una recursión que nunca llega a su caso base?";
        }
        if (failure instanceof ExceptionInInitializerError && failure.getCause() != null) {
            return "falló la inicialización estática de una clase (ExceptionInInitializerError), con "
                    + failure.getCause().getClass().getName() + ": " + failure.getCause().getMessage()
                    + ". Revisa los bloques static y los campos static de tu código.";
        }
        if (failure instanceof NoClassDefFoundError && String.valueOf(failure.getMessage())
                .startsWith("Could not initialize class")) {
            return failure.getMessage() + ": su inicialización estática falló en una prueba anterior. Revisa los "
                    + "bloques static y los campos static de tu código.";
        }
        if (failure.getMessage() == null) {
            return failure.getClass().getName() + " sin mensaje";
        }
        return failure.getMessage();
    }

    private static String limit(String text) {
        return text.length() <= MESSAGE_LIMIT ? text : text.substring(0, MESSAGE_LIMIT) + " …";
    }

    /** One test method and the worst result among its invocations so far. */
    private static final class Unit {

        private final TestIdentifier identifier;
        private String status = "passed";
        private Throwable failure;
        private boolean reported;

        Unit(TestIdentifier identifier) {
            this.identifier = identifier;
        }

        void merge(TestExecutionResult result) {
            TestExecutionResult.Status outcome = result.getStatus();
            if (outcome == TestExecutionResult.Status.FAILED && !status.equals("failed")) {
                status = "failed";
                failure = result.getThrowable().orElse(null);
            } else if (outcome == TestExecutionResult.Status.ABORTED && status.equals("passed")) {
                status = "aborted";
                failure = result.getThrowable().orElse(null);
            }
        }
    }
}
