package dev.lambdaworkbook.checker.score;

import java.util.Map;

/**
 * Points of one student in one exercise.
 *
 * @param max the points of the exercise's plan, the same for every student
 * @param mark the exercise's mark on the scale
 * @param tasks points per task of the statement
 */
public record ExerciseScore(String exercise, int earned, int max, double mark, Map<Integer, TaskScore> tasks) {

    /** Points of one numbered task. */
    public record TaskScore(int task, int earned, int max) {
    }

    public double fraction() {
        return max == 0 ? 0 : (double) earned / max;
    }
}
