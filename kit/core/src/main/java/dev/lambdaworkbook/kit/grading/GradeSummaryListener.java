package dev.lambdaworkbook.kit.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, after a test run, the points a student earned per task of the statement, in Spanish.
 *
 * <p>Registered through {@code META-INF/services}, so every run of a graded suite prints it. A parameterised
 * test earns its points only when every invocation passes, which is how the checker scores it too. A graded test
 * that never ran (its class failed to start, it was skipped, or its arguments could not be built) earns nothing
 * but still counts towards the maximum, so a broken class cannot shrink the total.
 */
public final class GradeSummaryListener implements TestExecutionListener {

    /** The failure text of a graded test that did not run. */
    static final String NOT_RUN = "no se ejecutó";

    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        outcomes.clear();
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier identifier : testPlan.getDescendants(root)) {
                if (isMethod(identifier) && owningMethod(identifier).getUniqueId().equals(identifier.getUniqueId())) {
                    GradedTests.gradedOf(identifier, testPlan).ifPresent(graded ->
                            outcomes.put(identifier.getUniqueId(), new Outcome(graded, displayName(identifier))));
                }
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        Outcome outcome = outcomeOf(identifier);
        if (outcome != null && outcome.failure == null) {
            outcome.failure = NOT_RUN + " (omitida: " + reason + ")";
            outcome.name = displayName(identifier);
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        boolean failed = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
        if (failed && plan != null && !isMethod(identifier)) {
            explainNotRun(identifier, result);
            return;
        }
        Outcome outcome = outcomeOf(identifier);
        if (outcome == null) {
            return;
        }
        if (identifier.isTest()) {
            outcome.ran = true;
        }
        if (failed && outcome.failure == null) {
            outcome.failure = result.getThrowable().map(GradeSummaryListener::firstLine).orElse("");
            outcome.name = displayName(identifier);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!outcomes.isEmpty()) {
            System.out.print(GradeSummary.of(results()).render());
        }
    }

    /** Gives the graded methods under a failed class the reason why they did not run, e.g. a failing @BeforeAll. */
    private void explainNotRun(TestIdentifier container, TestExecutionResult result) {
        String reason = result.getThrowable().map(GradeSummaryListener::firstLine).orElse("");
        for (TestIdentifier descendant : plan.getDescendants(container)) {
            Outcome outcome = outcomes.get(descendant.getUniqueId());
            if (outcome != null && !outcome.ran && outcome.failure == null) {
                outcome.failure = NOT_RUN + ": " + reason;
            }
        }
    }

    /** Returns one result per graded test method of the plan, in the plan's order. */
    List<GradedResult> results() {
        List<GradedResult> results = new ArrayList<>();
        for (Outcome outcome : outcomes.values()) {
            String failure = outcome.failure;
            if (failure == null && !outcome.ran) {
                failure = NOT_RUN;
            }
            results.add(new GradedResult(outcome.graded, outcome.name, failure));
        }
        return results;
    }

    /** Returns the outcome of the graded method that owns the identifier, or null when it is not graded. */
    private Outcome outcomeOf(TestIdentifier identifier) {
        if (plan == null || !isMethod(identifier)) {
            return null;
        }
        return outcomes.get(owningMethod(identifier).getUniqueId());
    }

    /**
     * Returns the outermost test method at or above the identifier: for an invocation of a parameterised test,
     * the parameterised method.
     */
    private TestIdentifier owningMethod(TestIdentifier identifier) {
        TestIdentifier owner = identifier;
        for (TestIdentifier current = identifier; current != null; current = plan.getParent(current).orElse(null)) {
            if (isMethod(current)) {
                owner = current;
            }
        }
        return owner;
    }

    /** Returns whether the identifier is a test method, an invocation of one, or a test inside a test factory. */
    private boolean isMethod(TestIdentifier identifier) {
        if (identifier.getSource().filter(MethodSource.class::isInstance).isPresent()) {
            return true;
        }
        Optional<TestIdentifier> parent = plan.getParent(identifier);
        return identifier.isTest() && parent.isPresent() && isMethod(parent.get());
    }

    private String displayName(TestIdentifier identifier) {
        TestIdentifier current = identifier;
        List<String> names = new ArrayList<>();
        while (current != null && current.getSource().isPresent()) {
            names.add(0, current.getDisplayName());
            current = plan.getParent(current).orElse(null);
        }
        return String.join(" › ", names);
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.lines().findFirst().orElse("");
    }

    /** The state so far of one graded test method and its invocations. */
    private static final class Outcome {
        private final Graded graded;
        private String name;
        private boolean ran;
        private String failure;

        Outcome(Graded graded, String name) {
            this.graded = graded;
            this.name = name;
        }
    }

    /**
     * One graded test method and, when it did not pass, the first line of the first failure's message.
     *
     * @param failure null when every invocation passed
     */
    public record GradedResult(Graded graded, String name, String failure) {

        public boolean passed() {
            return failure == null;
        }
    }
}
