package dev.lambdaworkbook.checker.score;

import dev.lambdaworkbook.checker.grade.ExerciseResult;
import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.run.TestStatus;
import dev.lambdaworkbook.checker.submission.Submission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns test results into points and marks. A test earns the points of its {@code @Graded} annotation when it
 * passed; the points available come from the reference's plan, without the tests it skips. Each exercise's mark is
 * its share of points on the scale, and the final mark is the mean of the exercises' shares on the scale.
 */
public final class Scorer {

    private final Scale scale;

    public Scorer(Scale scale) {
        this.scale = scale;
    }

    public Scale scale() {
        return scale;
    }

    public ExerciseScore score(ExerciseResult result, List<TestResult> plan) {
        Set<String> passed = result.tests().stream().filter(test -> test.status() == TestStatus.PASSED)
                .map(TestResult::id).collect(Collectors.toSet());
        Map<Integer, ExerciseScore.TaskScore> tasks = new TreeMap<>();
        int earned = 0;
        int max = 0;
        for (TestResult test : plan) {
            if (!test.graded() || test.status() == TestStatus.SKIPPED) {
                continue;
            }
            int gained = passed.contains(test.id()) ? test.points() : 0;
            earned += gained;
            max += test.points();
            tasks.merge(test.task(), new ExerciseScore.TaskScore(test.task(), gained, test.points()),
                    (before, now) -> new ExerciseScore.TaskScore(before.task(), before.earned() + now.earned(),
                            before.max() + now.max()));
        }
        double fraction = max == 0 ? 0 : (double) earned / max;
        return new ExerciseScore(result.exercise(), earned, max, scale.mark(fraction), tasks);
    }

    /**
     * Scores every exercise of a student.
     *
     * @param plans the reference plan of each exercise, in the order of {@code results}
     */
    public StudentGrade grade(Submission submission, List<ExerciseResult> results, List<List<TestResult>> plans) {
        List<ExerciseScore> scores = new ArrayList<>();
        double fractions = 0;
        for (int i = 0; i < results.size(); i++) {
            ExerciseScore score = score(results.get(i), plans.get(i));
            scores.add(score);
            fractions += score.fraction();
        }
        double total = results.isEmpty() ? 0 : scale.mark(fractions / results.size());
        return new StudentGrade(submission, results, scores, total);
    }
}
