package dev.lambdaworkbook.kit.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, after a test run, the points a student earned per task of the statement, in Spanish.
 *
 * <p>Registered through {@code META-INF/services}, so every run of a graded suite prints it. A parameterised
 * test earns its points only when every invocation passes, which is how the checker scores it too.
 */
public final class GradeSummaryListener implements TestExecutionListener {

    private final Map<String, GradedResult> results = new TreeMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        results.clear();
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (plan == null || !identifier.isTest()) {
            return;
        }
        Optional<Graded> graded = GradedTests.gradedOf(identifier, plan);
        if (graded.isEmpty()) {
            return;
        }
        String key = owningMethodId(identifier);
        boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        String failure = passed ? null : result.getThrowable().map(GradeSummaryListener::firstLine).orElse("");
        results.merge(key, new GradedResult(graded.get(), displayName(identifier), failure),
                (before, now) -> before.passed() ? now : before);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!results.isEmpty()) {
            System.out.print(GradeSummary.of(new ArrayList<>(results.values())).render());
        }
    }

    /** Returns the id of the outermost test method above the identifier: a parameterised test, not its invocation. */
    private String owningMethodId(TestIdentifier identifier) {
        TestIdentifier owner = identifier;
        for (TestIdentifier current = identifier; current != null; current = plan.getParent(current).orElse(null)) {
            if (current.getSource().filter(MethodSource.class::isInstance).isPresent()) {
                owner = current;
            }
        }
        return owner.getUniqueId();
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

    /**
     * One graded test method and, when one of its invocations failed, the first line of that failure's message.
     *
     * @param failure null when every invocation passed
     */
    public record GradedResult(Graded graded, String name, String failure) {

        public boolean passed() {
            return failure == null;
        }
    }
}
