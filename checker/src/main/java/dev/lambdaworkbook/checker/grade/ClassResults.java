package dev.lambdaworkbook.checker.grade;

import dev.lambdaworkbook.checker.score.Scale;
import dev.lambdaworkbook.checker.score.StudentGrade;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Everything one grading run produced, for the reports.
 *
 * @param reused how many student-exercise results were found saved: by an earlier run, or for an identical
 *     submission earlier in this one
 * @param graded how many were compiled, and run unless rejected, in this run; a missing or invalid submission counts
 *     in neither
 */
public record ClassResults(List<PreparedSuite> suites, List<StudentGrade> grades, Scale scale, int reused,
        int graded, Duration elapsed, ZonedDateTime finishedAt) {
}
