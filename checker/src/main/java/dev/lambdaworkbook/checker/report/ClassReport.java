package dev.lambdaworkbook.checker.report;

import dev.lambdaworkbook.checker.grade.ClassResults;
import dev.lambdaworkbook.checker.grade.ExerciseResult;
import dev.lambdaworkbook.checker.grade.PreparedSuite;
import dev.lambdaworkbook.checker.run.TestResult;
import dev.lambdaworkbook.checker.run.TestStatus;
import dev.lambdaworkbook.checker.score.StudentGrade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class report ({@code informe.html}): a summary, a histogram of final marks, the pass rate of every graded
 * test with the most failed first, and the table of students. Charts are inline SVG, so the file needs no network.
 */
final class ClassReport {

    private static final int BINS = 10;

    private ClassReport() {
    }

    /**
     * The share of students who passed one test.
     *
     * @param label the exercise, the task and the test's own display name, as the chart shows it
     * @param fullName the name with the test class's display name, shown as a tooltip
     */
    record PassRate(String exercise, String label, String fullName, int passed, int total) {

        double rate() {
            return total == 0 ? 0 : (double) passed / total;
        }
    }

    static String html(ClassResults results) {
        return html(results, List.of());
    }

    /** Returns the report with the warnings, if any, in a box under the title. */
    static String html(ClassResults results, List<String> warnings) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"es\"><head><meta charset=\"utf-8\">")
                .append("<title>Informe de la clase</title><style>").append(Texts.STYLE)
                .append("</style></head><body>\n<h1>Informe de la clase</h1>\n");
        if (!warnings.isEmpty()) {
            html.append("<section class=\"avisos\"><h2>Avisos</h2>\n<ul>\n");
            warnings.forEach(warning -> html.append("<li>").append(Texts.html(warning)).append("</li>\n"));
            html.append("</ul></section>\n");
        }
        summary(html, results);
        html.append("<h2>Distribución de notas</h2>\n").append(histogram(results)).append('\n');
        html.append("<h2>Pruebas superadas por la clase</h2>\n<p class=\"muted\">Porcentaje de los alumnos que ")
                .append("entregaron el ejercicio que superan cada prueba; primero las que más fallan.</p>\n")
                .append(passRateChart(passRates(results))).append('\n');
        students(html, results);
        return html.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder html, ClassResults results) {
        List<Double> totals = results.grades().stream().map(StudentGrade::total).sorted().toList();
        double mean = totals.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double median = totals.isEmpty() ? 0 : totals.size() % 2 == 1 ? totals.get(totals.size() / 2)
                : (totals.get(totals.size() / 2 - 1) + totals.get(totals.size() / 2)) / 2;
        long passing = totals.stream().filter(total -> total >= results.scale().max() / 2).count();
        html.append("<p>").append(totals.size()).append(totals.size() == 1 ? " alumno, " : " alumnos, ")
                .append(results.suites().size() == 1 ? "ejercicio " : "ejercicios ")
                .append(String.join(", ", results.suites().stream().map(PreparedSuite::id).toList()))
                .append(", escala de 0 a ").append(Texts.mark(results.scale().max())).append(". Nota media ")
                .append(Texts.mark(mean)).append(", mediana ").append(Texts.mark(median)).append("; ")
                .append(passing).append(passing == 1 ? " alumno llega" : " alumnos llegan")
                .append(" a la mitad de la escala.</p>\n");
    }

    static String histogram(ClassResults results) {
        int[] counts = new int[BINS];
        double width = results.scale().max() / BINS;
        for (StudentGrade grade : results.grades()) {
            counts[Math.min(BINS - 1, (int) Math.floor(grade.total() / width))]++;
        }
        int highest = Math.max(1, java.util.Arrays.stream(counts).max().orElse(1));
        int chartHeight = 180;
        int barWidth = 52;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"histograma\" role=\"img\" aria-label=\"Histograma de notas finales\" width=\"")
                .append(BINS * barWidth + 40).append("\" height=\"").append(chartHeight + 60)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        for (int i = 0; i < BINS; i++) {
            int height = counts[i] * chartHeight / highest;
            int x = 20 + i * barWidth;
            int y = 20 + chartHeight - height;
            svg.append("<rect class=\"barra\" x=\"").append(x + 4).append("\" y=\"").append(y)
                    .append("\" width=\"").append(barWidth - 8).append("\" height=\"").append(height)
                    .append("\" fill=\"#3e7cb1\"><title>").append(counts[i]).append(counts[i] == 1 ? " alumno" : " alumnos").append("</title></rect>\n");
            svg.append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(y - 3)
                    .append("\" text-anchor=\"middle\">").append(counts[i]).append("</text>\n");
            String from = Texts.mark(i * width).replace(",00", "");
            String to = Texts.mark((i + 1) * width).replace(",00", "");
            svg.append("<text x=\"").append(x + barWidth / 2).append("\" y=\"").append(chartHeight + 38)
                    .append("\" text-anchor=\"middle\">").append(from).append("–").append(to).append("</text>\n");
        }
        svg.append("<line x1=\"20\" x2=\"").append(20 + BINS * barWidth).append("\" y1=\"").append(chartHeight + 20)
                .append("\" y2=\"").append(chartHeight + 20).append("\" stroke=\"#52606d\"/>\n</svg>");
        return svg.toString();
    }

    static List<PassRate> passRates(ClassResults results) {
        Map<String, PassRate> rates = new LinkedHashMap<>();
        for (StudentGrade grade : results.grades()) {
            for (ExerciseResult result : grade.results()) {
                // A student who handed in nothing for the exercise tells nothing about how hard its tests are.
                if (result.state() == ExerciseResult.State.NOT_SUBMITTED
                        || result.state() == ExerciseResult.State.UNCHANGED
                        || result.state() == ExerciseResult.State.INVALID) {
                    continue;
                }
                for (TestResult test : result.tests()) {
                    if (!test.graded() || test.status() == TestStatus.SKIPPED) {
                        continue;
                    }
                    String key = result.exercise() + " " + test.id();
                    String label = result.exercise() + " · T" + test.task() + " · " + test.name();
                    PassRate before = rates.getOrDefault(key,
                            new PassRate(result.exercise(), label, test.fullName(), 0, 0));
                    rates.put(key, new PassRate(before.exercise(), before.label(), before.fullName(),
                            before.passed() + (test.status().passed() ? 1 : 0), before.total() + 1));
                }
            }
        }
        List<PassRate> sorted = new ArrayList<>(rates.values());
        sorted.sort(Comparator.comparingDouble(PassRate::rate).thenComparing(PassRate::exercise)
                .thenComparing(PassRate::label));
        return sorted;
    }

    static String passRateChart(List<PassRate> rates) {
        int rowHeight = 24;
        int labelWidth = 560;
        int barMax = 300;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"pruebas\" role=\"img\" aria-label=\"Porcentaje de alumnos que superan cada prueba\" ")
                .append("width=\"").append(labelWidth + barMax + 70).append("\" height=\"")
                .append(rates.size() * rowHeight + 10).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        for (int i = 0; i < rates.size(); i++) {
            PassRate rate = rates.get(i);
            int y = 5 + i * rowHeight;
            String label = rate.label().length() > 80 ? rate.label().substring(0, 79) + "…" : rate.label();
            int width = (int) Math.round(rate.rate() * barMax);
            String color = rate.rate() < 0.5 ? "#b42318" : rate.rate() < 0.8 ? "#d69e2e" : "#0b6e4f";
            svg.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(Texts.html(label)).append("<title>")
                    .append(Texts.html(rate.fullName())).append("</title></text>\n");
            svg.append("<rect class=\"tasa\" x=\"").append(labelWidth).append("\" y=\"").append(y + 3)
                    .append("\" width=\"").append(Math.max(width, 1)).append("\" height=\"").append(rowHeight - 8)
                    .append("\" fill=\"").append(color).append("\"><title>").append(rate.passed()).append(" de ")
                    .append(rate.total()).append("</title></rect>\n");
            svg.append("<text x=\"").append(labelWidth + Math.max(width, 1) + 6).append("\" y=\"").append(y + 15)
                    .append("\">").append(Texts.percent(rate.rate())).append("</text>\n");
        }
        return svg.append("</svg>").toString();
    }

    private static void students(StringBuilder html, ClassResults results) {
        html.append("<h2>Alumnos</h2>\n<table><tr><th>Alumno</th><th>Identificador</th>");
        results.suites().forEach(suite -> html.append("<th>").append(suite.id()).append("</th>"));
        html.append("<th>Nota</th></tr>\n");
        for (StudentGrade grade : results.grades()) {
            String folder = "alumnos/" + grade.submission().folderName() + "/feedback.html";
            html.append("<tr><td><a href=\"").append(Texts.html(folder)).append("\">")
                    .append(Texts.html(grade.submission().name())).append("</a></td><td>")
                    .append(Texts.html(grade.submission().id())).append("</td>");
            for (int i = 0; i < grade.scores().size(); i++) {
                ExerciseResult result = grade.results().get(i);
                String state = result.state() == ExerciseResult.State.GRADED ? ""
                        : " <span class=\"muted\">(" + result.state().label() + ")</span>";
                html.append("<td class=\"num\">").append(Texts.mark(grade.scores().get(i).mark())).append(state)
                        .append("</td>");
            }
            html.append("<td class=\"num\"><strong>").append(Texts.mark(grade.total())).append("</strong></td></tr>\n");
        }
        html.append("</table>\n");
    }
}
