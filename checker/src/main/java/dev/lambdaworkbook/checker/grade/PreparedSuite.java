package dev.lambdaworkbook.checker.grade;

import dev.lambdaworkbook.checker.compile.Suite;
import dev.lambdaworkbook.checker.run.TestResult;
import java.util.List;

/**
 * A compiled suite with the result of the reference solution, whose tests are the plan every submission of the
 * exercise is scored against: the points available do not depend on what a submission lets JUnit discover.
 *
 * @param runtime what the child JVMs that run this suite start with, shared by the suites prepared together
 */
public record PreparedSuite(Suite suite, ExerciseResult reference, SharedRuntime runtime) {

    public List<TestResult> plan() {
        return reference.tests();
    }

    public String id() {
        return suite.exercise().id();
    }
}
