package dev.lambdaworkbook.checker.report;

import dev.lambdaworkbook.checker.grade.ExerciseResult;
import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.run.TestStatus;
import dev.lambdaworkbook.checker.score.ExerciseScore;
import dev.lambdaworkbook.checker.score.Scale;
import dev.lambdaworkbook.checker.score.StudentGrade;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A student's results in the Gradescope autograder format ({@code results.json}): the total on the scale, and one
 * entry per graded test whose {@code max_score} is its share of the final mark, so the tests add up to the total.
 * Hidden tests are marked {@code after_published}: students see them once grades are published.
 */
final class ResultsJson {

    private ResultsJson() {
    }

    static Map<String, Object> of(StudentGrade grade, Scale scale) {
        List<Map<String, Object>> tests = new ArrayList<>();
        int exercises = grade.results().size();
        for (int i = 0; i < exercises; i++) {
            ExerciseResult result = grade.results().get(i);
            ExerciseScore score = grade.scores().get(i);
            for (TestResult test : result.tests()) {
                if (!test.graded() || test.status() == TestStatus.SKIPPED || score.max() == 0) {
                    continue;
                }
                double weight = scale.max() * test.points() / score.max() / exercises;
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", result.exercise() + " › " + test.fullName());
                entry.put("number", result.exercise() + "." + test.task());
                entry.put("score", round(test.status().passed() ? weight : 0));
                entry.put("max_score", round(weight));
                entry.put("status", test.status().passed() ? "passed" : "failed");
                entry.put("output", output(test));
                entry.put("tags", List.of("ejercicio " + result.exercise(), "tarea " + test.task()));
                entry.put("visibility", test.hidden() ? "after_published" : "visible");
                tests.add(entry);
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("score", grade.total());
        results.put("max_score", scale.max());
        results.put("output", "Nota final: " + Texts.mark(grade.total()) + " sobre " + Texts.mark(scale.max())
                + ". Cada ejercicio pesa lo mismo.");
        results.put("visibility", "visible");
        results.put("tests", tests);
        return results;
    }

    private static String output(TestResult test) {
        if (test.status().passed()) {
            return "";
        }
        String location = Texts.location(test);
        return Texts.explain(test) + (location == null ? "" : "\nLugar probable: " + location);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
