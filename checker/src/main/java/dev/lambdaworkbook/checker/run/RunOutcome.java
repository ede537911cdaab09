package dev.lambdaworkbook.checker.run;

import java.util.List;

/**
 * The outcome of running one submission's tests in child JVMs.
 *
 * @param tests one result per test method, in plan order
 * @param notes Spanish remarks for the instructor: restarts, a JVM that ended early, its error output
 * @param launches how many child JVMs the run took (more than one after a timeout)
 */
public record RunOutcome(List<TestResult> tests, List<String> notes, int launches) {
}
