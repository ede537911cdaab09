package dev.lambdaworkbook.kit.grading;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** Finds the {@link Graded} annotation behind a JUnit test identifier. */
public final class GradedTests {

    private GradedTests() {
    }

    /**
     * Returns the annotation of the test method the identifier belongs to. For an invocation of a parameterised
     * test this is the annotation of the parameterised method, found through the plan's parents.
     */
    public static Optional<Graded> gradedOf(TestIdentifier identifier, TestPlan plan) {
        TestIdentifier current = identifier;
        while (current != null) {
            Optional<Graded> graded = current.getSource().flatMap(GradedTests::gradedOf);
            if (graded.isPresent()) {
                return graded;
            }
            current = plan.getParent(current).orElse(null);
        }
        return Optional.empty();
    }

    private static Optional<Graded> gradedOf(TestSource source) {
        if (!(source instanceof MethodSource methodSource)) {
            return Optional.empty();
        }
        try {
            Method method = methodSource.getJavaMethod();
            return Optional.ofNullable(method.getAnnotation(Graded.class));
        } catch (RuntimeException | LinkageError notLoadable) {
            return Optional.empty();
        }
    }
}
