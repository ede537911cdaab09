package dev.lambdaworkbook.checker.run;

import java.util.List;

/**
 * The outcome of one exercise of a run in child JVMs.
 *
 * @param tests one result per test method, in plan order
 * @param notes Spanish remarks for the instructor: restarts, a JVM that ended early, its error output
 * @param launches how many child JVMs ran this exercise's tests (more than one after a timeout)
 * @param millis how long its tests ran, from the start of the exercise to its end, summed over the JVMs
 */
public record RunOutcome(List<TestResult> tests, List<String> notes, int launches, long millis) {
}
