package dev.lambdaworkbook.checker.report;

import dev.lambdaworkbook.checker.grade.ExerciseResult;
import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.run.TestStatus;
import dev.lambdaworkbook.checker.score.ExerciseScore;
import dev.lambdaworkbook.checker.score.Scale;
import dev.lambdaworkbook.checker.score.StudentGrade;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The feedback a student reads, in Markdown and in HTML, with the mark per exercise and task. Each task the starter
 * code leaves undone appears once with the tests it costs. Every other test that did not pass follows with its
 * message, the probable place in the student's code and what the test printed.
 */
final class Feedback {

    private static final int OUTPUT_SHOWN = 2000;

    /**
     * The message of a method the starter code leaves undone, e.g. "Tarea 2 sin hacer: eventAsJson(...) todavía no
     * escribe el JSON.", up to its final period or to where a test's own text around it begins.
     */
    private static final Pattern UNFINISHED =
            Pattern.compile("Tarea \\d+ sin hacer: [^»\\n]*?(?:\\.(?=\\s|»|$)|(?=»|\\n|$))");

    private Feedback() {
    }

    static String markdown(StudentGrade grade, Scale scale) {
        StringBuilder md = new StringBuilder();
        md.append("# Corrección de ").append(grade.submission().name()).append("\n\n");
        md.append("**Nota final: ").append(Texts.mark(grade.total())).append(" sobre ")
                .append(Texts.mark(scale.max())).append("** (cada ejercicio pesa lo mismo).\n");
        for (int i = 0; i < grade.results().size(); i++) {
            ExerciseResult result = grade.results().get(i);
            ExerciseScore score = grade.scores().get(i);
            md.append("\n## Ejercicio ").append(result.exercise()).append(": ").append(Texts.mark(score.mark()))
                    .append(" (").append(score.earned()).append(" de ").append(score.max()).append(" puntos)\n\n");
            if (result.state() != ExerciseResult.State.GRADED) {
                md.append("Estado: **").append(result.state().label()).append("**.\n\n```\n")
                        .append(result.detail().strip()).append("\n```\n");
            }
            score.tasks().values().forEach(task -> md.append("- Tarea ").append(task.task()).append(": ")
                    .append(task.earned()).append(" de ").append(task.max()).append(" puntos\n"));
            List<TestResult> failed = failed(result);
            if (failed.isEmpty() && result.state() == ExerciseResult.State.GRADED) {
                md.append("\nTodas las pruebas pasan.\n");
            }
            if (result.state() == ExerciseResult.State.GRADED) {
                Map<String, List<TestResult>> unfinished = unfinished(failed);
                // A backslash in a quoted input would escape the next character in Markdown.
                unfinished.forEach((task, tests) -> md.append("\n### ✘ ").append(task.replace("\\", "\\\\"))
                        .append("\n\n- ").append(affected(tests)).append('\n'));
                for (TestResult test : others(failed, unfinished)) {
                    md.append("\n### ✘ ").append(test.fullName()).append(test.hidden() ? " (prueba oculta)" : "")
                            .append("\n\n");
                    md.append("- Tarea ").append(test.task()).append(", ").append(test.points()).append(test.points() == 1 ? " punto: " : " puntos: ")
                            .append(test.status().label()).append('\n');
                    md.append("- Mensaje: ").append(Texts.explain(test).replace("\n", "\n  ")).append('\n');
                    String location = Texts.location(test);
                    if (location != null) {
                        md.append("- Lugar probable: `").append(location).append("`\n");
                    }
                    if (test.output() != null && !test.output().isBlank()) {
                        md.append("\nSalida de la prueba:\n\n```\n")
                                .append(Texts.cut(test.output().strip(), OUTPUT_SHOWN)).append("\n```\n");
                    }
                }
            }
        }
        return md.toString();
    }

    static String html(StudentGrade grade, Scale scale) {
        StringBuilder html = new StringBuilder();
        String name = Texts.html(grade.submission().name());
        html.append("<!DOCTYPE html>\n<html lang=\"es\"><head><meta charset=\"utf-8\"><title>Corrección de ")
                .append(name).append("</title><style>").append(Texts.STYLE).append("</style></head><body>\n");
        html.append("<h1>Corrección de ").append(name).append("</h1>\n<p><strong>Nota final: ")
                .append(Texts.mark(grade.total())).append(" sobre ").append(Texts.mark(scale.max()))
                .append("</strong> (cada ejercicio pesa lo mismo).</p>\n");
        for (int i = 0; i < grade.results().size(); i++) {
            ExerciseResult result = grade.results().get(i);
            ExerciseScore score = grade.scores().get(i);
            html.append("<h2>Ejercicio ").append(result.exercise()).append(": ").append(Texts.mark(score.mark()))
                    .append(" <span class=\"muted\">(").append(score.earned()).append(" de ").append(score.max())
                    .append(" puntos)</span></h2>\n");
            if (result.state() != ExerciseResult.State.GRADED) {
                html.append("<p>Estado: <strong class=\"ko\">").append(result.state().label())
                        .append("</strong></p><pre>").append(Texts.html(result.detail().strip())).append("</pre>\n");
            }
            html.append("<table><tr><th>Tarea</th><th>Puntos</th></tr>\n");
            score.tasks().values().forEach(task -> html.append("<tr><td>Tarea ").append(task.task())
                    .append("</td><td class=\"num\">").append(task.earned()).append(" / ").append(task.max())
                    .append("</td></tr>\n"));
            html.append("</table>\n");
            if (result.state() != ExerciseResult.State.GRADED) {
                continue;
            }
            List<TestResult> failed = failed(result);
            if (failed.isEmpty()) {
                html.append("<p class=\"ok\">Todas las pruebas pasan.</p>\n");
            }
            Map<String, List<TestResult>> unfinished = unfinished(failed);
            unfinished.forEach((task, tests) -> html.append("<div class=\"failure\"><h3>✘ ")
                    .append(Texts.html(task)).append("</h3>\n<p>").append(Texts.html(affected(tests)))
                    .append("</p></div>\n"));
            for (TestResult test : others(failed, unfinished)) {
                html.append("<div class=\"failure\"><h3>✘ ").append(Texts.html(test.fullName()))
                        .append(test.hidden() ? " <span class=\"muted\">(prueba oculta)</span>" : "")
                        .append("</h3>\n<p>Tarea ").append(test.task()).append(", ").append(test.points())
                        .append(test.points() == 1 ? " punto: " : " puntos: ").append(test.status().label()).append("</p>\n<p>")
                        .append(Texts.html(Texts.explain(test))).append("</p>\n");
                String location = Texts.location(test);
                if (location != null) {
                    html.append("<p>Lugar probable: <code>").append(Texts.html(location)).append("</code></p>\n");
                }
                if (test.output() != null && !test.output().isBlank()) {
                    html.append("<details><summary>Salida de la prueba</summary><pre>")
                            .append(Texts.html(Texts.cut(test.output().strip(), OUTPUT_SHOWN)))
                            .append("</pre></details>\n");
                }
                html.append("</div>\n");
            }
        }
        return html.append("</body></html>\n").toString();
    }

    /**
     * Groups the failed tests that stopped at a task the starter code leaves undone, by task and method, in the order
     * they first appear: the task is shown once, with the tests it costs, instead of once per test. A starter
     * message that quotes its input ("number(...) todavía no convierte '2'") is shown up to where they differ.
     */
    static Map<String, List<TestResult>> unfinished(List<TestResult> failed) {
        Map<String, List<TestResult>> byTask = new LinkedHashMap<>();
        Map<String, List<String>> sentences = new LinkedHashMap<>();
        for (TestResult test : failed) {
            String sentence = unfinishedTask(test);
            if (sentence != null) {
                String task = sentence.replaceFirst("^(Tarea \\d+ sin hacer: \\S+).*$", "$1");
                byTask.computeIfAbsent(task, key -> new ArrayList<>()).add(test);
                sentences.computeIfAbsent(task, key -> new ArrayList<>()).add(sentence);
            }
        }
        Map<String, List<TestResult>> groups = new LinkedHashMap<>();
        byTask.forEach((task, tests) -> groups.put(commonStart(sentences.get(task)), tests));
        return groups;
    }

    /** Returns the failed tests that no group of unfinished tasks contains, in their order. */
    private static List<TestResult> others(List<TestResult> failed, Map<String, List<TestResult>> unfinished) {
        Set<TestResult> grouped = Collections.newSetFromMap(new IdentityHashMap<>());
        unfinished.values().forEach(grouped::addAll);
        return failed.stream().filter(test -> !grouped.contains(test)).toList();
    }

    /** Returns the sentence they all share, or their common start cut at a word and followed by "…". */
    private static String commonStart(List<String> sentences) {
        String first = sentences.get(0);
        if (sentences.stream().allMatch(first::equals)) {
            return first;
        }
        int length = first.length();
        for (String sentence : sentences) {
            int same = 0;
            int max = Math.min(length, sentence.length());
            while (same < max && sentence.charAt(same) == first.charAt(same)) {
                same++;
            }
            length = same;
        }
        int space = first.lastIndexOf(' ', length);
        return first.substring(0, Math.max(space, 0)).strip() + " …";
    }

    /** Returns the starter's "Tarea N sin hacer: …" sentence the test's message contains, or null. */
    static String unfinishedTask(TestResult test) {
        Matcher matcher = UNFINISHED.matcher(Texts.explain(test));
        return matcher.find() ? matcher.group().strip() : null;
    }

    private static String affected(List<TestResult> tests) {
        int points = tests.stream().mapToInt(TestResult::points).sum();
        String names = tests.stream().map(test -> test.name() + (test.hidden() ? " (oculta)" : ""))
                .collect(Collectors.joining("; "));
        return (tests.size() == 1 ? "Por eso falla 1 prueba (" : "Por eso fallan " + tests.size() + " pruebas (")
                + points + (points == 1 ? " punto): " : " puntos): ") + names + ".";
    }

    private static List<TestResult> failed(ExerciseResult result) {
        return result.tests().stream()
                .filter(test -> test.graded() && test.status() != TestStatus.PASSED
                        && test.status() != TestStatus.SKIPPED)
                .toList();
    }
}
