package dev.lambdaworkbook.checker.scan;

import dev.lambdaworkbook.checker.workbook.Exercise;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a submission's compiled classes before they run. A submission with a violation scores 0 in that
 * exercise and its tests are not run. The checker grades with {@link #NONE} until a policy is configured.
 */
@FunctionalInterface
public interface SubmissionScanner {

    /** A scanner that accepts every submission. */
    SubmissionScanner NONE = (exercise, classes) -> List.of();

    /**
     * Returns what the classes do that the exercise's policy forbids, in Spanish, or an empty list.
     *
     * @param classes the folder with the classes compiled from the submission
     */
    List<Violation> scan(Exercise exercise, Path classes);

    /** Returns a name of the policy and its version: part of every result key, so a new policy re-grades. */
    default String policy() {
        return "ninguna";
    }
}
