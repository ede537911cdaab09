package dev.lambdaworkbook.checker.grade;

import dev.lambdaworkbook.checker.score.Scale;
import dev.lambdaworkbook.checker.score.StudentGrade;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Everything one grading run produced, for the reports.
 *
 * @param reused how many student-exercise results came from an earlier run
 * @param graded how many were graded in this run
 */
public record ClassResults(List<PreparedSuite> suites, List<StudentGrade> grades, Scale scale, int reused,
        int graded, Duration elapsed, ZonedDateTime finishedAt) {
}
