package dev.lambdaworkbook.checker.score;

import dev.lambdaworkbook.checker.grade.ExerciseResult;
import dev.lambdaworkbook.checker.submission.Submission;
import java.util.List;

/**
 * One student's results and marks.
 *
 * @param results one per graded exercise, in exercise order
 * @param scores one per graded exercise, in the same order
 * @param total the final mark on the scale: every exercise weighs the same
 */
public record StudentGrade(Submission submission, List<ExerciseResult> results, List<ExerciseScore> scores,
        double total) {
}
