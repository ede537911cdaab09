package dev.lambdaworkbook.kit.grading;

import dev.lambdaworkbook.kit.grading.GradeSummaryListener.GradedResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Points earned per task of the statement, and the text a student reads at the end of a test run. */
public record GradeSummary(Map<Integer, TaskScore> tasks) {

    /** Points of one task, and its failed tests with the first line of their messages. */
    public record TaskScore(int task, int earned, int max, List<String> failed) {
    }

    public static GradeSummary of(List<GradedResult> results) {
        Map<Integer, TaskScore> tasks = new TreeMap<>();
        for (GradedResult result : results) {
            int task = result.graded().task();
            int points = result.graded().points();
            TaskScore before = tasks.getOrDefault(task, new TaskScore(task, 0, 0, List.of()));
            List<String> failed = new ArrayList<>(before.failed());
            if (!result.passed()) {
                failed.add(result.name() + (result.failure().isEmpty() ? "" : ": " + result.failure()));
            }
            int earned = before.earned() + (result.passed() ? points : 0);
            tasks.put(task, new TaskScore(task, earned, before.max() + points, List.copyOf(failed)));
        }
        return new GradeSummary(tasks);
    }

    public int earned() {
        return tasks.values().stream().mapToInt(TaskScore::earned).sum();
    }

    public int max() {
        return tasks.values().stream().mapToInt(TaskScore::max).sum();
    }

    /** Renders the summary as Spanish text, one line per task and then the failed tests. */
    public String render() {
        StringBuilder text = new StringBuilder(System.lineSeparator());
        text.append("===== Puntuación del ejercicio =====").append(System.lineSeparator());
        for (TaskScore score : tasks.values()) {
            String mark = score.earned() == score.max() ? "✔" : "✘";
            text.append(String.format(Locale.ROOT, "  %s Tarea %d: %d/%d puntos%n", mark, score.task(),
                    score.earned(), score.max()));
            for (String name : score.failed()) {
                text.append("      ✘ ").append(name).append(System.lineSeparator());
            }
        }
        double percent = max() == 0 ? 0 : 100.0 * earned() / max();
        text.append(String.format(Locale.ROOT, "  Total: %d/%d puntos (%.0f %%)%n", earned(), max(), percent));
        if (earned() < max()) {
            text.append("  Lee los mensajes de las pruebas que fallan: dicen qué se esperaba y dónde mirar.")
                    .append(System.lineSeparator());
        }
        return text.toString();
    }
}
